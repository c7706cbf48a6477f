// filterJsonBody: a JSONPath over a stored JSON body, run in the core so a large body is
// parsed once here rather than shipped to the page; the matches go back as pretty JSON.
import fs from 'node:fs/promises';
import { MAX_JSON_FILTER_BYTES } from '../contract/api.js';
import { CommandFailure } from './command-failure.js';
import { jsonPathMatches } from './json-path.js';

/** The result text is for a viewer: past this it is refused rather than cut. */
const MAX_RESULT_CHARS = 64 * 1024 * 1024;

export async function filterJsonFile(file: string, path: string): Promise<{ text: string; matches: number }> {
  const size = (await fs.stat(file).catch(() => ({ size: 0 }))).size;
  if (size > MAX_JSON_FILTER_BYTES) throw new CommandFailure('TOO_LARGE', `the body is ${size} bytes; the JSON filter reads bodies up to ${MAX_JSON_FILTER_BYTES / 1024 / 1024} MiB`);
  let json: unknown;
  try {
    json = JSON.parse(size === 0 ? '' : await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new CommandFailure('NOT_JSON', `the body is not JSON: ${(e as Error).message}`);
  }
  const found = jsonPathMatches(path, json);
  if ('why' in found) throw new CommandFailure('BAD_INPUT', `filterJsonBody: path: ${found.why}`);
  const text = JSON.stringify(found.matches, null, 2);
  if (text.length > MAX_RESULT_CHARS) throw new CommandFailure('TOO_LARGE', `the matches come to ${text.length} characters, more than the viewer takes: narrow the path`);
  return { text, matches: found.matches.length };
}
