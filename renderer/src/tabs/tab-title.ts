// A tab's title: its saved request's name, else its method and URL. Pure.
import type { Tab } from './tabs-slice.js';

export function tabTitle(t: Tab): string {
  if (t.title) return t.title;
  const url = t.draft.url.trim().replace(/^[a-z]+:\/\//i, '');
  return url ? `${t.draft.method} ${url}` : 'New request';
}
