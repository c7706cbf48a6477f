// The Cookies view's state: the jar of the workspace it shows (as last listed), the search,
// the cookie being edited or added, a clear waiting for its confirmation, the last report.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Cookie } from '../../../contract/cookies.js';
import type { ReportText } from '../sidebar/ReportLine.js';

export interface CookiesState {
  /** The workspace the list is of; absent: not listed yet. */
  id?: string;
  cookies: Cookie[];
  /** The jar file could not be used as it was (the core's words). */
  problem?: string;
  query: string;
  /** The edit dialog: the cookie it edits (absent: a new one, in `domain` if given). */
  editing?: { cookie?: Cookie; domain?: string };
  /** Clear asks first: one domain, or (absent) every cookie of the workspace. */
  confirmClear?: { domain?: string };
  report?: ReportText;
}

export const cookiesStore = createStore<CookiesState>()(() => ({ cookies: [], query: '' }));

export const useCookies = <T,>(selector: (s: CookiesState) => T): T => useStore(cookiesStore, selector);
