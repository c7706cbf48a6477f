// The UI shell; its parts arrive with the renderer issue.
export function App() {
  return <p>InetScope: the desktop UI arrives in a later release. The engines, the app core and the CLI work today.</p>;
}
