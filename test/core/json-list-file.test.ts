// The data dir's small list files (recent workspaces, script trust): written whole and in
// order, read back; a malformed one is set aside (never written over) and the list starts empty.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { z } from 'zod';
import { JsonListFile } from '../../core/json-list-file.js';

const item = z.object({ id: z.string() });

test('a list file: saves in order, reads back; a malformed file (bad item, not JSON) is kept aside and named in the log', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-list-'));
  const file = path.join(dir, 'list.json');
  const logged: string[] = [];
  const opts = { file, key: 'things', item, what: 'things', log: (m: string) => logged.push(m), mode: 0o600 };
  const a = await JsonListFile.load(opts);
  assert.deepEqual(a.items, []);
  await Promise.all([a.save([{ id: '1' }]), a.save([{ id: '1' }, { id: '2' }])]);
  assert.deepEqual((await JsonListFile.load(opts)).items, [{ id: '1' }, { id: '2' }]);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);

  fs.writeFileSync(file, '{"things": [{"id": 3}]}');
  const b = await JsonListFile.load(opts);
  assert.deepEqual(b.items, []);
  const aside = fs.readdirSync(dir).filter((n) => n.startsWith('list.json.bad-'));
  assert.equal(aside.length, 1);
  assert.equal(fs.readFileSync(path.join(dir, aside[0]!), 'utf8'), '{"things": [{"id": 3}]}');
  assert.match(logged.join('\n'), /things: .*list\.json is not a things list \(things\.0\.id: [^)]*string[^)]*\); kept as list\.json\.bad-/);
  fs.writeFileSync(file, '{"things": [');
  assert.deepEqual((await JsonListFile.load(opts)).items, []);
  assert.match(logged.at(-1) ?? '', /list\.json is not valid JSON; kept as list\.json\.bad-/);
  assert.equal(fs.readdirSync(dir).filter((n) => n.startsWith('list.json.bad-')).length, 2, 'each bad file kept');
  fs.rmSync(dir, { recursive: true, force: true });
});
