// Probe (issue 14, finding 2): every Code… target fed a request whose URL, header name and
// value and body hold shell, template and quote syntax. Where Debian packages the
// interpreter (.ci/run installs it) the snippet runs against a loopback server and what
// arrives must be the request; for the other targets a tokenizer of the language's string
// literals checks that each value is one literal that decodes to itself, with nothing live.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestDraftSchema, type RequestDraft } from '../../../contract/request.js';
import { captureServer, type CaptureServer } from '../../../test/support/capture-server.js';
import { codeSnippet, LANGUAGES } from './code-export.js';
import { decodedLiterals } from './literal-decode.test-support.js';
import { inertUrl } from './snippet-mask.js';

const H = `$(id) \`id\` \${x} #{x} #$x \\(x) {\${x}} ' '' " \\ \\\\ %s @file $x`;
const NAME = "X-$x'`#|^~!";
/** HTTPie reads "Header:@file" from the file; curl "-H @file". */
const AT = '@/etc/hostname';
const BODY = `${H}\n\r\nline2 é 😀 “”‘’ \\u0022 \\n ??( end`;

let server: CaptureServer;
let dir: string;
beforeAll(async () => {
  server = await captureServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-inert-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PATH = "/p/$(id)/{${x}}/`id`?a=$(id)&b=${x}&c=%23{x}&d=\\(x)&e='\"&f=é";
const FIELDS = [{ name: `n${H}`, value: BODY }, { name: 'b', value: '@/etc/hostname' }];
type Body = RequestDraft['body'];
const hostile = (type: string | undefined, body: Body): RequestDraft =>
  RequestDraftSchema.parse({
    url: `${server.origin}${PATH}`,
    method: 'POST',
    headers: [{ name: NAME, value: H, enabled: true }, { name: 'X-At', value: AT, enabled: true }, ...(type ? [{ name: 'Content-Type', value: type, enabled: true }] : [])],
    body,
  });

/** How each target whose interpreter Debian packages is run: file name and command. */
const RUN: Record<string, { file: string; argv: (f: string) => string[] }> = {
  'js-fetch': { file: 'a.mjs', argv: (f) => ['node', f] },
  'node-fetch': { file: 'a.mjs', argv: (f) => ['node', f] },
  'python-requests': { file: 'a.py', argv: (f) => ['python3', f] },
  'php-curl': { file: 'a.php', argv: (f) => ['php', f] },
  ruby: { file: 'a.rb', argv: (f) => ['ruby', f] },
  wget: { file: 'a.sh', argv: (f) => ['bash', f] },
  httpie: { file: 'a.sh', argv: (f) => ['bash', f] },
};

/** Runs the snippet; resolves with its stderr (a failing snippet shows why in the assertion). */
function run(argv: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const [cmd = '', ...args] = argv;
    execFile(cmd, args, { cwd: dir, timeout: 15_000, env: { PATH: process.env.PATH, HOME: dir } }, (err, _o, stderr) => {
      if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT') reject(new Error(`${cmd} is not installed (.ci/run installs it)`));
      else if (err?.killed) reject(new Error(`${cmd} hung: ${stderr}`));
      else resolve(stderr);
    });
  });
}

const latin1ToUtf8 = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');
const decodedTarget = (t: string): string => decodeURIComponent(t.replace(/\+/g, '%2B'));

const text = (t: string): Body => ({ kind: 'text', text: t });
/** Each case: the body, and what must arrive of it (the bytes, or a check of them). */
const cases: Array<{ what: string; type?: string; body: Body; arrives: (got: string) => void; values: string[] }> = [
  { what: 'text body', type: 'text/plain', body: text(BODY), arrives: (g) => expect(g).toBe(BODY), values: [BODY] },
  { what: 'JSON body starting with @', type: 'application/json', body: text('@/etc/hostname'), arrives: (g) => expect(g).toBe('@/etc/hostname'), values: ['@/etc/hostname'] },
  { what: 'JSON body with hostile strings', type: 'application/json', body: text(JSON.stringify({ v: H, n: 'é\n' })), arrives: (g) => expect(g).toBe(JSON.stringify({ v: H, n: 'é\n' })), values: [JSON.stringify({ v: H, n: 'é\n' })] },
  {
    what: 'form body with hostile fields',
    body: { kind: 'form', fields: FIELDS.map((f) => ({ ...f, enabled: true })) },
    arrives: (g) => expect([...new URLSearchParams(g)]).toEqual(FIELDS.map((f) => [f.name, f.value])),
    values: [new URLSearchParams(FIELDS.map((f) => [f.name, f.value])).toString()],
  },
  {
    what: 'multipart body with hostile text parts',
    body: { kind: 'multipart', parts: [{ kind: 'text', name: 'p', value: BODY.replace(/\r?\n/g, '\r\n') }, { kind: 'text', name: 'q', value: '@/etc/hostname' }] },
    arrives: (g) => {
      expect(g).toContain(`\r\n\r\n${BODY.replace(/\r?\n/g, '\r\n')}\r\n--`);
      expect(g).toContain('\r\n\r\n@/etc/hostname\r\n--');
    },
    values: [BODY.replace(/\r?\n/g, '\r\n'), '@/etc/hostname'],
  },
];

