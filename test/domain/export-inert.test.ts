// Probe (issue 14, finding 2): "Copy as cURL" run by bash with the real /usr/bin/curl against
// a loopback server. Hostile bodies (@file, $(…), quotes, newlines, non-ASCII), header values,
// credentials, a ;auto Referer, a globbing URL and multipart parts must arrive as the request
// holds them: curl reads no file the user did not choose and the shell expands nothing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RequestDraftSchema, type RequestDraft } from '../../contract/request.js';
import { draftToCurl } from '../../domain/curl/serialize.js';
import { captureServer, type Arrived, type CaptureServer } from '../support/capture-server.js';

const HOSTILE = `$(id) \`id\` \${HOME} #{x} \\(x) {\${x}} ' " \\ \\\\ !! %s é 😀 @file`;
const secret = fs.readFileSync('/etc/hostname');

let server: CaptureServer;
let dir: string;
before(async () => {
  server = await captureServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-inert-'));
  // A file named like a hostile relative path: curl must not read it either.
  fs.writeFileSync(path.join(dir, 'file'), 'LOCAL-FILE');
  fs.writeFileSync(path.join(dir, 'chosen.bin'), 'CHOSEN-BYTES');
});
after(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the command in bash (cwd: a scratch directory) and returns the one request that arrived. */
async function run(command: string): Promise<Arrived> {
  const before = server.arrived.length;
  await new Promise<void>((resolve, reject) => {
    execFile('bash', ['-c', `${command} -sS -o /dev/null`], { cwd: dir, timeout: 10_000, env: { PATH: process.env.PATH, HOME: dir } }, (err, _out, stderr) => {
      if (err) reject(new Error(`${err.message}\n${stderr}\n${command}`));
      else resolve();
    });
  });
  assert.equal(server.arrived.length - before, 1, `one request arrives for:\n${command}`);
  return server.arrived[server.arrived.length - 1] as Arrived;
}

const draft = (over: Partial<RequestDraft> & Record<string, unknown>): RequestDraft => RequestDraftSchema.parse({ url: `${server.origin}/p`, method: 'POST', ...over });
const utf8 = (latin1: string): string => Buffer.from(latin1, 'latin1').toString('utf8');
const got = (a: Arrived, name: string): string[] => a.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => utf8(v));

function assertHeaders(a: Arrived, d: RequestDraft, command: string): void {
  for (const h of d.headers.filter((x) => x.enabled)) assert.deepEqual(got(a, h.name), [h.value], `${h.name} arrives as written:\n${command}`);
}

describe('Copy as cURL runs inert in bash with the real curl', () => {
  for (const type of ['application/json', 'text/plain']) {
    it(`a ${type} body "@/etc/hostname" arrives as those bytes, not the file`, async () => {
      // Content-Type and Accept both JSON: what --json stands for, so the serializer is tempted to use it.
      const headers = [{ name: 'Content-Type', value: type, enabled: true }, { name: 'Accept', value: 'application/json', enabled: true }];
      const d = draft({ headers, body: { kind: 'text', text: '@/etc/hostname' } });
      const command = draftToCurl(d);
      const a = await run(command);
      assert.equal(a.body.toString('utf8'), '@/etc/hostname', command);
      assert.notDeepEqual(a.body, secret);
      assertHeaders(a, d, command);
    });
  }

  it('a body and header values with shell and curl syntax arrive byte for byte', async () => {
    const text = `{"v":"${HOSTILE}"}\n${HOSTILE}\r\nline\ttab\n`;
    const d = draft({
      headers: [
        { name: 'Content-Type', value: 'application/json', enabled: true },
        { name: 'X-Hostile', value: HOSTILE, enabled: true },
        { name: 'X-Empty', value: '', enabled: true },
        { name: 'Referer', value: 'http://a.example/;auto', enabled: true },
        { name: 'User-Agent', value: `ua ${HOSTILE}`, enabled: true },
        { name: 'Cookie', value: `a=$(id); b=\`id\`; c='"`, enabled: true },
        { name: 'Range', value: 'bytes=0-1;$(id)', enabled: true },
        { name: 'Authorization', value: `Basic ${Buffer.from(`u$(id)'"\`x\`:p@file;x`).toString('base64')}`, enabled: true },
      ],
      body: { kind: 'text', text },
    });
    const command = draftToCurl(d);
    const a = await run(command);
    assert.equal(a.body.toString('utf8'), text, command);
    assertHeaders(a, d, command);
  });

  it('a URL with { } and [ ] is sent once, as written (no globbing)', async () => {
    const d = draft({ method: 'GET', url: `${server.origin}/g/{a,b}/[1-3]?q=$(id)&r='"\`x\`` });
    const command = draftToCurl(d);
    const a = await run(command);
    assert.equal(decodeURIComponent(a.target), `/g/{a,b}/[1-3]?q=$(id)&r='"\`x\``, command);
  });

  it('form fields with @, = and & are url-encoded as they are', async () => {
    const fields = [{ name: '@n=&', value: '@/etc/hostname' }, { name: 'b', value: HOSTILE }];
    const d = draft({ body: { kind: 'form', fields: fields.map((f) => ({ ...f, enabled: true })) } });
    const command = draftToCurl(d);
    const a = await run(command);
    // curl 7.88 writes a space as "+", later ones as %20: the same form either way.
    assert.deepEqual([...new URLSearchParams(a.body.toString('utf8'))], fields.map((f) => [f.name, f.value]), command);
  });

  it('multipart: a text part "@…;type=" is text, a file part reads the chosen file, not its filename', async () => {
    const d = draft({
      body: {
        kind: 'multipart',
        parts: [
          { kind: 'text', name: 't', value: '@/etc/hostname;type=text/x' },
          { kind: 'text', name: 'q', value: '"quoted",x' },
          { kind: 'file', name: 'f', fileToken: 'tok', filename: '/etc/hostname', contentType: 'text/plain' },
        ],
      },
    });
    const command = draftToCurl(d, { fileName: () => path.join(dir, 'chosen.bin') });
    const body = (await run(command)).body.toString('utf8');
    assert.match(body, /\r\n\r\n@\/etc\/hostname;type=text\/x\r\n--/, command);
    assert.match(body, /\r\n\r\n"quoted",x\r\n--/, command);
    assert.match(body, /\r\n\r\nCHOSEN-BYTES\r\n--/, command);
    assert.ok(!body.includes(secret.toString('utf8').trim()) || secret.toString('utf8').trim() === '', command);
  });

  it('a header name curl would read as a file, or a NUL byte, is refused by name', () => {
    assert.throws(() => draftToCurl(draft({ headers: [{ name: '@/etc/hostname', value: 'x', enabled: true }] })), /header name "@\/etc\/hostname"/);
    assert.throws(() => draftToCurl(draft({ body: { kind: 'text', text: 'a\u0000b' } })), /NUL/);
  });
});
