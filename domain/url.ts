// The one URL check: what a person typed (the composer, the core's sendRequest) and what an
// engine is given (engine/request-spec.ts) pass through it. Pure; no app imports.
// As curl: no scheme means http://; spaces and control characters are refused anywhere
// (curl exits 3 on them); the message names the part that is wrong.
import { z } from 'zod';

const URL_SCHEMES = ['http', 'https'] as const;

type UrlProblemKind = 'BAD_URL' | 'UNSUPPORTED_SCHEME';
interface UrlProblem {
  kind: UrlProblemKind;
  message: string;
}
type UrlCheck = { ok: true; url: string } | ({ ok: false } & UrlProblem);

const bad = (message: string): UrlProblem => ({ kind: 'BAD_URL', message });
const q = (s: string): string => JSON.stringify(s);
const unsupported = (scheme: string): UrlProblem => ({
  kind: 'UNSUPPORTED_SCHEME',
  message: `the URL scheme ${q(scheme)} is not supported (use http or https)`,
});

/** The first character a URL part must not hold, said in words; undefined: none. */
function badCharacter(part: string): string | undefined {
  for (const ch of part) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x20 || c === 0x7f) return `a control character (U+${c.toString(16).toUpperCase().padStart(4, '0')})`;
    if (ch === ' ') return 'a space';
    if (/\s/u.test(ch)) return `a white-space character (U+${c.toString(16).toUpperCase().padStart(4, '0')})`;
  }
  return undefined;
}

function partProblem(what: string, part: string): UrlProblem | undefined {
  const ch = badCharacter(part);
  if (!ch) return undefined;
  const hint = what === 'host' ? '' : ch === 'a space' ? ' (write it as %20)' : ' (percent-encode it)';
  return bad(`the ${what} ${q(part)} contains ${ch}${hint}`);
}

/** host[:port] of an authority: brackets for IPv6. */
function splitHostPort(hostport: string): { host: string; port: string | undefined } | UrlProblem {
  if (hostport.startsWith('[')) {
    const close = hostport.indexOf(']');
    if (close < 0) return bad(`the IPv6 address ${q(hostport)} has no closing "]"`);
    const after = hostport.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return bad(`${q(after)} follows the IPv6 address ${q(hostport.slice(0, close + 1))}`);
    return { host: hostport.slice(0, close + 1), port: after === '' ? undefined : after.slice(1) };
  }
  const colon = hostport.indexOf(':');
  return colon < 0 ? { host: hostport, port: undefined } : { host: hostport.slice(0, colon), port: hostport.slice(colon + 1) };
}

function portProblem(port: string | undefined): UrlProblem | undefined {
  if (port === undefined || port === '') return undefined; // "host:" is the default port, as curl reads it
  if (!/^\d+$/.test(port)) return bad(`the port ${q(port)} is not a number`);
  const n = Number(port);
  if (n < 1 || n > 65535) return bad(`the port ${port} is out of range (1–65535)`);
  return undefined;
}

/** What is wrong with an absolute URL as given (nothing is added or changed); undefined: nothing. */
export function urlProblem(url: string): UrlProblem | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (!m) return bad(/^[a-z][a-z0-9+.-]*:/i.test(url) ? 'the scheme is not followed by "//" and the host' : 'the URL has no scheme (e.g. http://)');
  const scheme = (m[1] as string).toLowerCase();
  if (!(URL_SCHEMES as readonly string[]).includes(scheme)) return unsupported(scheme);
  const rest = url.slice(m[0].length);
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const tail = end < 0 ? '' : rest.slice(end);
  const at = authority.lastIndexOf('@');
  const hostport = authority.slice(at + 1);
  const split = splitHostPort(hostport);
  if ('kind' in split) return split;
  if (split.host === '') return bad('the URL has no host');
  const problem =
    partProblem('host', split.host) ??
    portProblem(split.port) ??
    (at >= 0 ? partProblem('user name or password', authority.slice(0, at)) : undefined) ??
    tailProblem(tail);
  if (problem) return problem;
  try {
    new URL(`http://${split.host}/`);
  } catch {
    return bad(`the host ${q(split.host)} is not a valid host name`);
  }
  try {
    new URL(url);
  } catch {
    return bad(`the URL ${q(url)} is not valid`);
  }
  return undefined;
}

function tailProblem(tail: string): UrlProblem | undefined {
  const hash = tail.indexOf('#');
  const beforeHash = hash < 0 ? tail : tail.slice(0, hash);
  const qm = beforeHash.indexOf('?');
  const path = qm < 0 ? beforeHash : beforeHash.slice(0, qm);
  return (
    partProblem('path', path) ??
    (qm >= 0 ? partProblem('query', beforeHash.slice(qm)) : undefined) ??
    (hash >= 0 ? partProblem('fragment', tail.slice(hash)) : undefined)
  );
}

/** The URL curl would request for what a person typed: trimmed; "scheme:/host" and
 * "scheme:///host" read as "scheme://host"; no scheme means http://. */
function normalize(text: string): string | UrlProblem {
  const t = text.trim();
  if (t === '') return bad('enter a URL');
  // As curl reads it: a scheme is a name, a colon and one or more slashes.
  const s = /^([a-z][a-z0-9+.-]*):(\/+)/i.exec(t);
  if (s) {
    const [whole, scheme = '', slashes = ''] = s;
    if (!(URL_SCHEMES as readonly string[]).includes(scheme.toLowerCase())) return unsupported(scheme.toLowerCase());
    if (slashes.length > 3) return bad(`too many slashes after "${scheme}:"`);
    return `${scheme}://${t.slice(whole.length)}`;
  }
  const noSlash = /^(https?):(?!\d)/i.exec(t);
  if (noSlash) return bad(`"${noSlash[0]}" is not followed by "//" and the host`);
  // "htp//host" or "http//host": a scheme missing its colon, not a host named "htp".
  const slip = /^([a-z]{2,6})\/\//i.exec(t);
  if (slip) return bad(`"${slip[0]}" is not a scheme: a scheme ends in "://" (e.g. http://)`);
  return `http://${t}`;
}

/** What a person typed → the URL to request, or what is wrong with it. */
export function checkUrlInput(text: string): UrlCheck {
  const url = normalize(text);
  if (typeof url !== 'string') return { ok: false, ...url };
  const problem = urlProblem(url);
  return problem ? { ok: false, ...problem } : { ok: true, url };
}

/** zod: a typed URL, normalized as checkUrlInput does; the issue carries the problem's kind. */
export const UrlInputSchema = z.string().transform((text, ctx) => {
  const r = checkUrlInput(text);
  if (r.ok) return r.url;
  ctx.addIssue({ code: 'custom', message: r.message, params: { kind: r.kind } });
  return z.NEVER;
});