describe('the URL httpsnippet gets', () => {
  it('is percent-encoded outside the host, keeps an IPv6 host and drops the fragment', () => {
    expect(inertUrl("http://[::1]:8080/a b/$(id)?q='x'#frag")).toBe('http://[::1]:8080/a%20b/%24%28id%29?q=%27x%27');
    expect(inertUrl('https://u:p$w@h.example/é')).toBe('https://u:p%24w@h.example/%C3%A9');
  });
});

describe('Code… snippets are inert', () => {
  for (const lang of LANGUAGES.filter((l) => l.target && RUN[l.id])) {
    for (const c of cases) {
      it(`${lang.label} (run): a ${c.what} arrives as the request holds it`, async () => {
        const d = hostile(c.type, c.body);
        const code = codeSnippet(d, lang.id);
        const r = RUN[lang.id] as (typeof RUN)[string];
        const file = path.join(dir, r.file);
        fs.writeFileSync(file, code);
        const before = server.arrived.length;
        const stderr = await run(r.argv(file));
        expect(server.arrived.length - before, `one request from:\n${code}\n${stderr}`).toBe(1);
        const a = server.arrived[server.arrived.length - 1];
        expect(a?.method).toBe('POST');
        expect(decodedTarget(a?.target ?? ''), code).toBe(decodedTarget(PATH));
        const got = a?.headers.filter(([n]) => n.toLowerCase() === NAME.toLowerCase()).map(([, v]) => latin1ToUtf8(v));
        expect(got, code).toEqual([H]);
        expect(a?.headers.filter(([n]) => n.toLowerCase() === 'x-at').map(([, v]) => v), code).toEqual([AT]);
        const types = a?.headers.filter(([n]) => n.toLowerCase() === 'content-type').map(([, v]) => v) ?? [];
        expect(types.length, `one Content-Type: ${JSON.stringify(types)}\n${code}`).toBe(1);
        expect(types[0]?.toLowerCase(), code).toMatch(new RegExp(`^${(c.type ?? (c.body.kind === 'form' ? 'application/x-www-form-urlencoded' : 'multipart/form-data; boundary=')).replace(/[/+.]/g, '\\$&')}`));
        c.arrives(a?.body.toString('utf8') ?? '');
      });
    }
  }

  for (const lang of LANGUAGES.filter((l) => l.target)) {
    it(`${lang.label}: a method that is not a token is refused by name`, () => {
      expect(() => codeSnippet(RequestDraftSchema.parse({ url: `${server.origin}/`, method: 'GET"); system("id' }), lang.id)).toThrow(/method "GET\\"\); system/);
    });

    it(`${lang.label}: a file part named /home/…/.ssh/id_rsa opens only id_rsa (no directories)`, () => {
      const parts = [{ kind: 'file' as const, name: 'f', fileToken: 't', filename: '/home/victim/.ssh/id_rsa', contentType: 'text/plain' }, { kind: 'file' as const, name: 'g', fileToken: 'u', filename: '..\\..\\boot.ini' }];
      const code = codeSnippet(RequestDraftSchema.parse({ url: `${server.origin}/up`, method: 'POST', body: { kind: 'multipart', parts } }), lang.id);
      expect(code).not.toMatch(/\.ssh|\.\.[\\/]|\.\.\\\\/);
      expect(code).toContain('id_rsa');
    });
  }

  for (const lang of LANGUAGES.filter((l) => l.target && !RUN[l.id])) {
    it(`${lang.label} (literals): each value is one literal that decodes to itself, nothing interpolates`, () => {
      for (const c of cases) {
        const code = codeSnippet(hostile(c.type, c.body), lang.id);
        const lits = decodedLiterals(code, lang.target as string);
        for (const l of lits) expect(l.live, `live ${l.live} in ${JSON.stringify(l.text)}:\n${code}`).toBeUndefined();
        const texts = lits.map((l) => l.text);
        // Rust writes the query as items: each decoded value must be a literal of its own.
        const query = lang.target === 'rust' ? [...new URLSearchParams(PATH.split('?')[1]?.replace(/\+/g, '%2B'))].flat() : [];
        for (const v of [NAME, H, ...c.values, ...query]) expect(texts.some((t) => t.includes(v)), `${JSON.stringify(v)} is in no literal of:\n${code}`).toBe(true);
      }
    });
  }
});
