// Each redirect hop's request and response heads, from its `headers` event: for the Headers
// tab (name/value tables per hop) and the Raw exchange tab (the heads as text). Pure.
import type { InetEvent } from '../../../contract/events.js';

export interface HopHead {
  hop: number;
  statusLine: string;
  /** The response head as received, status line first. */
  response: string;
  /** The request head as the stack sent it, when it can tell. */
  request?: string;
  /** 1xx heads received before the response. */
  interim?: string;
}

export function hopHeads(events: readonly InetEvent[]): HopHead[] {
  const out: HopHead[] = [];
  for (const e of events) {
    if (e.type !== 'headers') continue;
    out.push({ hop: e.hop, statusLine: e.statusLine, response: e.rawHeaders, request: e.requestHeaders, interim: e.interimHeads });
  }
  return out;
}

/** A head as text with plain line ends and no trailing blank lines. */
const tidy = (head: string): string => head.replace(/\r\n/g, '\n').trimEnd();

/** The exchange as text: per hop, the request head, a blank line, then the response head(s). */
export function rawExchange(heads: readonly HopHead[]): string {
  return heads
    .map((h) => {
      const parts = [h.request ? tidy(h.request) : '(the request head was not reported by the engine)'];
      if (h.interim) parts.push(tidy(h.interim));
      parts.push(tidy(h.response));
      const title = heads.length > 1 ? `# hop ${h.hop}\n` : '';
      return title + parts.join('\n\n');
    })
    .join('\n\n');
}
