// Which configured rule answers a request: the first whose method (if given) and path
// match, exact or by prefix, on the path without its query. None: the JSON summary.
import type { CatchRule } from '../../contract/catch.js';

function pathOnly(target: string): string {
  const q = target.search(/[?#]/);
  return q < 0 ? target : target.slice(0, q);
}

export function matchRule(rules: readonly CatchRule[], method: string, target: string): number {
  const p = pathOnly(target);
  return rules.findIndex((r) => {
    if (r.match.method !== undefined && r.match.method.toUpperCase() !== method.toUpperCase()) return false;
    return r.match.prefix ? p.startsWith(r.match.path) : p === r.match.path;
  });
}
