// What app://inetscope/ serves (electron/main/app-files.ts): the built renderer's files and
// nothing else. Pure, so it runs here without Electron.
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { appFile } from '../../electron/main/app-files.js';

describe('app:// serves the built renderer and nothing else', () => {
  const root = path.join(os.tmpdir(), 'inetscope-renderer-root');
  it('maps the app host to files under the root, with their types', () => {
    assert.deepEqual(appFile('app://inetscope/', root), { file: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    assert.deepEqual(appFile('app://inetscope/assets/index-abc.js?v=1', root), { file: path.join(root, 'assets', 'index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
    assert.equal(appFile('app://inetscope/assets/app.css#x', root)?.contentType, 'text/css; charset=utf-8');
  });
  it('probe: traversal, other hosts and schemes, odd names are refused', () => {
    for (const url of [
      'app://inetscope/%2e%2e/%2e%2e/etc/passwd',
      'app://inetscope/..%2f..%2fetc%2fpasswd',
      'app://inetscope/%2e%2e%5c%2e%2e%5cwindows%5cwin.ini',
      'app://inetscope/a%00.js',
      'app://inetscope/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://inetscope/secret.key',
      'not a url',
    ]) {
      assert.equal(appFile(url, root), undefined, url);
    }
    // "../" written plainly is resolved by the URL parser itself: it stays inside the root.
    assert.equal(appFile('app://inetscope/../../index.html', root)?.file, path.join(root, 'index.html'));
  });
});
