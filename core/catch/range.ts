// The Range header of a GET for a file of `size` bytes (RFC 9110 §14): one range is served
// as 206; a range that starts past the end is unsatisfiable (416); several ranges, or a
// header this parser does not understand, are ignored and the whole file is sent (the RFC
// lets a server ignore Range), which every client handles.
type RangeResult =
  | { kind: 'none' }
  | { kind: 'single'; start: number; end: number }
  | { kind: 'unsatisfiable' }
  | { kind: 'ignored'; reason: string };

// Peer input: whitespace is stripped first (a linear pass), so the patterns below have no
// two adjacent parts that can match the same characters (no backtracking on long runs).
const SPEC = /^(\d*)-(\d*)$/;
/** Longer headers are ignored (a real single range fits in far less). */
const MAX_LENGTH = 256;
/** Beyond 15 digits a number is not exact in a double (and no file is that large). */
const MAX_DIGITS = 15;

export function parseRange(header: string | undefined, size: number): RangeResult {
  if (header === undefined) return { kind: 'none' };
  if (header.length > MAX_LENGTH) return { kind: 'ignored', reason: `a Range header over ${MAX_LENGTH} characters` };
  const compact = header.replace(/[ \t]+/g, '');
  if (!/^bytes=/i.test(compact)) return { kind: 'ignored', reason: 'not a bytes range' };
  const specs = compact.slice('bytes='.length).split(',');
  if (specs.length > 1) return { kind: 'ignored', reason: 'multiple ranges are served as the whole file' };
  const s = SPEC.exec(specs[0] as string);
  if (!s || (s[1] === '' && s[2] === '')) return { kind: 'ignored', reason: 'malformed range' };
  if ((s[1] as string).length > MAX_DIGITS || (s[2] as string).length > MAX_DIGITS) return { kind: 'ignored', reason: 'a range number too large' };
  const first = s[1] === '' ? undefined : Number(s[1]);
  const last = s[2] === '' ? undefined : Number(s[2]);
  if (first === undefined) {
    // A suffix: the last N bytes ("bytes=-0" asks for none of them).
    const n = last as number;
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'single', start: Math.max(0, size - n), end: size - 1 };
  }
  if (last !== undefined && last < first) return { kind: 'ignored', reason: 'last byte before the first' };
  if (first >= size) return { kind: 'unsatisfiable' };
  return { kind: 'single', start: first, end: Math.min(last ?? size - 1, size - 1) };
}
