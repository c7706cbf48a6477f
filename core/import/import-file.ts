// The file an import was given (an upload token, core/uploads.ts), read within the bound
// and recognised: a Postman collection (info.schema names collection v2.0 or v2.1), a
// Postman environment (values and _postman_variable_scope), an Insomnia v4 export, an
// OpenAPI 3 / Swagger 2 document (JSON or YAML), or a refusal that says what the file is not.
import fsp from 'node:fs/promises';
import { MAX_IMPORT_FILE_BYTES } from '../../contract/import.js';
import { CommandFailure } from '../command-failure.js';
import { regularFileSize } from '../regular-file.js';
import type { Uploads } from '../uploads.js';
import YAML from 'yaml';
import { isInsomniaExport } from './insomnia.js';
import { isOpenApi } from './openapi.js';

export type ImportKind = 'postman-collection' | 'postman-environment' | 'insomnia-export' | 'openapi';

const V2_SCHEMA = /^https?:\/\/schema\.(getpostman|postman)\.com\/(json\/)?collection\/v2(\.[01]\.\d+)?\//i;

const KIND_NAMES: Record<ImportKind, string> = { 'postman-collection': 'a Postman collection', 'postman-environment': 'a Postman environment', 'insomnia-export': 'an Insomnia export', openapi: 'an OpenAPI document' };

/** What `json` is, or a failure naming what it is not. */
export function kindOf(json: unknown): ImportKind {
  const o = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const info = typeof o['info'] === 'object' && o['info'] !== null ? (o['info'] as Record<string, unknown>) : undefined;
  const schema = typeof info?.['schema'] === 'string' ? info['schema'] : undefined;
  if (schema !== undefined && V2_SCHEMA.test(schema)) return 'postman-collection';
  if (Array.isArray(o['values']) && typeof o['_postman_variable_scope'] === 'string') return 'postman-environment';
  if (isInsomniaExport(o)) return 'insomnia-export';
  if (isOpenApi(o)) return 'openapi';
  if (schema !== undefined) throw new CommandFailure('IMPORT_UNSUPPORTED', `the file is a collection of schema ${schema}; only Postman collections v2.0 and v2.1 are read (export it again as v2.1 from Postman)`);
  if (Array.isArray(o['requests']) && Array.isArray(o['order'])) throw new CommandFailure('IMPORT_UNSUPPORTED', 'the file is a Postman v1 collection; only v2.0 and v2.1 are read (export it again as v2.1 from Postman)');
  if (o['_type'] === 'export') throw new CommandFailure('IMPORT_UNSUPPORTED', `the file is an Insomnia export of format ${String(o['__export_format'])}; only format 4 is read (export it again from Insomnia as "Insomnia v4")`);
  throw new CommandFailure('IMPORT_UNKNOWN', 'the file is neither a Postman collection (no info.schema naming collection v2.0 or v2.1), a Postman environment (no values and _postman_variable_scope), an Insomnia v4 export (no _type export and resources) nor an OpenAPI 3 or Swagger 2 document (no openapi or swagger version)');
}

/** The JSON of the token's file and its kind, if one of `want`; the token is released either way. */
export async function readImportFile(uploads: Uploads, fileToken: string, want: ImportKind[]): Promise<{ kind: ImportKind; json: unknown }> {
  const file = uploads.pathFor(fileToken);
  try {
    const size = await regularFileSize(file, 'IMPORT_UNREADABLE', 'cannot read the file to import');
    if (size > MAX_IMPORT_FILE_BYTES) throw new CommandFailure('IMPORT_TOO_LARGE', `the file is ${size} bytes; an import takes at most ${MAX_IMPORT_FILE_BYTES}`);
    const json = parseText((await fsp.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
    const kind = kindOf(json);
    if (!want.includes(kind)) throw new CommandFailure('IMPORT_WRONG_KIND', `the file is ${KIND_NAMES[kind]}, not ${oneOf(want.map((k) => KIND_NAMES[k]))}: import it as such`);
    return { kind, json };
  } finally {
    // A staged upload is the core's own copy, used once; a picked file stays the user's.
    await uploads.release([fileToken]);
  }
}

/** JSON, or YAML if it is an OpenAPI document (those are often written in YAML). */
function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const yaml = parseYaml(text);
    if (yaml && typeof yaml === 'object' && isOpenApi(yaml as Record<string, unknown>)) return yaml;
    throw new CommandFailure('IMPORT_NOT_JSON', `the file is not JSON (nor an OpenAPI document in YAML): ${(e as Error).message}`);
  }
}

function parseYaml(text: string): unknown {
  try {
    return YAML.parse(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** "a, b or c". */
function oneOf(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}
