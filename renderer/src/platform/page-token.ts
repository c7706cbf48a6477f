// Browser mode's per-run token: the page URL the server prints carries it (?token=…). It
// is taken out of the address bar as soon as it is read, so it does not stay in the tab's
// back/forward entries, a bookmark or a shared screenshot; sessionStorage (this tab only)
// keeps it for reloads.
const KEY = 'inetscope-token';

/** The parts of window used here (a fake in tests). */
export interface TokenWindow {
  location: { pathname: string; search: string; hash: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

export function takePageToken(w: TokenWindow): string {
  const params = new URLSearchParams(w.location.search);
  const fromUrl = params.get('token');
  if (fromUrl === null) {
    try {
      return w.sessionStorage.getItem(KEY) ?? '';
    } catch {
      return ''; // storage refused (privacy settings): the user opens the printed URL again
    }
  }
  try {
    w.sessionStorage.setItem(KEY, fromUrl);
  } catch {
    // Without storage a reload needs the printed URL again; the token still leaves the address bar.
  }
  params.delete('token');
  const search = params.toString();
  w.history.replaceState(w.history.state, '', `${w.location.pathname}${search ? `?${search}` : ''}${w.location.hash}`);
  return fromUrl;
}
