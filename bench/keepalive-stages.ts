// Where a keep-alive request's time goes, per engine (the measurement behind the keep-alive
// numbers): BENCH_REQUESTS (default 300) sequential 100-byte GETs as in bench/keepalive.ts,
// and per request the time the client waited, the time inside the host (its `finished.t`),
// the rest (client → host → engine and back: transport, parsing, thread hand-offs), the
// median host time of each event (the stages inside the host), and per request the CPU
// time and the wakes (voluntary context switches) of this process (client and server) and
// of the host processes. Run alone: `node dist/bench/keepalive-stages.js`.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { InetEvent } from '../contract/events.js';
import { engines, envInt, median, round1, runStandalone, table, withClient, writeResult } from './common.js';
import { smallServer } from './keepalive.js';
import { sampleProcs } from './proc-stats.js';
import { parseRequestSpec } from '../engine/request-spec.js';

const r3 = (n: number): number => Math.round(n * 1000) / 1000;

interface EngineStages {
  requestsPerSecond: number;
  clientMs: number;
  hostMs: number;
  outsideHostMs: number;
  cpuMsPerRequest: { client: number; host: number };
  wakesPerRequest: { client: number; host: number };
  /** Median host `t` (ms since the request started) of each event, in order. */
  stages: Array<{ event: string; hostMs: number }>;
}

async function measure(engine: 'curl' | 'wininet', n: number, url: string, dir: string): Promise<EngineStages> {
  return withClient(engine, dir, async (client) => {
    await client.send(randomUUID(), parseRequestSpec({ url })); // warm: the first request loads the stack
    const waits: number[] = [];
    const hosts: number[] = [];
    const byStage = new Map<string, number[]>();
    const before = sampleProcs();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const events: InetEvent[] = [];
      const c0 = performance.now();
      const fin = await client.send(randomUUID(), parseRequestSpec({ url, sink: { kind: 'memory', cap: 1024 } }), (e) => events.push(e));
      waits.push(performance.now() - c0);
      if (!fin.ok) throw new Error(`${engine} request ${i} failed: ${fin.error?.message}`);
      hosts.push(fin.t);
      for (const e of events) {
        const key = `${e.seq} ${e.type === 'native' ? e.status : e.type}`;
        byStage.set(key, [...(byStage.get(key) ?? []), e.t]);
      }
    }
    const elapsed = performance.now() - t0;
    const after = sampleProcs();
    const per = (a: number, b: number) => Math.round(((b - a) / n) * 100) / 100;
    return {
      requestsPerSecond: round1((n / elapsed) * 1000),
      clientMs: r3(median(waits)),
      hostMs: r3(median(hosts)),
      outsideHostMs: r3(median(waits.map((w, i) => w - (hosts[i] ?? 0)))),
      cpuMsPerRequest: { client: per(before.selfCpuMs, after.selfCpuMs), host: per(before.childCpuMs, after.childCpuMs) },
      wakesPerRequest: { client: per(before.selfWakes, after.selfWakes), host: per(before.childWakes, after.childWakes) },
      // Only stages every request had (a rare extra event would skew its median).
      stages: [...byStage].filter(([, ts]) => ts.length === n).map(([event, ts]) => ({ event, hostMs: r3(median(ts)) })),
    };
  });
}

async function runKeepAliveStages(): Promise<{ table: string; ok: boolean }> {
  const n = envInt('BENCH_REQUESTS', 300);
  const { server, url } = await smallServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-bench-stages-'));
  const results: Record<string, EngineStages> = {};
  try {
    for (const engine of engines()) results[engine] = await measure(engine, n, url, dir);
  } finally {
    await new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  writeResult('keepalive-stages', { requests: n, loadAverage: os.loadavg()[0], engines: results });
  const rows = Object.entries(results).map(([e, s]) => [
    e, s.requestsPerSecond, s.clientMs, s.hostMs, s.outsideHostMs,
    `${s.cpuMsPerRequest.client} / ${s.cpuMsPerRequest.host}`, `${s.wakesPerRequest.client} / ${s.wakesPerRequest.host}`,
  ]);
  const head = ['engine', 'req/s', 'client ms', 'in host ms', 'outside host ms', 'CPU ms/req (client+server / host)', 'wakes/req (client+server / host)'];
  const stages = Object.entries(results).map(([e, s]) => `${e}: ${s.stages.map((x) => `${x.event} ${x.hostMs}`).join(', ')}`);
  return { table: `${n} keep-alive GETs, medians per request\n${table(head, rows)}\nhost t of each event (ms):\n${stages.join('\n')}`, ok: true };
}

runStandalone(import.meta.url, 'keepalive-stages', runKeepAliveStages);
