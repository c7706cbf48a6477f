// Event throughput in browser mode: the real web server and AppCore, a WebSocket client
// speaking the contract (test/support/web-client.ts); BENCH_EVENT_REQUESTS (default 200) requests
// per engine, 50 in flight, each a 400 KB body the server writes 1,000 bytes at a time (many
// native callbacks). Counts the events received against the host's seq
// numbers (every request's seqs 0..finished.seq, none missing or doubled) and reports
// events/s from the first send to the last finished. Run alone: `node dist/bench/events.js`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { AppCore } from '../core/app-core.js';
import type { EngineName } from '../engine/engine.js';
import { startTestServer } from '../test/support/servers.js';
import { ContractClient, openSocket, type PushedEvent } from '../test/support/web-client.js';
import { createBrowserHooks } from '../web/hooks.js';
import { startWebServer } from '../web/server.js';
import { engines, envInt, round1, runStandalone, table, writeResult } from './common.js';

const IN_FLIGHT = 50;

interface EventsReport {
  requests: number;
  engines: Record<string, { events: number; expected: number; lost: number; seconds: number; eventsPerSecond: number }>;
  failures: string[];
}

/** Events expected per request (the finished seq + 1) and the problems with what arrived. */
function audit(events: PushedEvent[], ids: string[]): { expected: number; lost: number; problems: string[] } {
  const byId = new Map<string, number[]>();
  for (const e of events) {
    const list = byId.get(e.id);
    if (list) list.push(Number(e.seq));
    else byId.set(e.id, [Number(e.seq)]);
  }
  let expected = 0;
  let lost = 0;
  const problems: string[] = [];
  for (const id of ids) {
    const seqs = byId.get(id) ?? [];
    const fin = events.find((e) => e.id === id && e.type === 'finished');
    if (!fin) {
      problems.push(`${id}: no finished event`);
      continue;
    }
    const want = Number(fin.seq) + 1;
    expected += want;
    const distinct = new Set(seqs);
    lost += want - distinct.size;
    if (seqs.length !== want || distinct.size !== want) problems.push(`${id}: ${seqs.length} events for seqs 0..${want - 1}`);
    if (fin.ok !== true) problems.push(`${id}: ${JSON.stringify(fin.error)}`);
  }
  return { expected, lost, problems };
}

async function oneEngine(engine: EngineName, client: ContractClient, url: string, n: number): Promise<EventsReport['engines'][string] & { problems: string[] }> {
  client.events.length = 0;
  const ids = Array.from({ length: n }, () => randomUUID());
  // Own listener for the finished events: scanning the whole list per wait would measure the scan.
  const waiters = new Map<string, () => void>();
  const onMessage = (data: unknown): void => {
    const msg = JSON.parse(String(data)) as { kind: string; events?: PushedEvent[] };
    for (const e of msg.events ?? []) if (e.type === 'finished') waiters.get(e.id)?.();
  };
  client.ws.on('message', onMessage);
  const finished = (id: string): Promise<void> => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no finished event for ${id} in 120 s`)), 120_000);
    waiters.set(id, () => (clearTimeout(timer), resolve()));
  });
  const t0 = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      const done = finished(id);
      const r = await client.call('sendRequest', { id, request: { url, engine } });
      if (!r.ok) throw new Error(`sendRequest refused: ${JSON.stringify(r.error)}`);
      await done;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - t0) / 1000;
  client.ws.off('message', onMessage);
  const { expected, lost, problems } = audit(client.events, ids);
  const events = client.events.length;
  return { events, expected, lost, seconds: round1(seconds), eventsPerSecond: Math.round(events / seconds), problems };
}

export async function runEvents(): Promise<{ report: EventsReport; table: string; ok: boolean }> {
  const n = envInt('BENCH_EVENT_REQUESTS', 200);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-bench-events-'));
  fs.mkdirSync(path.join(tmp, 'static'));
  fs.writeFileSync(path.join(tmp, 'static', 'index.html'), '<!doctype html><title>bench</title>');
  const target = await startTestServer();
  const hooks = createBrowserHooks({ settings: async () => ({}), home: tmp });
  const core = await AppCore.create({ dataDir: path.join(tmp, 'data'), hooks, log: () => {} });
  const web = await startWebServer({ core, staticDir: path.join(tmp, 'static') });
  const out: EventsReport['engines'] = {};
  const failures: string[] = [];
  try {
    const ws = await openSocket(`ws://127.0.0.1:${web.port}/ws?token=${web.token}`, { origin: `http://127.0.0.1:${web.port}` });
    const client = new ContractClient(ws);
    for (const engine of engines()) {
      const { problems, ...r } = await oneEngine(engine, client, `${target.url}/slow/400000?chunk=1000&interval=0`, n);
      out[engine] = r;
      failures.push(...problems.slice(0, 10).map((p) => `${engine}: ${p}`));
      process.stderr.write(`  events ${engine.padEnd(8)} ${r.events} events (${r.lost} lost) in ${r.seconds} s: ${r.eventsPerSecond}/s\n`);
    }
    ws.close();
  } finally {
    await web.close();
    await core.close();
    await target.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const report: EventsReport = { requests: n, engines: out, failures };
  writeResult('events', report);
  const rows = Object.entries(out).map(([e, r]) => [e, r.events, r.lost, r.seconds, r.eventsPerSecond]);
  const text = `event throughput, host → core → WebSocket (browser mode), ${n} requests, ${IN_FLIGHT} in flight\n${table(['engine', 'events', 'lost', 's', 'events/s'], rows)}`;
  return { report, table: text, ok: failures.length === 0 && Object.values(out).every((r) => r.lost === 0) };
}

runStandalone(import.meta.url, 'events', runEvents);
