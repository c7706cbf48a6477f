// HAR validation for tests: Ajv 8 with the published HAR 1.2 JSON schema (npm har-schema
// 2.0.0, draft-06), plus what that schema cannot say (its "min" is no JSON-schema keyword):
// timings are -1 or non-negative, send/wait/receive present and non-negative, and
// entry.time is the sum of the timings that apply (ssl is inside connect).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const schemas = require('har-schema') as Record<string, object>;
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as object;

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
(addFormats as unknown as (a: Ajv) => void)(ajv);
for (const s of Object.values(schemas)) ajv.addSchema(s);
const validateHar = ajv.getSchema('har.json#')!;

interface Timings { blocked?: number; dns?: number; connect?: number; ssl?: number; send: number; wait: number; receive: number }

export function assertValidHar(har: unknown): void {
  const ok = validateHar(har);
  assert.ok(ok, `not valid HAR 1.2: ${ajv.errorsText(validateHar.errors, { separator: '\n' })}`);
  const entries = (har as { log: { entries: Array<{ time: number; timings: Timings }> } }).log.entries;
  entries.forEach((e, i) => {
    const t = e.timings;
    for (const k of ['blocked', 'dns', 'connect', 'ssl'] as const) {
      const v = t[k];
      if (v !== undefined) assert.ok(v === -1 || v >= 0, `entry ${i}: timings.${k} is ${v}`);
    }
    for (const k of ['send', 'wait', 'receive'] as const) assert.ok(t[k] >= 0, `entry ${i}: timings.${k} is ${t[k]}`);
    if ((t.ssl ?? -1) >= 0) assert.ok((t.connect ?? -1) >= (t.ssl ?? 0), `entry ${i}: connect ${t.connect} includes ssl ${t.ssl}`);
    const sum = [t.blocked, t.dns, t.connect, t.send, t.wait, t.receive].reduce<number>((a, v) => a + Math.max(0, v ?? 0), 0);
    assert.ok(Math.abs(sum - e.time) < 0.01, `entry ${i}: time ${e.time} is the sum of its timings (${sum})`);
  });
}
