// The cases the CLI is compared on with the real curl (see cli-control.ts). A case names
// the server's reply (a raw script, or a path on the control HTTP server) and the flags;
// curl's exit code and stdout are the expected result. `gaps` names, per engine, why a
// stack cannot match curl (the case then runs as a todo).
import type { Script } from './faults/script.js';
import type { EngineName } from '../native-bridge/engine.js';

export interface ControlEnv {
  /** The URL of a raw-script case by name. */
  raw(name: string): string;
  /** A path on the control HTTP server. */
  http(path: string): string;
  port(): number;
}

export interface ControlCase {
  name: string;
  title: string;
  script?: (ctx: { url: string; lastRequest: string }) => Script;
  args(env: ControlEnv): string[];
  stdin?: Buffer;
  setup?(dir: string): void;
  /** Files (relative to the run's directory) compared after the run. */
  files?: string[];
  /** curl's own exit code, as a check that the case tests what it says. */
  expectCurl?: number;
  stderr?: RegExp;
  gaps?: Partial<Record<EngineName, string>>;
}

const raw = (name: string, title: string, text: string, args: string[] = [], expectCurl?: number, more: Partial<ControlCase> = {}): ControlCase => ({
  name, title, script: () => [{ send: text }], args: (env) => [...args, env.raw(name)], expectCurl, ...more,
});

const CRLF_GAP = 'WinInet hands over header lines normalised to CRLF: the raw bytes of the head are not available';

export const CONTROL_CASES: ControlCase[] = [
  // 1. Exit codes: the libcurl code curl exits with.
  raw('empty-reply', 'an empty reply is 52', '', [], 52),
  raw('bad-version', 'a status line with a version that does not exist', 'HTTP/2.5 200 OK\r\nContent-Length: 3\r\n\r\nabc'),
  raw('bad-protocol', 'a status line with a wrong protocol name', 'HTTX/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc'),
  raw('bad-status-garbage', 'a reply that is not HTTP', 'hello there\r\n\r\n'),
  raw('bad-status-code', 'a status code that is not three digits', 'HTTP/1.1 2000 OK\r\nContent-Length: 3\r\n\r\nabc'),
  raw('chunk-overflow', 'a chunk size that overflows is 56', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n', [], 56),
];
