// A response's Content-Encoding as a list of codings to undo. The header lists them in the
// order they were applied ("gzip, br": gzip first), so decoding runs the list backwards.
export const DECODABLE = ['gzip', 'deflate', 'br', 'zstd'] as const;
export type Coding = (typeof DECODABLE)[number];

export type Codings =
  /** Nothing to undo (no header, or only identity). */
  | { kind: 'none' }
  | { kind: 'codings'; applied: Coding[] }
  /** A coding we cannot undo, by its name as the header gives it. */
  | { kind: 'unknown'; name: string };

const ALIASES: Record<string, Coding> = { 'x-gzip': 'gzip' };

export function parseCodings(header: string | undefined): Codings {
  const names = (header ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s && s !== 'identity');
  if (names.length === 0) return { kind: 'none' };
  const applied: Coding[] = [];
  for (const name of names) {
    const coding = ALIASES[name] ?? ((DECODABLE as readonly string[]).includes(name) ? (name as Coding) : undefined);
    if (!coding) return { kind: 'unknown', name };
    applied.push(coding);
  }
  return { kind: 'codings', applied };
}

/** The header's codings as one label ("gzip", "gzip, br"). */
export const codingLabel = (applied: Coding[]): string => applied.join(', ');
