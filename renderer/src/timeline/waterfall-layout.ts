// Layout of the waterfall's rows around geometry.ts: a section heading per redirect hop
// (its status and URL, where the events tell them) above that hop's phase rows, and the
// exact numbers a hovered bar shows. Pure, tested without a DOM.
import type { InetEvent } from '../../../contract/events.js';
import type { WaterfallRow } from './geometry.js';
import { authLegLabel, authLegs } from '../../../domain/auth-legs.js';

export interface HopInfo {
  hop: number;
  /** The status of this hop's response (headers event), when seen. */
  status?: number;
  /** The URL this hop asked for: the started URL, then each REDIRECT's target. */
  url?: string;
  /** This hop ended in a followed redirect. */
  redirected: boolean;
  /** This hop was a 401/407 the engine answered: "auth leg 401 → Digest". */
  authLeg?: string;
}

export function hopInfos(events: readonly InetEvent[]): Map<number, HopInfo> {
  const hops = new Map<number, HopInfo>();
  const get = (hop: number): HopInfo => {
    let h = hops.get(hop);
    if (!h) hops.set(hop, (h = { hop, redirected: false }));
    return h;
  };
  for (const e of events) {
    if (e.type === 'started') get(e.hop).url = e.url;
    else if (e.type === 'headers') get(e.hop).status = e.statusCode;
    else if (e.type === 'native' && e.status === 'REDIRECT') {
      get(e.hop).redirected = true;
      if (e.info?.url) get(e.hop + 1).url = e.info.url;
    } else if (e.type === 'native' && e.status === 'AUTH_LEG') {
      // The next leg asks for the same URL again, with credentials.
      const url = get(e.hop).url;
      if (url) get(e.hop + 1).url = url;
    }
  }
  for (const leg of authLegs(events)) get(leg.hop).authLeg = authLegLabel(leg);
  return hops;
}

export function hopTitle(h: HopInfo | undefined, hop: number): string {
  const status = h?.status !== undefined ? String(h.status) : h?.redirected ? '3xx' : '…';
  return `hop ${hop} · ${status}${h?.authLeg ? ` · ${h.authLeg}` : ''}${h?.url ? ` · ${h.url}` : ''}`;
}

export type WaterfallItem =
  | { kind: 'hop'; key: string; hop: number; y: number; title: string }
  | { kind: 'bar'; key: string; y: number; row: WaterfallRow };

/** Rows in geometry order with a heading before each hop's first row; y in px. */
export function layoutWaterfall(
  rows: readonly WaterfallRow[],
  hops: Map<number, HopInfo>,
  rowHeight: number,
): { items: WaterfallItem[]; height: number } {
  const items: WaterfallItem[] = [];
  let y = 0;
  let current: number | undefined;
  for (const row of rows) {
    if (row.hop !== current) {
      current = row.hop;
      items.push({ kind: 'hop', key: `hop-${row.hop}`, hop: row.hop, y, title: hopTitle(hops.get(row.hop), row.hop) });
      y += rowHeight;
    }
    // The key names the phase, not the index: a hovered bar keeps its identity per frame.
    items.push({ kind: 'bar', key: barKey(row), y, row });
    y += rowHeight;
  }
  return { items, height: y };
}

export const barKey = (r: Pick<WaterfallRow, 'hop' | 'phase'>): string => `${r.hop}:${r.phase}`;

/** What a hovered bar says: phase, start and duration to the microsecond. */
export function barTooltip(r: WaterfallRow): string {
  return `hop ${r.hop} ${r.phase}: start ${r.startMs.toFixed(3)} ms, duration ${r.durationMs.toFixed(3)} ms${r.running ? ' (running)' : ''}`;
}
