// curl's HTTP version flags and the choice each stands for (contract/request.ts), both ways:
// the CLI reads them, a pasted curl command keeps them, an exported one writes them back.
import type { HttpVersionChoice } from '../contract/request.js';

export const HTTP_VERSION_FLAGS = {
  'http1.0': '1.0',
  'http1.1': '1.1',
  http2: '2',
  'http2-prior-knowledge': '2-prior-knowledge',
  http3: '3',
} as const satisfies Record<string, HttpVersionChoice>;

export type HttpVersionFlag = keyof typeof HTTP_VERSION_FLAGS;

export function isHttpVersionFlag(long: string): long is HttpVersionFlag {
  return Object.hasOwn(HTTP_VERSION_FLAGS, long);
}

/** The curl flag that asks for a version: "--http2". */
export function httpVersionFlag(choice: HttpVersionChoice): string {
  const found = Object.entries(HTTP_VERSION_FLAGS).find(([, c]) => c === choice);
  return `--${found?.[0] ?? 'http1.1'}`;
}

/** A choice as people read it: "HTTP/2 (prior knowledge)". */
export function httpVersionLabel(choice: HttpVersionChoice): string {
  return choice === '2-prior-knowledge' ? 'HTTP/2 h2c (prior knowledge)' : `HTTP/${choice}`;
}
