// Keep-alive benchmark: BENCH_REQUESTS (default 500) small GETs one after another over
// kept-alive connections, by the system curl (one process, every URL from a config file:
// curl reuses its connection) and by each engine; requests/s, and the connections the
// server saw open during the run (engines are warmed first: 0 means every request reused one). Run alone: `node dist/bench/keepalive.js`.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { curlVersion, engines, envInt, round1, runCurl, runStandalone, table, withClient, writeResult } from './common.js';
import { parseRequestSpec } from '../engine/request-spec.js';

const BODY = Buffer.alloc(100, 'k');

interface KeepAliveReport {
  requests: number;
  tools: Record<string, { requestsPerSecond: number; newConnections: number; ratioOverCurl?: number }>;
  failures: string[];
}

/** The loopback server of this benchmark: 100 bytes per GET, connections kept 30 s. */
export async function smallServer(onRequest = () => {}): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (_req, res) => {
    onRequest();
    res.writeHead(200, { 'Content-Length': BODY.length, 'Content-Type': 'text/plain' }).end(BODY);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/small` };
}

export async function runKeepAlive(): Promise<{ report: KeepAliveReport; table: string; ok: boolean }> {
  const n = envInt('BENCH_REQUESTS', 500);
  curlVersion();
  let connections = 0;
  let served = 0;
  const { server, url } = await smallServer(() => served++);
  server.on('connection', () => connections++);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-bench-ka-'));
  const tools: KeepAliveReport['tools'] = {};
  const failures: string[] = [];
  const measure = async (tool: string, fn: () => Promise<void>): Promise<void> => {
    connections = 0;
    served = 0;
    const t0 = performance.now();
    await fn();
    const rps = n / ((performance.now() - t0) / 1000);
    if (served !== n) failures.push(`${tool}: the server answered ${served} requests, expected ${n}`);
    tools[tool] = { requestsPerSecond: round1(rps), newConnections: connections };
    process.stderr.write(`  keep-alive ${tool.padEnd(16)} ${rps.toFixed(0).padStart(7)} req/s over ${connections} connection(s)\n`);
  };
  try {
    const config = path.join(dir, 'urls.cfg');
    fs.writeFileSync(config, Array.from({ length: n }, () => `url = "${url}"\noutput = "/dev/null"\n`).join(''));
    await measure('curl (one process)', async () => void (await runCurl(['-s', '-K', config])));
    for (const engine of engines()) {
      await withClient(engine, dir, async (client) => {
        await client.send(randomUUID(), parseRequestSpec({ url })); // warm: the host's first request loads the stack
        await measure(`${engine} engine`, async () => {
          for (let i = 0; i < n; i++) {
            const fin = await client.send(randomUUID(), parseRequestSpec({ url, sink: { kind: 'memory', cap: 1024 } }));
            if (!fin.ok || fin.bodyBytes !== BODY.length) failures.push(`${engine} engine request ${i}: ${fin.error?.message ?? `${fin.bodyBytes} bytes`}`);
          }
        });
      });
    }
  } finally {
    await new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const curlRps = tools['curl (one process)']?.requestsPerSecond ?? NaN;
  for (const [tool, t] of Object.entries(tools)) if (!tool.startsWith('curl (')) t.ratioOverCurl = Math.round((t.requestsPerSecond / curlRps) * 100) / 100;
  const report: KeepAliveReport = { requests: n, tools, failures: failures.slice(0, 20) };
  writeResult('keepalive', report);
  const rows = Object.entries(tools).map(([t, s]) => [t, s.requestsPerSecond, s.ratioOverCurl ?? 1, s.newConnections]);
  const text = `${n} small requests over keep-alive, sequential\n${table(['tool', 'req/s', 'ratio', 'new connections'], rows)}${failures.length ? `\nFAILURES:\n${failures.slice(0, 20).join('\n')}` : ''}`;
  return { report, table: text, ok: failures.length === 0 };
}

runStandalone(import.meta.url, 'keepalive', runKeepAlive);
