// The Range header of a GET for a file of `size` bytes (RFC 9110 §14): one range is served
// as 206; a range that starts past the end is unsatisfiable (416); several ranges, or a
// header this parser does not understand, are ignored and the whole file is sent (the RFC
// lets a server ignore Range), which every client handles.
export type RangeResult =
  | { kind: 'none' }
  | { kind: 'single'; start: number; end: number }
  | { kind: 'unsatisfiable' }
  | { kind: 'ignored'; reason: string };

const SPEC = /^\s*(\d*)\s*-\s*(\d*)\s*$/;

export function parseRange(header: string | undefined, size: number): RangeResult {
  if (header === undefined) return { kind: 'none' };
  const m = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!m) return { kind: 'ignored', reason: 'not a bytes range' };
  const specs = (m[1] as string).split(',');
  if (specs.length > 1) return { kind: 'ignored', reason: 'multiple ranges are served as the whole file' };
  const s = SPEC.exec(specs[0] as string);
  if (!s || (s[1] === '' && s[2] === '')) return { kind: 'ignored', reason: 'malformed range' };
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
