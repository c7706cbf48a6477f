// The one owner of a postman-sandbox context (the sandbox Postman and Newman use): made on
// first use (about 350 ms), reused for every script, disposed with its owner. Scripts run one
// at a time (the sandbox shares one scope between executions), each with a deadline: the
// sandbox runs them in a worker thread, so an endless loop never blocks this thread, and on
// the deadline the worker is ended and the next script gets a fresh one.
import { inspect } from 'node:util';
import Sandbox from 'postman-sandbox';

/** What a script may not reach: no HTTP of its own, no vault, no packages, no other requests. */
const DISABLED_APIS = ['sendRequest', 'vault', 'require', 'execution.runRequest'];
/** Console entries kept per script, and characters per entry. */
const MAX_CONSOLE = 200;
const MAX_CONSOLE_CHARS = 4000;
const TIMEOUT_MESSAGE = 'sandbox not responding';

export interface SandboxAssertion {
  name: string;
  passed: boolean;
  skipped: boolean;
  error?: string;
}

/** One script's outcome: the execution's scopes and request as it left them, or why it failed. */
export interface SandboxRun {
  error?: string;
  result?: ExecutionResult;
  assertions: SandboxAssertion[];
  console: Array<{ level: string; text: string }>;
}

export interface ExecutionResult {
  request?: unknown;
  environment?: { values?: PmVariable[] };
  collectionVariables?: { values?: PmVariable[] };
  _variables?: { values?: PmVariable[] };
}
export interface PmVariable {
  key: string;
  value: unknown;
}

interface Context {
  on(event: string, listener: (...args: unknown[]) => void): void;
  execute(event: unknown, options: unknown, callback: (err: Error | null, result: ExecutionResult) => void): void;
  dispose(): void;
}

export class ScriptSandbox {
  private context: Promise<Context> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private current: { id: string; run: SandboxRun } | undefined;
  private disposed = false;

  constructor(readonly timeoutMs: number) {}

  /** Runs `source` as a `listen` ('prerequest' or 'test') script with Postman's execution context. */
  run(listen: 'prerequest' | 'test', source: string, context: Record<string, unknown>): Promise<SandboxRun> {
    const next = this.queue.then(() => this.runNow(listen, source, context));
    this.queue = next.catch(() => {});
    return next;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const ctx = await this.context?.catch(() => undefined);
    this.context = undefined;
    ctx?.dispose();
  }

  private async runNow(listen: 'prerequest' | 'test', source: string, context: Record<string, unknown>): Promise<SandboxRun> {
    const run: SandboxRun = { assertions: [], console: [] };
    if (this.disposed) return { ...run, error: 'the script sandbox is closed' };
    let ctx: Context;
    try {
      ctx = await this.contextNow();
    } catch (e) {
      this.context = undefined;
      return { ...run, error: `the script sandbox could not start: ${(e as Error).message}` };
    }
    const id = crypto.randomUUID();
    this.current = { id, run };
    try {
      return await new Promise<SandboxRun>((resolve) => {
        const options = { id, timeout: this.timeoutMs, context, allowSkipRequest: false, disabledAPIs: DISABLED_APIS };
        ctx.execute({ listen, script: { exec: source.split('\n') } }, options, (err, result) => {
          if (err) run.error = err.message === TIMEOUT_MESSAGE ? `timed out after ${this.timeoutMs} ms (the script was stopped)` : err.message;
          else run.result = result;
          resolve(run);
        });
      });
    } finally {
      this.current = undefined;
    }
  }

  private contextNow(): Promise<Context> {
    this.context ??= new Promise<Context>((resolve, reject) => {
      Sandbox.createContext({ disabledAPIs: DISABLED_APIS }, (err: Error | null, ctx: Context) => {
        if (err) return reject(err);
        ctx.on('execution.assertion', (cursor, assertions) => this.onAssertions(cursor, assertions));
        ctx.on('console', (cursor, level, ...args) => this.onConsole(cursor, level, args));
        resolve(ctx);
      });
    });
    return this.context;
  }

  /** The run an event belongs to: the current one, if the event names it. */
  private runOf(cursor: unknown): SandboxRun | undefined {
    const c = this.current;
    return c && (cursor as { execution?: unknown } | undefined)?.execution === c.id ? c.run : undefined;
  }

  private onAssertions(cursor: unknown, assertions: unknown): void {
    const run = this.runOf(cursor);
    if (!run || !Array.isArray(assertions)) return;
    for (const a of assertions as Array<{ name?: unknown; passed?: unknown; skipped?: unknown; error?: { message?: unknown } | null }>) {
      const error = typeof a.error?.message === 'string' ? { error: a.error.message } : {};
      run.assertions.push({ name: String(a.name ?? ''), passed: a.passed === true, skipped: a.skipped === true, ...error });
    }
  }

  private onConsole(cursor: unknown, level: unknown, args: unknown[]): void {
    const run = this.runOf(cursor);
    if (!run || run.console.length >= MAX_CONSOLE) return;
    const text = args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 3, breakLength: Infinity }))).join(' ');
    run.console.push({ level: String(level), text: text.length > MAX_CONSOLE_CHARS ? `${text.slice(0, MAX_CONSOLE_CHARS)}…` : text });
  }
}
