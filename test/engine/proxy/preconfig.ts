// WinInet's PRECONFIG path for real: the proxy set in the Wine prefix's registry (HKCU ...
// Internet Settings: ProxyEnable, ProxyServer, ProxyOverride), restored after. Wine has no
// implicit loopback bypass: the engine's own bypass keeps 127.0.0.1 and localhost direct,
// while 127.0.0.2 (loopback too, but not in that list) goes through the proxy.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../../engine/client.js';
import { ensureWineRuntime, wineEnv } from '../../../engine/wine-runtime.js';
import { chosen, send, type ProxyHarness } from './harness.js';

const KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
const VALUES = ['ProxyEnable', 'ProxyServer', 'ProxyOverride'] as const;

function reg(args: string[]): { ok: boolean; out: string } {
  const rt = ensureWineRuntime();
  const r = spawnSync(rt.wine, ['reg', ...args], { env: wineEnv(rt.prefix), encoding: 'utf8', timeout: 30_000 });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

/** The current values ("REG_DWORD 0x1" style), to put back exactly. */
function saved(): Map<string, { type: string; data: string } | undefined> {
  return new Map(VALUES.map((v) => {
    const m = /(REG_[A-Z_]+)[ \t]+(\S[^\r\n]*)?/.exec(reg(['query', KEY, '/v', v]).out);
    return [v, m ? { type: m[1]!, data: (m[2] ?? '').trim() } : undefined];
  }));
}

function set(name: string, type: string, data: string): void {
  const r = reg(['add', KEY, '/v', name, '/t', type, '/d', data, '/f']);
  assert.ok(r.ok, `wine reg add ${name}: ${r.out}`);
}

function restore(values: Map<string, { type: string; data: string } | undefined>): void {
  for (const [name, v] of values) {
    if (v) set(name, v.type, v.type === 'REG_DWORD' ? String(Number(v.data)) : v.data);
    else reg(['delete', KEY, '/v', name, '/f']);
  }
}

/** An origin on 127.0.0.2: loopback, yet a name the engine's bypass does not list. */
async function originOn(host: string): Promise<{ url: string; via: () => string[]; close: () => Promise<void> }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(String(req.headers.via ?? ''));
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://${host}:${port}/`, via: () => seen, close: () => new Promise((r) => server.close(() => r())) };
}

export function preconfigCases(h: () => ProxyHarness): void {
  describe('the OS proxy from the Wine registry (PRECONFIG)', () => {
    let before0: ReturnType<typeof saved> | undefined;
    let client: EngineClient | undefined;
    let origin: Awaited<ReturnType<typeof originOn>> | undefined;
    before(async () => {
      before0 = saved();
      set('ProxyEnable', 'REG_DWORD', '1');
      set('ProxyServer', 'REG_SZ', `127.0.0.1:${h().open.port}`);
      set('ProxyOverride', 'REG_SZ', '*.bypassed.invalid');
      client = await EngineClient.start({ engine: 'wininet' });
      origin = await originOn('127.0.0.2');
    });
    after(async () => {
      await client?.close();
      await origin?.close();
      if (before0) restore(before0);
    });

    it('a host the bypass does not list goes through the configured proxy (reason "system")', async () => {
      const x = await send(client!, { url: origin!.url });
      assert.equal(x.finished.statusCode, 200, JSON.stringify(x.finished.error));
      assert.deepEqual(chosen(x), { proxy: `127.0.0.1:${h().open.port}`, reason: 'system' });
      assert.match(origin!.via().at(-1) ?? '', /inetscope-test-proxy/, 'tinyproxy forwarded it');
    });

    it('127.0.0.1 stays direct (the engine\'s loopback bypass)', async () => {
      const before = h().http.requests.length;
      const x = await send(client!, { url: `${h().http.url}/headers` });
      assert.equal(x.finished.statusCode, 200, JSON.stringify(x.finished.error));
      assert.deepEqual(chosen(x), { proxy: 'direct', reason: 'bypassed' });
      assert.equal(h().http.requests.slice(before).find((r) => r.url === '/headers')?.headers.via, undefined);
    });

    it('--noproxy adds to the configured bypass', async () => {
      const n = origin!.via().length;
      const x = await send(client!, { url: origin!.url, noProxy: '127.0.0.2' });
      assert.equal(x.finished.statusCode, 200, JSON.stringify(x.finished.error));
      assert.deepEqual(chosen(x), { proxy: 'direct', reason: 'bypassed' });
      assert.equal(origin!.via()[n], '', 'not forwarded');
    });
  });
}
