// Chained variables' words, defined once for the core and the page: what a chain reads (as
// the hover and the dialog show it) and the NEEDS_RESPONSE message, whose quoted request
// path the page reads back to offer "Send it" (a command failure carries a code and a
// message only: Electron's IPC keeps no other field). Pure; imports only the contract.
import type { ChainFrom } from '../contract/variables.js';

/** "auth/Login: $.token", "auth/Login: header X-Token", "auth/Login: status". */
export function describeChain(from: ChainFrom): string {
  const what = from.source === 'body' ? from.path : from.source === 'header' ? `header ${from.path}` : 'status';
  return `${from.request}: ${what}`;
}

/** The NEEDS_RESPONSE failure's message for `{{name}}` chained from `request`. */
export function needsResponseMessage(name: string, request: string): string {
  return `{{${name}}} takes its value from the response of ${JSON.stringify(request)}, which has not been sent yet: send it first`;
}

const NEEDS = /takes its value from the response of ("(?:[^"\\]|\\.)*"), which has not been sent yet/;

/** The request path a NEEDS_RESPONSE message names (the first one), if it names one. */
export function needsResponseRequest(message: string): string | undefined {
  const m = NEEDS.exec(message);
  if (!m) return undefined;
  try {
    const path = JSON.parse(m[1]!) as unknown;
    return typeof path === 'string' ? path : undefined;
  } catch {
    return undefined;
  }
}
