import { describe, expect, it } from 'vitest';
import { RequestDraftSchema } from '../../../contract/request.js';
import { CURL_DEFAULTS } from '../../../domain/curl/plan.js';
import { parseCurlCommand } from '../../../domain/curl/command.js';
import { codeSnippet, LANGUAGES } from './code-export.js';

const post = RequestDraftSchema.parse({
  url: 'https://api.example.com/v1/items?limit=3',
  method: 'POST',
  headers: [{ name: 'Content-Type', value: 'application/json', enabled: true }, { name: 'X-Off', value: 'no', enabled: false }],
  body: { kind: 'text', text: '{"name":"widget"}' },
});
const del = RequestDraftSchema.parse({ url: 'https://api.example.com/v1/items/42', method: 'DELETE' });
const multipart = RequestDraftSchema.parse({
  url: 'https://upload.example.com/files',
  method: 'PUT',
  body: { kind: 'multipart', parts: [{ kind: 'text', name: 'purpose', value: 'test' }, { kind: 'file', name: 'file', fileToken: 't1', filename: 'a.png', contentType: 'image/png' }] },
});

describe('code export', () => {
  it('offers the languages the issue asks for', () => {
    const ids = LANGUAGES.map((l) => l.id);
    for (const id of ['curl', 'js-fetch', 'node-fetch', 'python-requests', 'go', 'java-okhttp', 'csharp-httpclient', 'php-curl', 'ruby', 'powershell', 'wget', 'httpie']) expect(ids).toContain(id);
  });

  for (const lang of LANGUAGES) {
    it(`${lang.label}: code with the URL, the method and the body`, () => {
      const code = codeSnippet(post, lang.id);
      expect(code.length).toBeGreaterThan(0);
      expect(code).toContain('api.example.com/v1/items');
      expect(code).toMatch(/limit=3|"limit"|'limit'|limit/);
      // curl's method follows from -d; the command must read back as a POST.
      if (lang.id === 'curl') expect(parseCurlCommand(code).draft.method).toBe('POST');
      else expect(code).toMatch(/POST|post|Post/);
      expect(code).toMatch(/widget/);
      expect(code).not.toContain('X-Off');
      const d = codeSnippet(del, lang.id);
      expect(d).toContain('api.example.com/v1/items/42');
      expect(d).toMatch(/DELETE|delete|Delete/);
      const m = codeSnippet(multipart, lang.id);
      expect(m).toMatch(/PUT|put|Put/);
      expect(m).toContain('a.png');
      expect(m).toContain('purpose');
    });
  }

  it('cURL is the command the paste parser reads back', () => {
    // The pasted command states curl's redirect defaults, which are the engine's (post leaves them out).
    expect(parseCurlCommand(codeSnippet(post, 'curl')).draft).toEqual({ ...post, ...CURL_DEFAULTS, headers: post.headers.filter((h) => h.enabled) });
  });

  it('names an unknown language', () => {
    expect(() => codeSnippet(post, 'cobol')).toThrow(/unknown language "cobol"/);
  });
});
