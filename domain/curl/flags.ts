// curl's command-line options (names, short letters, whether they take a value) and the
// reading of an argv against them: bundled short flags (-sSL), attached values (-XPOST,
// -d@x), --no-<flag> for booleans. Shared by the CLI (cli/args.ts) and the paste parser
// (curl-command.ts), so both read a command the way curl does. Imports nothing of the app.

export type FlagKind = 'bool' | 'value';

export interface FlagDef {
  kind: FlagKind;
  short?: string;
}

// curl 8's options, as `curl --help all` lists them. Grouped by kind; "name:x" gives the
// short letter. Knowing every option matters even for those the app ignores: a value-taking
// option must consume its value, or the value would be taken for the URL.
const VALUE_FLAGS = `abstract-unix-socket alt-svc aws-sigv4 cacert capath cert:E cert-type ciphers config:K
connect-timeout connect-to continue-at:C cookie:b cookie-jar:c create-file-mode crlfile curves data:d data-ascii
data-binary data-raw data-urlencode delegation dns-interface dns-ipv4-addr dns-ipv6-addr dns-servers doh-url
dump-header:D egd-file engine etag-compare etag-save expect100-timeout form:F form-string ftp-account
ftp-alternative-to-user ftp-method ftp-port:P ftp-ssl-ccc-mode happy-eyeballs-timeout-ms haproxy-clientip
header:H hostpubmd5 hostpubsha256 hsts interface ip-tos ipfs-gateway json keepalive-time keepalive-cnt key key-type
krb libcurl limit-rate local-port login-options mail-auth mail-from mail-rcpt max-filesize max-redirs max-time:m
netrc-file noproxy oauth2-bearer output:o output-dir parallel-max pass pinnedpubkey preproxy proto proto-default
proto-redir proxy:x proxy-cacert proxy-capath proxy-cert proxy-cert-type proxy-ciphers proxy-crlfile proxy-header
proxy-key proxy-key-type proxy-pass proxy-pinnedpubkey proxy-service-name proxy-tls13-ciphers proxy-tlsauthtype
proxy-tlspassword proxy-tlsuser proxy-user:U proxy1.0 pubkey quote:Q random-file range:r rate referer:e
request:X request-target resolve retry retry-delay retry-max-time sasl-authzid service-name socks4 socks4a socks5
socks5-gssapi-service socks5-hostname speed-limit:Y speed-time:y stderr telnet-option:t tftp-blksize time-cond:z
tls-max tls13-ciphers tlsauthtype tlspassword tlsuser trace trace-ascii trace-config unix-socket upload-file:T url
url-query user:u user-agent:A variable write-out:w`;

const BOOL_FLAGS = `anyauth append:a basic ca-native cert-status compressed compressed-ssh create-dirs crlf digest
disable:q disable-eprt disable-epsv disallow-username-in-url fail:f fail-early fail-with-body false-start form-escape
ftp-create-dirs ftp-pasv ftp-pret ftp-skip-pasv-ip ftp-ssl-control get:G globoff:g haproxy-protocol head:I help:h
http0.9 http1.0:0 http1.1 http2 http2-prior-knowledge http3 http3-only ignore-content-length include:i insecure:k
ipv4:4 ipv6:6 junk-session-cookies:j list-only:l location:L location-trusted manual:M mptcp negotiate netrc:n
netrc-optional next:: no-alpn no-buffer:N no-clobber no-keepalive no-npn no-progress-meter no-sessionid ntlm ntlm-wb
parallel:Z parallel-immediate path-as-is post301 post302 post303 progress-bar:# proxy-anyauth proxy-basic
proxy-digest proxy-http2 proxy-insecure proxy-negotiate proxy-ntlm proxy-ssl-allow-beast proxy-ssl-auto-client-cert
proxytunnel:p raw remote-header-name:J remote-name:O remote-name-all remove-on-error retry-all-errors
retry-connrefused sasl-ir show-error:S show-headers silent:s skip-existing socks5-basic socks5-gssapi
socks5-gssapi-nec ssl ssl-allow-beast ssl-auto-client-cert ssl-no-revoke ssl-reqd ssl-revoke-best-effort sslv2:2
sslv3:3 styled-output suppress-connect-headers tcp-fastopen tcp-nodelay tftp-no-options tlsv1:1 tlsv1.0 tlsv1.1
tlsv1.2 tlsv1.3 tr-encoding use-ascii:B verbose:v version:V xattr`;

