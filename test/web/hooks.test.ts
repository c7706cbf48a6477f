// Browser mode's pure parts: save-as hooks (sanitized, unique names inside the downloads
// folder) and the data directory / port from the environment.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { portableFileName } from '../../core/file-name.js';
import { createBrowserHooks, downloadsDir } from '../../web/hooks.js';
import { defaultDataDir, downloadsDirFromStart, portFromEnv } from '../../web/data-dir.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-web-hooks-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('file names are portable and bare', () => {
  assert.equal(portableFileName('report.pdf'), 'report.pdf');
  assert.equal(portableFileName('../../etc/passwd'), '_.._etc_passwd');
  assert.equal(portableFileName('..\\..\\boot.ini'), '_.._boot.ini');
  assert.equal(portableFileName('.bashrc'), 'bashrc');
  assert.equal(portableFileName('..'), '');
  assert.equal(portableFileName(''), '');
  assert.equal(portableFileName('a<b>:c"d|e?f*g\u0001.txt'), 'a_b__c_d_e_f_g.txt');
  assert.equal(portableFileName('CON.txt'), '_CON.txt');
  assert.equal(portableFileName('name. . '), 'name');
  const long = portableFileName(`${'x'.repeat(500)}.json`);
  assert.ok(long.length <= 180 && long.endsWith('.json'));
});

test('downloadsDir: the setting, ~ and relative paths from home, default ~/Downloads/InetScope', () => {
  assert.equal(downloadsDir(undefined, '/h'), path.join('/h', 'Downloads', 'InetScope'));
  assert.equal(downloadsDir('  ', '/h'), path.join('/h', 'Downloads', 'InetScope'));
  assert.equal(downloadsDir('~/dl', '/h'), path.join('/h', 'dl'));
  assert.equal(downloadsDir('dl', '/h'), path.join('/h', 'dl'));
  assert.equal(downloadsDir('/abs/dl', '/h'), '/abs/dl');
});

test('chooseSavePath stays in the folder, creates it, never reuses a name', async () => {
  const setting: { downloadsDir?: string } = {};
  const hooks = createBrowserHooks({ settings: async () => setting, home: tmp });
  const first = await hooks.chooseSavePath('../../evil.sh');
  assert.equal(first, path.join(tmp, 'Downloads', 'InetScope', '_.._evil.sh'));
  fs.writeFileSync(first!, '');
  assert.equal(await hooks.chooseSavePath('/../evil.sh'), path.join(tmp, 'Downloads', 'InetScope', '_.._evil (1).sh'));
  assert.equal(await hooks.chooseSavePath('..'), path.join(tmp, 'Downloads', 'InetScope', 'download'));
  setting.downloadsDir = path.join(tmp, 'chosen');
  assert.equal(await hooks.chooseSavePath('body'), path.join(tmp, 'chosen', 'body'));
  assert.ok(fs.statSync(path.join(tmp, 'chosen')).isDirectory());
  assert.equal(await hooks.chooseUploadFile(), undefined);
});

test('data dir per platform, INETSCOPE_DATA_DIR first', () => {
  assert.equal(defaultDataDir({ INETSCOPE_DATA_DIR: '/d' }, 'linux', '/h'), path.resolve('/d'));
  assert.equal(defaultDataDir({}, 'linux', '/h'), path.join('/h', '.local', 'share', 'inetscope'));
  assert.equal(defaultDataDir({ XDG_DATA_HOME: '/x' }, 'linux', '/h'), path.join('/x', 'inetscope'));
  assert.equal(defaultDataDir({ XDG_DATA_HOME: 'rel' }, 'linux', '/h'), path.join('/h', '.local', 'share', 'inetscope'));
  assert.equal(defaultDataDir({}, 'darwin', '/h'), path.join('/h', 'Library', 'Application Support', 'InetScope'));
  assert.equal(defaultDataDir({ APPDATA: '/app' }, 'win32', '/h'), path.join('/app', 'InetScope'));
});

test('INETSCOPE_PORT', () => {
  assert.equal(portFromEnv(undefined), 0);
  assert.equal(portFromEnv('8080'), 8080);
  assert.throws(() => portFromEnv('http'));
  assert.throws(() => portFromEnv('70000'));
});

test('downloads folder from the start: --downloads-dir, then INETSCOPE_DOWNLOADS_DIR; anything else is refused', () => {
  assert.equal(downloadsDirFromStart([], {}, '/cwd', '/h'), undefined);
  assert.equal(downloadsDirFromStart(['--downloads-dir', 'dl'], { INETSCOPE_DOWNLOADS_DIR: '/env' }, '/cwd', '/h'), path.resolve('/cwd', 'dl'));
  assert.equal(downloadsDirFromStart(['--downloads-dir=/abs'], {}, '/cwd', '/h'), path.resolve('/abs'));
  assert.equal(downloadsDirFromStart([], { INETSCOPE_DOWNLOADS_DIR: '~/dl' }, '/cwd', '/h'), path.join('/h', 'dl'));
  assert.throws(() => downloadsDirFromStart(['--downloads-dir'], {}, '/cwd', '/h'), /needs a folder/);
  assert.throws(() => downloadsDirFromStart(['--download-dir', 'x'], {}, '/cwd', '/h'), /unknown argument "--download-dir"/);
});
