// Renders a parsed --write-out template against a request's facts into writes for the
// CLI to carry out: text to stdout, stderr or a file (%output), in order. curl's own
// formatting: times with 6 decimals, http_code as 3 digits, %{json} in curl's key order.
import type { WriteOutToken } from './template.js';
import type { WriteOutFacts } from './facts.js';

export type WriteOutTarget = 'stdout' | 'stderr' | { file: string; append: boolean };
export interface WriteOutWrite {
  to: WriteOutTarget;
  text: string;
}

type Key = Exclude<keyof WriteOutFacts, 'headers'>;
const TIMES = new Set<Key>(['time_namelookup', 'time_connect', 'time_appconnect', 'time_pretransfer', 'time_starttransfer', 'time_redirect', 'time_total']);

/** curl's %{json} keys in curl's order, the ones InetScope knows. */
const JSON_KEYS = [
  'content_type', 'errormsg', 'http_code', 'http_version', 'local_port', 'method', 'num_connects', 'num_headers',
  'num_redirects', 'redirect_url', 'remote_ip', 'remote_port', 'response_code', 'scheme', 'size_download', 'size_header',
  'size_upload', 'speed_download', 'speed_upload', 'ssl_verify_result', 'time_appconnect', 'time_connect', 'time_namelookup',
  'time_pretransfer', 'time_redirect', 'time_starttransfer', 'time_total', 'url', 'url_effective',
] as const;

function value(f: WriteOutFacts, name: string): string | number | null | undefined {
  if (name === 'response_code') return f.http_code;
  if (name === 'headers' || !Object.hasOwn(f, name)) return undefined;
  return f[name as Key];
}

function plain(f: WriteOutFacts, name: string): string | undefined {
  const v = value(f, name);
  if (v === undefined) return undefined;
  if (name === 'http_code' || name === 'response_code') return String(v).padStart(3, '0');
  if (TIMES.has(name as Key)) return (v as number).toFixed(6);
  return v === null ? '' : String(v);
}

export function writeOutJson(f: WriteOutFacts): string {
  const parts = JSON_KEYS.map((k) => {
    const v = value(f, k);
    return `${JSON.stringify(k)}:${TIMES.has(k as Key) ? (v as number).toFixed(6) : JSON.stringify(v)}`;
  });
  return `{${parts.join(',')}}`;
}

/** curl's %{header_json}: lower-cased names, values in arrays, one name a line. */
export function headerJson(f: WriteOutFacts): string {
  const byName = new Map<string, string[]>();
  for (const [n, v] of f.headers) {
    const k = n.toLowerCase();
    byName.set(k, [...(byName.get(k) ?? []), v]);
  }
  return `{${[...byName].map(([k, vs]) => `${JSON.stringify(k)}:${JSON.stringify(vs)}`).join(',\n')}\n}`;
}

function variable(f: WriteOutFacts, name: string): string | undefined {
  if (name === 'json') return writeOutJson(f);
  if (name === 'header_json') return headerJson(f);
  return plain(f, name);
}

export function renderWriteOut(tokens: readonly WriteOutToken[], f: WriteOutFacts): WriteOutWrite[] {
  const writes: WriteOutWrite[] = [];
  let to: WriteOutTarget = 'stdout';
  const put = (text: string) => {
    const last = writes[writes.length - 1];
    if (last && last.to === to) last.text += text;
    else writes.push({ to, text });
  };
  for (const t of tokens) {
    if (t.kind === 'text') put(t.text);
    else if (t.kind === 'output') to = { file: t.file, append: t.append };
    else if (t.kind === 'header') put(f.headers.find(([n]) => n.toLowerCase() === t.name.toLowerCase())?.[1] ?? '');
    else if (t.name === 'stdout' || t.name === 'stderr') to = t.name;
    else {
      const v = variable(f, t.name);
      if (v !== undefined) put(v);
      // curl warns on stderr, wherever the output goes.
      else writes.push({ to: 'stderr', text: `inetscope: unknown --write-out variable: '${t.name}'\n` });
    }
  }
  return writes;
}