function table(list: string, kind: FlagKind): Array<[string, FlagDef]> {
  return list
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => {
      const colon = w.indexOf(':', 1);
      return colon < 0 ? [w, { kind }] : [w.slice(0, colon), { kind, short: w.slice(colon + 1) }];
    });
}

/** Every curl option by its long name. */
export const CURL_FLAGS: Readonly<Record<string, FlagDef>> = Object.fromEntries([...table(VALUE_FLAGS, 'value'), ...table(BOOL_FLAGS, 'bool')]);

export class FlagError extends Error {
  constructor(
    message: string,
    /** The option as written, when it is not in the table. */
    readonly unknown?: string,
  ) {
    super(message);
  }
}

export type FlagHit =
  | { kind: 'flag'; long: string; value?: string; negated: boolean; written: string }
  | { kind: 'unknown'; written: string }
  | { kind: 'positional'; value: string };

export interface FlagTable {
  flags: Readonly<Record<string, FlagDef>>;
  /** Accept --name=value (curl does not; the CLI does). */
  equalsValues?: boolean;
  /** Unknown options throw a FlagError unless this is set (then they come back as 'unknown'). */
  keepUnknown?: boolean;
}

function shortIndex(flags: Readonly<Record<string, FlagDef>>): Map<string, string> {
  return new Map(Object.entries(flags).flatMap(([long, def]) => (def.short ? [[def.short, long] as [string, string]] : [])));
}

function readLong(arg: string, next: () => string | undefined, t: FlagTable): FlagHit {
  const eq = t.equalsValues ? arg.indexOf('=') : -1;
  const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
  let long = name;
  let negated = false;
  if (!t.flags[long] && long.startsWith('no-') && t.flags[long.slice(3)]?.kind === 'bool') {
    long = long.slice(3);
    negated = true;
  }
  const def = t.flags[long];
  if (!def) {
    if (t.keepUnknown) return { kind: 'unknown', written: `--${name}` };
    throw new FlagError(`unknown option --${name}`, `--${name}`);
  }
  if (def.kind === 'bool') return { kind: 'flag', long, negated, written: `--${name}` };
  const value = eq > 0 ? arg.slice(eq + 1) : next();
  if (value === undefined) throw new FlagError(`option --${long} needs a value`);
  return { kind: 'flag', long, value, negated: false, written: `--${long}` };
}

function readShorts(arg: string, next: () => string | undefined, t: FlagTable, shorts: Map<string, string>): FlagHit[] {
  const hits: FlagHit[] = [];
  for (let j = 1; j < arg.length; j++) {
    const letter = arg[j] as string;
    const long = shorts.get(letter);
    if (!long) {
      if (!t.keepUnknown) throw new FlagError(`unknown option -${letter}`, `-${letter}`);
      hits.push({ kind: 'unknown', written: `-${letter}` });
      continue;
    }
    if (t.flags[long]?.kind === 'bool') {
      hits.push({ kind: 'flag', long, negated: false, written: `-${letter}` });
      continue;
    }
    const rest = arg.slice(j + 1);
    const value = rest.length > 0 ? rest : next();
    if (value === undefined) throw new FlagError(`option --${long} needs a value`);
    hits.push({ kind: 'flag', long, value, negated: false, written: `-${letter}` });
    break;
  }
  return hits;
}

/** Reads argv (without the program name) against a flag table, in order. */
export function readFlags(argv: readonly string[], t: FlagTable): FlagHit[] {
  const shorts = shortIndex(t.flags);
  const hits: FlagHit[] = [];
  let i = 0;
  const next = (): string | undefined => (i + 1 < argv.length ? argv[++i] : undefined);
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      hits.push(...argv.slice(i + 1).map((value): FlagHit => ({ kind: 'positional', value })));
      break;
    }
    if (arg.startsWith('--')) hits.push(readLong(arg, next, t));
    else if (arg.startsWith('-') && arg.length > 1) hits.push(...readShorts(arg, next, t, shorts));
    else hits.push({ kind: 'positional', value: arg });
  }
  return hits;
}

/** A -H argument as curl reads it: "Name: value"; "Name;" sends the header empty and
 * "Name:" removes a default one (both an empty value here, which the engines treat as
 * "remove"). Undefined: not a header. */
export function parseHeaderLine(h: string): [string, string] | undefined {
  const colon = h.indexOf(':');
  const semi = h.indexOf(';');
  if (semi > 0 && (colon < 0 || semi < colon) && h.slice(semi + 1).trim() === '') return [h.slice(0, semi).trim(), ''];
  if (colon <= 0) return undefined;
  return [h.slice(0, colon).trim(), h.slice(colon + 1).trim()];
}
