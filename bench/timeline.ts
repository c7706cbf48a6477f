// Timeline fidelity: a fault-server script that waits 200 ms before the response head and
// 300 ms inside the body; for each engine, BENCH_TIMELINE_ROUNDS (default 5) requests, and
// the error of each derived phase (domain/phases.ts) against the injected delay. Other
// phases (dns, connect, send) have no injected delay: their derived length is reported as is.
// Run alone: `node dist/bench/timeline.js`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { derivePhases } from '../domain/phases.js';
import type { InetEvent } from '../contract/events.js';
import { head } from '../test/engine/faults/script.js';
import { startFaultServer } from '../test/engine/faults/server.js';
import { engines, envInt, median, round1, runStandalone, table, withClient, writeResult } from './common.js';
import { parseRequestSpec } from '../engine/request-spec.js';

const WAIT_MS = 200;
const BODY_GAP_MS = 300;
const HALF = 'b'.repeat(1000);

interface TimelineReport {
  injected: { waitMs: number; receiveMs: number };
  engines: Record<string, { waitErrorMs: number[]; receiveErrorMs: number[]; medianWaitErrorMs: number; medianReceiveErrorMs: number; maxAbsErrorMs: number; otherPhasesMs: Record<string, number> }>;
  failures: string[];
}

export async function runTimeline(): Promise<{ report: TimelineReport; table: string; ok: boolean }> {
  const rounds = envInt('BENCH_TIMELINE_ROUNDS', 5);
  const server = await startFaultServer(() => [
    { wait: WAIT_MS },
    { send: head('HTTP/1.1 200 OK', [['Content-Length', HALF.length * 2], ['Connection', 'close']]) + HALF },
    { wait: BODY_GAP_MS },
    { send: HALF },
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-bench-tl-'));
  const out: TimelineReport['engines'] = {};
  const failures: string[] = [];
  try {
    for (const engine of engines()) {
      await withClient(engine, dir, async (client) => {
        const wait: number[] = [];
        const receive: number[] = [];
        const other: Record<string, number[]> = { dns: [], connect: [], send: [] };
        await client.send(randomUUID(), parseRequestSpec({ url: `${server.url}/warm` }));
        for (let i = 0; i < rounds; i++) {
          const events: InetEvent[] = [];
          const fin = await client.send(randomUUID(), parseRequestSpec({ url: `${server.url}/t`, sink: { kind: 'discard' } }), (e) => events.push(e));
          if (!fin.ok) failures.push(`${engine} round ${i}: ${fin.error?.message}`);
          const hop = derivePhases(events).hops.at(-1);
          if (hop?.wait === undefined || hop.receive === undefined) {
            failures.push(`${engine} round ${i}: no wait/receive phase derived`);
            continue;
          }
          wait.push(round1(hop.wait - WAIT_MS));
          receive.push(round1(hop.receive - BODY_GAP_MS));
          for (const k of ['dns', 'connect', 'send'] as const) if (hop[k] !== undefined) other[k]?.push(hop[k]);
        }
        out[engine] = {
          waitErrorMs: wait, receiveErrorMs: receive, medianWaitErrorMs: round1(median(wait)), medianReceiveErrorMs: round1(median(receive)),
          maxAbsErrorMs: round1(Math.max(...wait.map(Math.abs), ...receive.map(Math.abs))),
          otherPhasesMs: Object.fromEntries(Object.entries(other).map(([k, xs]) => [k, Math.round(median(xs) * 1000) / 1000])),
        };
      });
    }
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const report: TimelineReport = { injected: { waitMs: WAIT_MS, receiveMs: BODY_GAP_MS }, engines: out, failures };
  writeResult('timeline', report);
  const rows = Object.entries(out).map(([e, r]) => [e, r.medianWaitErrorMs, r.medianReceiveErrorMs, r.maxAbsErrorMs, JSON.stringify(r.otherPhasesMs)]);
  const text = `timeline fidelity: ${WAIT_MS} ms before the head, ${BODY_GAP_MS} ms inside the body, ${rounds} rounds\n${table(['engine', 'wait err ms', 'receive err ms', 'max |err| ms', 'other phases (median ms)'], rows)}`;
  return { report, table: text, ok: failures.length === 0 };
}

runStandalone(import.meta.url, 'timeline', runTimeline);
