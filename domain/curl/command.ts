// A pasted curl command → the request it makes (a RequestDraft), with warnings for what
// cannot come along (files, unknown options, unexpanded variables) and notes for what is
// ignored on purpose (output options). Words come from shell-words.ts, flags from curl's
// own table (curl-flags.ts), the request from curl-plan.ts. Pure; used by the renderer.
import type { RequestDraft } from '../../contract/request.js';
import { CURL_FLAGS, FlagError, readFlags, type FlagHit } from './flags.js';
import { emptyPlan, planToDraft } from './plan.js';
import { applyFlag, CurlParseError, type CurlFile, type ParseState } from './options.js';
import { ShellSyntaxError, splitCommand } from './shell-words.js';

export { CurlParseError, type CurlFile };

export interface CurlImport {
  draft: RequestDraft;
  warnings: string[];
  notes: string[];
  files: CurlFile[];
}

const PROGRAM = /^(?:.*[/\\])?curl(?:\.exe)?$/i;

/** True when the text is meant as a curl command (what a paste into the URL field checks). */
export function looksLikeCurl(text: string): boolean {
  return /^\s*(?:\$\s+)?curl(?:\.exe)?\s/i.test(text);
}

function words(text: string): { argv: string[]; state: ParseState } {
  let split;
  try {
    // A shell prompt copied from documentation ("$ curl …") is not part of the command.
    split = splitCommand(text.replace(/^\s*\$\s+(?=curl)/i, ''));
  } catch (e) {
    if (e instanceof ShellSyntaxError) throw new CurlParseError(e.message);
    throw e;
  }
  const [program, ...argv] = split.words;
  if (program === undefined) throw new CurlParseError('the text is empty: paste a curl command');
  if (!PROGRAM.test(program)) throw new CurlParseError(`not a curl command: it starts with ${JSON.stringify(program.slice(0, 40))}, not curl`);
  const state: ParseState = { plan: emptyPlan(), urls: [], warnings: [], notes: [], ignored: [], files: [] };
  if (split.ignored) state.warnings.push(`Ignored what follows the command: ${JSON.stringify(split.ignored.slice(0, 60))}.`);
  for (const v of split.variables) state.warnings.push(`${v} is a shell variable: it is kept as written, not expanded. Replace it with its value.`);
  return { argv, state };
}

function readHits(argv: string[]): FlagHit[] {
  try {
    return readFlags(argv, { flags: CURL_FLAGS, keepUnknown: true });
  } catch (e) {
    if (e instanceof FlagError) throw new CurlParseError(e.message);
    throw e;
  }
}

function finishUrl(state: ParseState): void {
  const [url, ...more] = state.urls;
  if (url === undefined || url === '') throw new CurlParseError('no URL in the command');
  if (more.length > 0) state.warnings.push(`Only the first URL is used; ignored: ${more.join(', ')}.`);
  if (/[[{]/.test(url) && !state.globoff) state.warnings.push('curl would expand [ ] and { } in the URL (globbing); they are taken literally here.');
  // -T to a URL ending in / uploads under the file's own name, as curl does.
  const upload = state.files.find((f) => f.flag === '-T' || f.flag === '--upload-file');
  const named = upload && url.endsWith('/') ? `${url}${encodeURIComponent(upload.path.split(/[/\\]/).pop() ?? '')}` : url;
  state.plan.url = named;
}

export function parseCurlCommand(text: string): CurlImport {
  const { argv, state } = words(text);
  for (const hit of readHits(argv)) {
    if (state.stopped) break;
    if (hit.kind === 'positional') state.urls.push(hit.value);
    else if (hit.kind === 'unknown') state.warnings.push(`Unknown option ${hit.written}: ignored.`);
    else applyFlag(state, hit);
  }
  finishUrl(state);
  if (state.ignored.length > 0) state.notes.push(`Ignored (they change curl's output, not the request): ${state.ignored.join(' ')}.`);
  let draft: RequestDraft;
  try {
    draft = planToDraft(state.plan);
  } catch (e) {
    throw new CurlParseError(`the command does not make a valid request: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { draft, warnings: state.warnings, notes: state.notes, files: state.files };
}
