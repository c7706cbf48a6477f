// Property-based tests (fast-check) of every parser fed from outside: the core's command
// boundary with arbitrary JSON, HAR import, the curl command parser, catch rules and Range,
// the response-head checks, Host and file-name helpers. Each property: no throw but the
// documented error, and the run bounded (numRuns; a hang fails the test timeout). A failure
// prints its seed and path; FUZZ_SEED=<seed> replays a run, FUZZ_RUNS changes the count.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { COMMANDS, type CommandName } from '../../contract/api.js';
import { CatchRulesSchema } from '../../contract/catch.js';
import { parseCurlCommand } from '../../domain/curl/command.js';
import { CurlParseError } from '../../domain/curl/options.js';
import { harToExchanges, HarFileError } from '../../domain/har/import.js';
import { AppCore } from '../../core/app-core.js';
import { CommandFailure } from '../../core/command-failure.js';
import { hostAllowed, hostName } from '../../core/catch/host-check.js';
import { parseRange } from '../../core/catch/range.js';
import { matchRule } from '../../core/catch/rules.js';
import { suggestFileName } from '../../core/file-name.js';
import { responseHeadProblem } from '../../engine/response-check.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const params = { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) };
const T = { timeout: 120_000 };

/** Text biased to what the grammars care about: quotes, escapes, separators, CR/LF, non-ASCII. */
const spicy = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(' ', '\t', '"', "'", '\\', '$', '`', '^', '-', '=', ';', ',', ':', '/', '@', '{', '}', '\r', '\n', 'a', '0', 'é', '\u0000'), maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
);

/** Throws only `allowed` errors (a documented refusal), never anything else. */
function only(allowed: Array<new (...a: never[]) => Error>, run: () => unknown): void {
  try {
    run();
  } catch (e) {
    if (!allowed.some((c) => e instanceof c)) throw e;
  }
}

describe('fuzz: parsers of outside input', () => {
  it('the curl command parser: a request or a CurlParseError', T, () => {
    fc.assert(fc.property(spicy, spicy, (a, b) => only([CurlParseError], () => parseCurlCommand(`curl ${a} http://127.0.0.1/${b}`))), params);
    fc.assert(fc.property(spicy, (a) => only([CurlParseError], () => parseCurlCommand(a))), params);
  });

  it('HAR import: exchanges or a HarFileError, from any JSON and from HAR-shaped JSON', T, () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => only([HarFileError], () => harToExchanges(v, () => 'id'))), params);
    const entry = fc.record({
      startedDateTime: fc.oneof(fc.constant('2026-01-01T00:00:00Z'), spicy),
      time: fc.oneof(fc.double(), fc.integer()),
      request: fc.record({ method: spicy, url: fc.oneof(spicy, fc.webUrl()), httpVersion: spicy, headers: fc.array(fc.record({ name: spicy, value: spicy }), { maxLength: 5 }), postData: fc.option(fc.record({ mimeType: spicy, text: spicy })) }, { requiredKeys: ['method', 'url'] }),
      response: fc.record({ status: fc.integer({ min: -5, max: 1000 }), content: fc.record({ size: fc.integer(), mimeType: spicy, text: spicy, encoding: fc.constantFrom('base64', 'utf8', undefined) }) }),
      timings: fc.dictionary(fc.constantFrom('send', 'wait', 'receive', 'ssl', 'connect'), fc.double()),
    });
    fc.assert(fc.property(fc.array(entry, { maxLength: 4 }), (entries) => only([HarFileError], () => harToExchanges({ log: { version: '1.2', entries } }, () => 'id'))), params);
  });

  it('catch rules: the schema answers any JSON; matching never throws', T, () => {
    fc.assert(
      fc.property(fc.jsonValue(), spicy, spicy, (v, method, target) => {
        const r = CatchRulesSchema.safeParse(v);
        if (r.success) matchRule(r.data, method, target);
      }),
      params,
    );
  });

  it('Range: a kind, and a single range inside the file', T, () => {
    fc.assert(
      fc.property(spicy, fc.integer({ min: 0, max: 2 ** 40 }), (h, size) => {
        const r = parseRange(`bytes=${h}`, size);
        if (r.kind === 'single') assert.ok(r.start >= 0 && r.start <= r.end && r.end < size, JSON.stringify(r));
      }),
      params,
    );
  });

  it('response heads, Host names and file names never throw; a file name is bare', T, () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 1000 }), spicy, spicy, (status, line, headers) => {
        responseHeadProblem(status, `${line}\r\n${headers}\r\n\r\n`, { url: 'http://127.0.0.1/' });
        hostAllowed(line, true, [headers]);
        hostName(line);
        const name = suggestFileName({ contentDisposition: `attachment; filename="${line}"; filename*=${headers}`, url: `http://127.0.0.1/${line}`, contentType: headers });
        assert.ok(name.length > 0 && !/[/\\\0]/.test(name), name);
      }),
      params,
    );
  });
});

describe('fuzz: the core command boundary (AppCore.call with arbitrary JSON)', () => {
  let core: AppCore;
  let dataDir: string;
  // Not fuzzed with arbitrary input: a valid one acts on the world (sendRequest sends to its
  // URL; startCatchServer listens on the given address). Their inputs are schema-checked the same way.
  const skip = new Set<CommandName>(['sendRequest', 'startCatchServer']);
  const names = (Object.keys(COMMANDS) as CommandName[]).filter((n) => !skip.has(n));
  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-fuzz-'));
    core = await AppCore.create({ dataDir, log: () => {}, hooks: { chooseSavePath: async () => undefined, chooseUploadFile: async () => undefined } });
  });
  after(async () => {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('every command answers or refuses with a CommandFailure, whatever JSON comes', T, async () => {
    const input = fc.oneof(fc.jsonValue(), fc.record({ id: fc.oneof(fc.uuid(), spicy), limit: fc.integer(), offset: fc.integer(), size: fc.integer(), fileToken: spicy, base64: spicy, query: spicy }, { requiredKeys: [] }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names, 'noSuchCommand' as CommandName), input, async (name, v) => {
        try {
          await core.call(name, v);
        } catch (e) {
          if (!(e instanceof CommandFailure)) throw e;
          assert.ok(e.message.length > 0);
        }
      }),
      { ...params, numRuns: Math.min(RUNS, 500) },
    );
  });
});
