// The conformance suite, written once against the engine interface (through the host):
// every engine runs every case.
import { after, before, describe } from 'node:test';
import type { EngineName } from '../../../engine/engine.js';
import { engineCases } from './engine-cases.js';
import { failureCases } from './failure-cases.js';
import { httpVersionCases } from './http-version-cases.js';
import { startHarness, type Harness } from './harness.js';
import { requestShapeCases } from './request-shape-cases.js';
import { transferCases } from './transfer-cases.js';
import { uploadCases } from './upload-cases.js';

export function conformanceSuite(engine: EngineName): void {
  describe(`conformance: ${engine} engine`, () => {
    let harness: Harness | undefined;
    const h = (): Harness => {
      if (!harness) throw new Error('harness not started');
      return harness;
    };
    before(async () => {
      harness = await startHarness(engine);
    });
    after(async () => {
      await harness?.close();
    });
    transferCases(h);
    uploadCases(h);
    failureCases(h);
    engineCases(h);
    requestShapeCases(h);
    httpVersionCases(h);
  });
}
