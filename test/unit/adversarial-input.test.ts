// Every parser of input from a peer, a file or a pasted command, fed 32 KB built to make a
// backtracking pattern explode (runs of the characters its grammar repeats). Each must end
// within a bound far from a hang; the static check (eslint-plugin-regexp in `npm run lint`)
// finds such patterns, this proves the parsers as they are wired.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCurlCommand } from '../../domain/curl/command.js';
import { splitCommand } from '../../domain/curl/shell-words.js';
import { harToExchanges } from '../../domain/har/import.js';
import { parseRange } from '../../core/catch/range.js';
import { matchRule } from '../../core/catch/rules.js';
import { CatchRulesSchema } from '../../contract/catch.js';
import { portableFileName, suggestFileName } from '../../core/file-name.js';
import { responseHeadProblem } from '../../engine/response-check.js';

const SIZE = 32 * 1024;
const fill = (unit: string, suffix = '\u0001'): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE) + suffix;
/** Units a grammar repeats: whitespace, separators, quotes, escapes, markup, expansions. */
const UNITS = [' ', '\t', 'a', '0', '.', '-', '=', ';', ',', ':', '"', "'", '\\', '%', '$', '${', '{', '<', '*', '/', '\r\n', ' \t', 'a ', '0-', "'a", '"\\'];
const ADVERSARIAL = UNITS.flatMap((u) => [fill(u), fill(u, ''), `x${fill(u)}y`]);
/** For all inputs of one parser, far from a hang: a quadratic pattern takes seconds to hours at this size. */
const BOUND_MS = 15_000;

function timed(name: string, run: (input: string) => unknown): void {
  const t0 = performance.now();
  for (const input of ADVERSARIAL) {
    try {
      run(input);
    } catch {
      // A clear refusal is a fine answer; only the time is asserted here.
    }
  }
  const ms = performance.now() - t0;
  assert.ok(ms < BOUND_MS, `${name}: ${ms.toFixed(0)} ms for ${ADVERSARIAL.length} inputs of 32 KB`);
}

describe('parsers of peer input stay linear on 32 KB adversarial inputs', () => {
  it('a response head: status line, Content-Length, Location', () => {
    timed('responseHeadProblem', (s) => responseHeadProblem(200, `HTTP/1.1 200 ${s}\r\nContent-Length:${s}\r\nLocation:${s}\r\n\r\n`, { url: 'http://127.0.0.1/' }));
    timed('responseHeadProblem (status line)', (s) => responseHeadProblem(200, `${s}\r\n\r\n`));
  });

  it('Content-Disposition file names and URL path segments', () => {
    timed('suggestFileName', (s) => suggestFileName({ contentDisposition: `attachment; filename=${s}; filename*=UTF-8''${s}`, url: `http://127.0.0.1/${s}`, contentType: s }));
    timed('portableFileName', (s) => portableFileName(s));
  });

  it('the catch server: Range and rule matching', () => {
    const rules = CatchRulesSchema.parse([{ match: { path: '/a/', prefix: true } }]);
    timed('parseRange', (s) => parseRange(`bytes=${s}`, 1000));
    timed('matchRule', (s) => matchRule(rules, 'GET', `/${s}?${s}`));
  });

  it('a pasted curl command (bash and cmd quoting)', () => {
    timed('splitCommand', (s) => splitCommand(`curl ${s}`));
    timed('parseCurlCommand', (s) => parseCurlCommand(`curl -H "${s}" -d '${s}' http://127.0.0.1/${s}`));
    timed('parseCurlCommand (cmd)', (s) => parseCurlCommand(`curl ^"${s}^" http://127.0.0.1/`));
  });

  it('a HAR file', () => {
    let n = 0;
    timed('harToExchanges', (s) =>
      harToExchanges(
        {
          log: {
            version: '1.2',
            entries: [
              {
                startedDateTime: '2026-01-01T00:00:00Z',
                time: 1,
                request: { method: 'GET', url: `http://127.0.0.1/${s}`, httpVersion: 'HTTP/1.1', headers: [{ name: 'Cookie', value: s }, { name: s, value: s }], queryString: [], cookies: [], headersSize: -1, bodySize: -1, postData: { mimeType: `multipart/form-data; boundary=${s}`, text: s } },
                response: { status: 200, statusText: s, httpVersion: s, headers: [{ name: 'Content-Type', value: s }, { name: 'Content-Disposition', value: s }], cookies: [], content: { size: 1, mimeType: s, text: s }, redirectURL: s, headersSize: -1, bodySize: -1 },
                cache: {},
                timings: { send: 0, wait: 0, receive: 0 },
              },
            ],
          },
        },
        () => `id-${n++}`,
      ),
    );
  });
});
