// --replay FILE[#index]: the request of a saved HAR entry, sent again. The entry gives the
// method, URL, headers and body; flags that set the request override or add to it (-X the
// method; -H, -A, -u a header of the same name; -d/-T the body; -I makes it HEAD), and the
// rest (-L, -m, -x, -k, --engine, -o…) applies as on any run. Bad files are usage errors.
import fs from 'node:fs';
import type { RequestDraft } from '../contract/request.js';
import { MAX_HAR_FILE_BYTES } from '../domain/har/har.js';
import { HarFileError, harEntryDraft } from '../domain/har/import.js';
import type { RequestSpecInput } from '../engine/request-spec.js';
import { UsageError, type CliOptions } from './args.js';
import { buildRequest, expandHeaders, parseHeader } from './build-request.js';

type Request = Omit<RequestSpecInput, 'sink'>;

function parseReplayArg(arg: string): { file: string; index: number } {
  const m = /^(.*)#(\d+)$/.exec(arg);
  if (!m) return { file: arg, index: 0 };
  return { file: m[1] as string, index: Number(m[2]) };
}

function loadReplayDraft(arg: string): RequestDraft {
  const { file, index } = parseReplayArg(arg);
  let text: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new Error('not a regular file');
    if (st.size > MAX_HAR_FILE_BYTES) throw new Error(`${st.size} bytes, more than the ${MAX_HAR_FILE_BYTES} a HAR file may have`);
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--replay: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--replay: ${file} is not JSON: ${(e as Error).message}`);
  }
  try {
    return harEntryDraft(json, index);
  } catch (e) {
    if (!(e instanceof HarFileError)) throw e;
    const m = e.message;
    throw new UsageError(`--replay: ${file}${m.startsWith('entry') ? `: ${m}` : m.startsWith('not') ? ` is ${m}` : ` ${m}`}`);
  }
}

function draftBody(draft: RequestDraft): { body?: Request['body']; contentType?: string } {
  const b = draft.body;
  switch (b.kind) {
    case 'none':
      return {};
    case 'text':
      return { body: { kind: 'memory', base64: Buffer.from(b.text, 'utf8').toString('base64') } };
    case 'base64':
      return { body: { kind: 'memory', base64: b.base64 } };
    case 'form': {
      const text = new URLSearchParams(b.fields.filter((f) => f.enabled).map((f) => [f.name, f.value])).toString();
      return { body: { kind: 'memory', base64: Buffer.from(text).toString('base64') }, contentType: 'application/x-www-form-urlencoded' };
    }
    default:
      throw new UsageError(`--replay: the entry's body was sent from ${b.kind === 'file' ? 'a file' : 'multipart parts'}, which a HAR does not hold; give the body with -d, --data-binary or -T`);
  }
}

/** Same-named headers (any case) are replaced; `add` only fills in names not there yet. */
type Header = [string, string, ...'empty'[]];

function mergeHeaders(base: Header[], override: Header[], add: Header[]): Header[] {
  const names = new Set(override.map(([n]) => n.toLowerCase()));
  const out = [...base.filter(([n]) => !names.has(n.toLowerCase())), ...override];
  for (const h of add) if (!out.some(([n]) => n.toLowerCase() === h[0].toLowerCase())) out.push(h);
  return out;
}

export function replayRequest(opts: CliOptions): Request {
  if (opts.urls.length > 0) throw new UsageError('--replay takes the URL from the HAR entry: give no URL with it');
  const draft = loadReplayDraft(opts.replay as string);
  const cli = buildRequest({ ...opts, urls: [draft.url] });
  const explicit = expandHeaders(opts.headers).map(parseHeader);
  const added = (cli.headers ?? []).slice(explicit.length);
  const formType = added.filter(([n]) => n.toLowerCase() === 'content-type');
  const cliBody = opts.bodyParts.length > 0 || opts.uploadFile !== undefined;
  const saved = cliBody ? {} : draftBody(draft);
  const fill = [...formType, ...(saved.contentType ? [['Content-Type', saved.contentType] as [string, string]] : [])];
  const headers = mergeHeaders(draft.headers.filter((h) => h.enabled).map((h) => [h.name, h.value]), [...explicit, ...added.filter((h) => !formType.includes(h))], fill);
  const method = opts.method ?? (opts.head ? 'HEAD' : cliBody ? cli.method : draft.method);
  return { ...cli, method, headers, body: cliBody ? cli.body : saved.body };
}
