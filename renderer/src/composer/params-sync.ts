// Keeps the query table and the URL in step. The URL is the truth for enabled rows; the
// draft keeps the rows the URL cannot hold (disabled ones, a blank row being filled in) so
// they survive an edit of the URL in place.
import { parseParams, withParams, type ParamRow } from './url-params.js';

const isBlank = (r: ParamRow): boolean => r.name === '' && r.value === '';
const inUrl = (r: ParamRow): boolean => r.enabled && !isBlank(r);

/** The table for `url`: each row the URL holds takes the next parameter parsed from the URL,
 * the others stay where they were; parameters beyond the old rows are appended. */
export function rowsForUrl(url: string, kept: readonly ParamRow[]): ParamRow[] {
  const parsed = parseParams(url);
  const out: ParamRow[] = [];
  let next = 0;
  for (const r of kept) {
    if (!inUrl(r)) out.push(r);
    else if (next < parsed.length) out.push(parsed[next++]!);
  }
  return out.concat(parsed.slice(next));
}

/** A table edit: the URL rebuilt from the rows (withParams keeps untouched ones as typed). */
export function urlForRows(url: string, rows: readonly ParamRow[]): string {
  return withParams(url, rows);
}
