// Proxies on the WinInet engine: the shared cases, and the OS settings (PRECONFIG) read from
// the Wine prefix's registry, with loopback kept direct by the engine's bypass.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { proxyCases, wininetDigestCases } from './proxy/cases.js';
import { startProxyHarness, type ProxyHarness } from './proxy/harness.js';
import { preconfigCases } from './proxy/preconfig.js';

describe('proxies: wininet engine', () => {
  let harness: ProxyHarness | undefined;
  const h = (): ProxyHarness => harness ?? assert.fail('harness not started');
  before(async () => {
    harness = await startProxyHarness('wininet');
  });
  after(async () => {
    await harness?.close();
  });
  proxyCases(h);
  wininetDigestCases(h);
  // The registry of the Wine prefix: on Windows the user's own settings are not the test's to change.
  if (process.platform !== 'win32') preconfigCases(h);
});
