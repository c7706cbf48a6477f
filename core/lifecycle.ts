// Shutdown as one list: each part adds how it is closed right after it is made, and the
// list closes them in reverse order, the last made first (vscode's DisposableStore). The
// core, browser mode and the Electron main process each close through one of these.
export class DisposableStore {
  private readonly steps: Array<() => unknown> = [];
  private disposed?: Promise<void>;

  /** Adds a step of the shutdown (sync or async). */
  add(step: () => unknown): void {
    if (this.disposed) throw new Error('this store is disposed already');
    this.steps.push(step);
  }

  /** Runs every step once, the last added first; a failing step does not stop the others,
   * and the first failure is thrown once all have run. Later calls return the same promise. */
  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      let failure: unknown;
      for (const step of this.steps.splice(0).reverse()) {
        try {
          await step();
        } catch (e) {
          failure ??= e;
        }
      }
      if (failure !== undefined) throw failure;
    })();
    return this.disposed;
  }
}
