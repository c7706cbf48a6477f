import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../../../contract/request.js';
import { parseCurlCommand } from '../../../domain/curl/command.js';
import { CURL_CASES } from '../../../test/unit/curl-cases.js';
import { draftToRequest } from '../composer/draft.js';
import { importToDraft, requestToDraft } from './request-to-draft.js';

const sorted = (d: RequestDraft) => ({ ...d, headers: [...d.headers].sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value)) });

describe('a pasted command in the composer', () => {
  for (const c of CURL_CASES) {
    it(`sends what the command says: ${c.name}`, () => {
      const imp = parseCurlCommand(c.cmd);
      const { draft, warnings } = importToDraft(imp, 'auto');
      const back = draftToRequest(draft, true);
      const needsFile = imp.files.some((f) => f.flag === '-F') || (imp.files.length > 0 && imp.draft.body.kind === 'none' && !/^(GET|HEAD)$/.test(imp.draft.method));
      if (needsFile) {
        // A file the page cannot read: the composer asks for it before sending.
        expect(back).toMatchObject({ ok: false, message: expect.stringMatching(/Choose a file/) });
        return;
      }
      expect(back.ok).toBe(true);
      if (!back.ok) return;
      const getWithBody = /^(GET|HEAD)$/.test(imp.draft.method) && imp.draft.body.kind !== 'none';
      if (getWithBody) expect(warnings.join('\n')).toMatch(/sends no body with GET/);
      const want = getWithBody ? { ...imp.draft, body: { kind: 'none' as const } } : imp.draft;
      expect(sorted(back.request)).toEqual(sorted(want));
    });
  }

  it('basic and bearer credentials go to the Auth tab', () => {
    const basic = requestToDraft(parseCurlCommand('curl -u ann:p:w https://x/').draft);
    expect(basic.auth).toEqual({ kind: 'basic', user: 'ann', password: 'p:w' });
    expect(basic.headers.some((h) => h.name === 'Authorization')).toBe(false);
    const bearer = requestToDraft(parseCurlCommand('curl -H "Authorization: Bearer abc" https://x/').draft);
    expect(bearer.auth).toEqual({ kind: 'bearer', token: 'abc' });
    const other = requestToDraft(parseCurlCommand('curl -H "Authorization: Digest x=1" https://x/').draft);
    expect(other.auth).toEqual({ kind: 'none' });
    expect(other.headers[0]).toEqual({ name: 'Authorization', value: 'Digest x=1', enabled: true });
  });

  it('a JSON body opens in the raw editor as JSON; -F files become rows to choose', () => {
    const json = requestToDraft(parseCurlCommand(`curl --json '{"a":1}' https://x/`).draft);
    expect(json.bodyDraft.mode).toBe('raw');
    expect(json.bodyDraft.rawType).toBe('json');
    expect(json.body).toBe('{"a":1}');
    const imp = parseCurlCommand('curl -F a=1 -F "f=@x.png;type=image/png" https://x/');
    const mp = requestToDraft(imp.draft, imp.files);
    expect(mp.bodyDraft.multipart).toEqual([
      { kind: 'text', name: 'a', value: '1', enabled: true },
      { kind: 'file', name: 'f', value: 'image/png', enabled: true },
    ]);
  });

  it('keeps the connect timeout and max redirects the composer has no field for', () => {
    const d = requestToDraft(parseCurlCommand('curl -L --max-redirs 3 --connect-timeout 2 -m 9 https://x/').draft);
    expect(d.options.timeoutS).toBe('9');
    const r = draftToRequest(d);
    expect(r.ok && r.request).toMatchObject({ maxRedirects: 3, followRedirects: true, timeouts: { connectMs: 2000, totalMs: 9000 } });
  });

  it("keeps the HTTP version a pasted command asks for, into the composer's select and back", () => {
    const d = requestToDraft(parseCurlCommand('curl --http2-prior-knowledge http://x/').draft);
    expect(d.options.httpVersion).toBe('2-prior-knowledge');
    const r = draftToRequest(d);
    expect(r.ok && r.request.httpVersion).toBe('2-prior-knowledge');
    const plain = draftToRequest(requestToDraft(parseCurlCommand('curl http://x/').draft));
    expect(plain.ok && 'httpVersion' in plain.request).toBe(false);
  });
});
