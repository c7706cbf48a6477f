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
import { RequestDraftSchema, type RequestDraft } from '../../../contract/api.js';
import { captureServer, type CaptureServer } from '../../../test/support/capture-server.js';
import { codeSnippet, LANGUAGES } from './code-export.js';
import { decodedLiterals } from './literal-decode.test-support.js';

const H = `$(id) \`id\` \${x} #{x} #$x \\(x) {\${x}} ' '' " \\ \\\\ %s @file $x`;
const NAME = "X-$x'`#|^~!";
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
const hostile = (type: string, text: string): RequestDraft =>
  RequestDraftSchema.parse({
    url: `${server.origin}${PATH}`,
    method: 'POST',
    headers: [{ name: NAME, value: H, enabled: true }, { name: 'Content-Type', value: type, enabled: true }],
    body: { kind: 'text', text },
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

function run(argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const [cmd = '', ...args] = argv;
    execFile(cmd, args, { cwd: dir, timeout: 15_000, env: { PATH: process.env.PATH, HOME: dir } }, (err, _o, stderr) => (err && err.killed ? reject(new Error(`${cmd} hung: ${stderr}`)) : resolve()));
  });
}

const latin1ToUtf8 = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');
const decodedTarget = (t: string): string => decodeURIComponent(t.replace(/\+/g, '%2B'));

const cases = [
  { what: 'text body', type: 'text/plain', text: BODY },
  { what: 'JSON body starting with @', type: 'application/json', text: `@/etc/hostname` },
  { what: 'JSON body with hostile strings', type: 'application/json', text: JSON.stringify({ v: H, n: 'é\n' }) },
];

describe('Code… snippets are inert', () => {
  for (const lang of LANGUAGES.filter((l) => l.target && RUN[l.id])) {
    for (const c of cases) {
      it(`${lang.label} (run): a ${c.what} arrives as the request holds it`, async () => {
        const d = hostile(c.type, c.text);
        const code = codeSnippet(d, lang.id);
        const r = RUN[lang.id] as (typeof RUN)[string];
        const file = path.join(dir, r.file);
        fs.writeFileSync(file, code);
        const before = server.arrived.length;
        await run(r.argv(file));
        expect(server.arrived.length - before, `one request from:\n${code}`).toBe(1);
        const a = server.arrived[server.arrived.length - 1];
        expect(a?.method).toBe('POST');
        expect(decodedTarget(a?.target ?? ''), code).toBe(decodedTarget(PATH));
        const got = a?.headers.filter(([n]) => n.toLowerCase() === NAME.toLowerCase()).map(([, v]) => latin1ToUtf8(v));
        expect(got, code).toEqual([H]);
        expect(a?.body.toString('utf8'), code).toBe(c.text);
      });
    }
  }

  for (const lang of LANGUAGES.filter((l) => l.target && !RUN[l.id])) {
    it(`${lang.label} (literals): each value is one literal that decodes to itself, nothing interpolates`, () => {
      for (const c of cases) {
        const code = codeSnippet(hostile(c.type, c.text), lang.id);
        const lits = decodedLiterals(code, lang.target as string);
        for (const l of lits) expect(l.live, `live ${l.live} in ${JSON.stringify(l.text)}:\n${code}`).toBeUndefined();
        const texts = lits.map((l) => l.text);
        for (const v of [NAME, H, c.text]) expect(texts.some((t) => t.includes(v)), `${JSON.stringify(v)} is in no literal of:\n${code}`).toBe(true);
      }
    });
  }
});
