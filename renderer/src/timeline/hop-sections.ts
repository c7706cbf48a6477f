// The event list in sections, one per redirect hop: a heading with the hop's URL and status
// line (from its `headers` event and the REDIRECT that led to it), optionally its response
// headers, then the hop's events. Every row has the same height, so the virtual window's
// math works on display rows; rowAt finds a row by binary search over the few sections.
// Pure, tested without a DOM.
import type { InetEvent } from '../../../contract/events.js';
import { parseHeaders, statusText } from '../format.js';
import { hopInfos } from './waterfall-layout.js';

export interface HopSection {
  hop: number;
  /** Index in the events of the hop's first event. */
  first: number;
  url?: string;
  statusCode?: number;
  statusLine?: string;
  /** The hop's response headers, when its `headers` event came. */
  headers: Array<[string, string]>;
  /** The hop ended in a followed redirect. */
  redirected: boolean;
  /** The hop was an answered 401/407: "auth leg 401 → Digest". */
  authLeg?: string;
}

/** Sections in hop order; events are in seq order, so hops never go down. */
export function hopSections(events: readonly InetEvent[]): HopSection[] {
  const infos = hopInfos(events);
  const sections: HopSection[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as InetEvent;
    let s = sections[sections.length - 1];
    if (!s || e.hop !== s.hop) {
      const info = infos.get(e.hop);
      s = { hop: e.hop, first: i, url: info?.url, statusCode: info?.status, headers: [], redirected: info?.redirected ?? false, ...(info?.authLeg ? { authLeg: info.authLeg } : {}) };
      sections.push(s);
    }
    if (e.type === 'headers') {
      s.statusCode = e.statusCode;
      s.statusLine = e.statusLine;
      s.headers = parseHeaders(e.rawHeaders);
    }
  }
  return sections;
}

/** "302 Found", "3xx" (redirected, no headers event seen), or "…" while under way. */
export function sectionStatus(s: HopSection): string {
  if (s.statusCode !== undefined) return statusText(s.statusCode, s.statusLine ?? '');
  return s.redirected ? '3xx' : '…';
}

export type ListRow =
  | { kind: 'section'; section: HopSection }
  | { kind: 'header'; section: HopSection; name: string; value: string }
  | { kind: 'event'; index: number };

export interface ListLayout {
  count: number;
  rowAt(i: number): ListRow;
}

/** Display rows: per section its heading, its headers when `expanded` has its hop, its events. */
export function listLayout(sections: readonly HopSection[], eventCount: number, expanded: ReadonlySet<number>): ListLayout {
  const starts: number[] = [];
  let count = 0;
  sections.forEach((s, k) => {
    starts.push(count);
    const end = sections[k + 1]?.first ?? eventCount;
    count += 1 + (expanded.has(s.hop) ? s.headers.length : 0) + (end - s.first);
  });
  const rowAt = (i: number): ListRow => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    const s = sections[lo] as HopSection;
    const within = i - (starts[lo] as number);
    if (within === 0) return { kind: 'section', section: s };
    const shown = expanded.has(s.hop) ? s.headers.length : 0;
    if (within <= shown) {
      const [name, value] = s.headers[within - 1] as [string, string];
      return { kind: 'header', section: s, name, value };
    }
    return { kind: 'event', index: s.first + within - 1 - shown };
  };
  return { count, rowAt };
}
