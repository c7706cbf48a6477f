// The URL field's own check (domain/url.ts, the same the core applies): its message shows
// at the field once typing pauses or the field is left, and at once after a refused Send.
import { useEffect, useState } from 'react';
import { urlFieldProblem } from './draft.js';

/** Typing pauses this long before a half-typed URL ("http:") is called wrong. */
const SETTLE_MS = 600;

/** What to show at the URL field; undefined: nothing (fine, empty, or still being typed). */
export function useUrlProblem(url: string, focused: boolean, sendError: string | undefined): string | undefined {
  const [settled, setSettled] = useState(url);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(url), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [url]);
  const problem = urlFieldProblem(url);
  if (!problem) return undefined;
  return !focused || settled === url || sendError === problem ? problem : undefined;
}
