// The layering rule (lint/layering.js) as ESLint runs it: an import outside a folder's
// allow-list fails, one inside passes. Virtual files; nothing is written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { projectRoot } from '../../engine/paths.js';

const eslint = new ESLint({ cwd: projectRoot });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layering/allowed-imports').map((m) => m.message);
}

describe('layering', () => {
  const refused: Array<[string, string, RegExp]> = [
    ['renderer/src/probe.ts', "import { EngineClient } from '../../engine/client.js';", /renderer\/ may not import engine\/client/],
    ['renderer/src/probe.ts', "import fs from 'node:fs';", /package node:fs/],
    ['domain/probe.ts', "import koffi from 'koffi';", /package koffi/],
    ['contract/probe.ts', "import { derivePhases } from '../domain/phases.js';", /contract\/ may not import domain/],
    ['core/probe.ts', "import { app } from 'electron';", /package electron/],
    ['core/probe.ts', "import '../native-bridge/curl/engine.js';", /core\/ may not import native-bridge\/curl/],
    ['engine/probe.ts', "import '../native-bridge/wininet/engine.js';", /engine\/ may not import native-bridge/],
  ];
  for (const [file, code, message] of refused) {
    it(`refuses in ${file}: ${code}`, async () => {
      const errors = await layeringErrors(file, code);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0] ?? '', message);
    });
  }
  const allowed: Array<[string, string]> = [
    ['native-bridge/probe.ts', "import koffi from 'koffi';\nexport const k = koffi;"],
    ['renderer/src/probe.ts', "export { derivePhases } from '../../domain/phases.js';"],
    ['engine/host/probe.ts', "export { CurlEngine } from '../../native-bridge/curl/engine.js';"],
    ['core/probe.ts', "export { transmitFile } from '../native-bridge/sendfile/index.js';"],
    ['renderer/src/probe.test.ts', "import { it } from 'vitest';\nimport fs from 'node:fs';\nit('x', () => void fs);"],
  ];
  for (const [file, code] of allowed) {
    it(`allows in ${file}: ${code.split('\n')[0]}`, async () => {
      assert.deepEqual(await layeringErrors(file, code), []);
    });
  }
});
