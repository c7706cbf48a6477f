// The composer's query-parameter table ↔ the URL's query string. Pure string work, not
// URL/URLSearchParams: the URL being typed is often not a valid URL yet (no scheme, a
// half-typed host), and the parts outside the query must come back byte for byte.
//
// parseParams decodes as servers do for a query: '+' is a space, %XX is UTF-8; a malformed
// escape leaves that part as typed. withParams rebuilds the query from the enabled rows:
// a row equal to a parameter of the URL keeps that parameter's text as it was written
// (so editing one row does not re-encode the others); a new or edited row is encoded.
import { findVariables } from '../../../domain/variables.js';

import type { KeyValueRow } from '../../../contract/composer-draft.js';

/** A row of the composer's name/value tables (parameters, form fields, headers). */
export type { KeyValueRow } from '../../../contract/composer-draft.js';
export type ParamRow = KeyValueRow;

interface UrlParts {
  /** Everything before the '?' (or before the '#' when there is no query). */
  base: string;
  /** The query without its '?'; undefined when the URL has no '?'. */
  query: string | undefined;
  /** '#…' or ''. */
  fragment: string;
}

function splitUrl(url: string): UrlParts {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const q = beforeHash.indexOf('?');
  if (q < 0) return { base: beforeHash, query: undefined, fragment };
  return { base: beforeHash.slice(0, q), query: beforeHash.slice(q + 1), fragment };
}

function decodePart(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A malformed escape (a lone '%', a cut UTF-8 sequence): decode what is well formed.
    return spaced.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent, leaving readable what a query may hold as is (RFC 3986: / ? : @ , $). */
function encodeText(s: string): string {
  return encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD')).replace(/%(2F|3F|3A|40|2C|24)/gi, (m) =>
    decodeURIComponent(m),
  );
}

/** A row's text for the query; its `{{variables}}` stay as written (the core resolves them). */
function encodePart(s: string): string {
  let out = '';
  let at = 0;
  for (const v of findVariables(s)) {
    out += encodeText(s.slice(at, v.start)) + s.slice(v.start, v.end);
    at = v.end;
  }
  return out + encodeText(s.slice(at));
}

interface RawParam {
  raw: string;
  name: string;
  value: string;
}

function rawParams(query: string | undefined): RawParam[] {
  if (!query) return [];
  return query
    .split('&')
    .filter((seg) => seg !== '')
    .map((raw) => {
      const eq = raw.indexOf('=');
      const name = eq < 0 ? raw : raw.slice(0, eq);
      const value = eq < 0 ? '' : raw.slice(eq + 1);
      return { raw, name: decodePart(name), value: decodePart(value) };
    });
}

/** The URL's query parameters in order, duplicates and empty values included. */
export function parseParams(url: string): ParamRow[] {
  return rawParams(splitUrl(url).query).map(({ name, value }) => ({ name, value, enabled: true }));
}

/** The URL with its query rebuilt from the enabled rows; base and fragment untouched. No
 * enabled row: no '?'. A row with neither name nor value (a blank row of the table) is
 * left out. */
export function withParams(url: string, rows: readonly ParamRow[]): string {
  const { base, query, fragment } = splitUrl(url);
  const unused = new Map<string, string[]>();
  for (const p of rawParams(query)) {
    const key = `${p.name}\u0000${p.value}`;
    const list = unused.get(key) ?? [];
    list.push(p.raw);
    unused.set(key, list);
  }
  const parts: string[] = [];
  for (const row of rows) {
    if (!row.enabled || (row.name === '' && row.value === '')) continue;
    const kept = unused.get(`${row.name}\u0000${row.value}`)?.shift();
    parts.push(kept ?? `${encodePart(row.name)}=${encodePart(row.value)}`);
  }
  return parts.length === 0 ? `${base}${fragment}` : `${base}?${parts.join('&')}${fragment}`;
}
