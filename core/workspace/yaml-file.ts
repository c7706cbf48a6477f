// The workspace's files as YAML: written in the schema's key order, 2-space indent, long
// strings never folded, a trailing newline, so one changed field is one changed line in a
// diff; read back with the line of what is wrong (a syntax error's, or the node a schema
// issue points at) so a malformed file is reported, never guessed at.
import crypto from 'node:crypto';
import { LineCounter, parseDocument, stringify, type Document } from 'yaml';
import type { z } from 'zod';
import type { WorkspaceProblem } from '../../contract/workspace.js';

/** Bigger files are reported, not parsed: a workspace file is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** The text of a value already parsed by its schema (so its keys are in the schema's order). */
export function toYaml(value: unknown): string {
  return stringify(value, { indent: 2, lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** A file's version: a hash of its bytes, so a save can tell it changed on disk. */
export function versionOf(bytes: Buffer | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: WorkspaceProblem };

/** `bytes` of the file at `relPath` parsed as YAML, then by `schema`. */
export function parseYamlFile<S extends z.ZodType>(bytes: Buffer, relPath: string, schema: S): Parsed<z.infer<S>> {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, problem: { path: relPath, message: `${relPath} is ${bytes.length} bytes, over the ${MAX_FILE_BYTES} a workspace file may hold: not read` } };
  }
  const lines = new LineCounter();
  const doc = parseDocument(bytes.toString('utf8'), { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    return { ok: false, problem: { path: relPath, ...(line ? { line } : {}), message: `${relPath}: not valid YAML: ${firstLine(error.message)}` } };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, problem: { path: relPath, message: `${relPath}: ${(e as Error).message}` } };
  }
  const result = schema.safeParse(data ?? {});
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  // An unknown key is pointed at itself, not at the object that holds it.
  const unknown = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const keys = [...issue.path, ...unknown].map((k) => (typeof k === 'symbol' ? String(k) : k));
  const field = keys.join('.');
  const line = lineOf(doc, lines, keys);
  const where = field ? `${field}: ` : '';
  return { ok: false, problem: { path: relPath, ...(line ? { line } : {}), ...(field ? { field } : {}), message: `${relPath}${line ? `:${line}` : ''}: ${where}${issue.message}` } };
}

/** The line of the deepest node that exists along `keys` (a missing key: its parent's). */
function lineOf(doc: Document, lines: LineCounter, keys: Array<string | number>): number | undefined {
  for (let n = keys.length; n >= 0; n--) {
    const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
