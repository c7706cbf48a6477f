// A tab's title: its saved request's name (or the name given by renaming the tab), else its
// method and the URL's path, so tabs on one host differ by what tells them apart. Pure.
import type { Tab } from './tabs-slice.js';

/** The URL's path and query, or its host when the path is just "/"; a URL with variables,
 * or one that does not parse, is shown without its scheme. */
export function urlLabel(raw: string): string {
  const text = raw.trim();
  const bare = text.replace(/^[a-z]+:\/\//i, '');
  // A {{variable}} may be the host (the URL parser takes braces there): shown as typed.
  if (text.includes('{{')) return bare;
  try {
    const u = new URL(text);
    const rest = `${u.pathname}${u.search}`;
    return rest === '/' ? u.host : rest;
  } catch {
    return bare;
  }
}

export function tabTitle(t: Tab): string {
  if (t.title) return t.title;
  const url = urlLabel(t.draft.url);
  return url ? `${t.draft.method} ${url}` : 'New request';
}
