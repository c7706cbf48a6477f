// One row of the curl case tables (curl-cases.ts, curl-cases-more.ts): a command and the request it must give.
import type { RequestDraft } from '../../contract/request.js';

export interface CurlCase {
  name: string;
  cmd: string;
  url: string;
  method: string;
  h: Array<[string, string]>;
  body?: string | RequestDraft['body'];
  more?: Partial<RequestDraft>;
  /** Every warning must match one of these, and each of these a warning. */
  warn?: RegExp[];
  files?: number;
}
