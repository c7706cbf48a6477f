// The shape of the window: stacked (composer over the response) or side by side, the
// timeline as a pane beside the response or as one of its tabs, and the size of each split pane, remembered in localStorage as the sidebar's choices are. Sizes
// are fractions of their split, so a resized window keeps its proportions.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

const KEY = 'inetscope.layout';

export type Orientation = 'stacked' | 'side';
export type SplitName = 'sidebar' | 'composer' | 'timeline';
/** pane: the timeline in a split pane beside (or under) the response; tab: a response tab. */
export type TimelinePlace = 'pane' | 'tab';

export interface LayoutState {
  orientation: Orientation;
  timeline: TimelinePlace;
  /** Each split's first pane as a fraction of the split: the sidebar of the window's width,
   * the composer of the work area, the response of the exchange (the timeline has the rest). */
  sizes: Record<SplitName, number>;
  /** The response tab last chosen (response-tabs.tsx); one not offered falls back to Body. */
  responseTab: string;
  /** The Raw text viewer wraps its rows to its width. */
  wrapRaw: boolean;
}

export const DEFAULT_LAYOUT: LayoutState = { orientation: 'stacked', timeline: 'pane', sizes: { sidebar: 0.22, composer: 0.3, timeline: 0.55 }, responseTab: 'body', wrapRaw: false };

const isFraction = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

/** The stored layout, each field checked on its own: one bad value falls back alone. */
export function parseLayout(text: string | null): LayoutState {
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : undefined;
  } catch {
    raw = undefined;
  }
  const o = (raw && typeof raw === 'object' ? raw : {}) as { orientation?: unknown; timeline?: unknown; sizes?: Record<string, unknown>; responseTab?: unknown; wrapRaw?: unknown };
  const sizes = { ...DEFAULT_LAYOUT.sizes };
  for (const k of Object.keys(sizes) as SplitName[]) {
    const v = o.sizes?.[k];
    if (isFraction(v)) sizes[k] = v;
  }
  const responseTab = typeof o.responseTab === 'string' && /^[a-z-]{1,40}$/.test(o.responseTab) ? o.responseTab : DEFAULT_LAYOUT.responseTab;
  return { orientation: o.orientation === 'side' ? 'side' : 'stacked', timeline: o.timeline === 'tab' ? 'tab' : 'pane', sizes, responseTab, wrapRaw: o.wrapRaw === true };
}

function stored(): string | null {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

function remember(s: LayoutState): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage refused (a private window): the layout lasts for this page only.
  }
}

export const layoutStore = createStore<LayoutState>()(() => parseLayout(stored()));

export const useLayout = <T,>(selector: (s: LayoutState) => T): T => useStore(layoutStore, selector);

function update(patch: Partial<LayoutState>): void {
  layoutStore.setState(patch);
  remember(layoutStore.getState());
}

export const setSplit = (name: SplitName, fraction: number): void => update({ sizes: { ...layoutStore.getState().sizes, [name]: fraction } });

export const setResponseTab = (responseTab: string): void => update({ responseTab });

export const setOrientation = (orientation: Orientation): void => update({ orientation });

export const toggleOrientation = (): void => setOrientation(layoutStore.getState().orientation === 'stacked' ? 'side' : 'stacked');

export const toggleTimelinePlace = (): void => update({ timeline: layoutStore.getState().timeline === 'pane' ? 'tab' : 'pane' });

export const setWrapRaw = (wrapRaw: boolean): void => update({ wrapRaw });
