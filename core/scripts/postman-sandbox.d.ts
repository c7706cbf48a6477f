// postman-sandbox ships no types for its Node entry point: the one call made here.
declare module 'postman-sandbox' {
  const Sandbox: {
    createContext(options: Record<string, unknown>, callback: (err: Error | null, context: never) => void): void;
  };
  export default Sandbox;
}
