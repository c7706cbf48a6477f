// The data dir's JSON reader: each outcome its callers act on (a fresh start, left alone, set
// aside, used), the same from the async reader and its synchronous twin.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readDataFile, readDataFileSync, type DataFileDecode } from '../../core/json-data-file.js';

/** Takes {"n": <number>} and refuses anything else, in the callers' words. */
const decode: DataFileDecode<number> = (json) =>
  typeof json === 'object' && json !== null && typeof (json as { n?: unknown }).n === 'number' ? { value: (json as { n: number }).n } : { bad: 'is not a counter' };

test('the data file reader: missing, unreadable (not a folder), too large, not JSON, refused by the decoder, read', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-data-file-'));
  const write = (name: string, text: string): string => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const cases: [string, string, unknown][] = [
    ['missing', path.join(dir, 'none.json'), { none: true }],
    ['under a file', path.join(write('plain', ''), 'x.json'), { unreadable: 'a parent of the path is not a directory' }],
    ['too large', write('big.json', `{"n": 1, "pad": "${'x'.repeat(100)}"}`), { bad: 'is larger than 64 bytes' }],
    ['not JSON', write('cut.json', '{"n": '), { bad: 'is not valid JSON' }],
    ['refused', write('other.json', '{"m": 1}'), { bad: 'is not a counter' }],
    ['read', write('ok.json', '{"n": 7}'), { value: 7 }],
  ];
  try {
    for (const [what, file, expected] of cases) {
      assert.deepEqual(await readDataFile(file, 64, decode), expected, what);
      assert.deepEqual(readDataFileSync(file, 64, decode), expected, `${what} (sync)`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
