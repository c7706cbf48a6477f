// Upload benchmark: BENCH_BYTES (default 1 GiB) PUT from a file to a loopback sink that
// counts the bytes (and hashes them in round 1), by `curl -T`, the curl engine and the
// WinInet engine in turn, BENCH_ROUNDS rounds (default 3). Reports MB/s, the ratio over
// curl -T and each engine host's peak RSS. Run alone: `node dist/bench/upload.js`.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { writePatternFile } from '../test/support/servers.js';
import { curlVersion, engines, envInt, median, mib, round1, runCurl, runStandalone, table, withClients, writeResult } from './common.js';
import { parseRequestSpec } from '../engine/request-spec.js';

interface Sink { url: string; last?: { bytes: number; sha256?: string }; hashNext: boolean; close(): Promise<void> }

async function startSink(): Promise<Sink> {
  const sink: Sink = { url: '', hashNext: false, close: async () => {} };
  const server = http.createServer({ keepAlive: true }, (req, res) => {
    const hash = sink.hashNext ? createHash('sha256') : undefined;
    let bytes = 0;
    req.on('data', (d: Buffer) => {
      bytes += d.length;
      hash?.update(d);
    });
    req.on('end', () => {
      sink.last = { bytes, sha256: hash?.digest('hex') };
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(sink.last));
    });
  });
  server.requestTimeout = 0;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload`;
  sink.close = () => new Promise((r) => (server.close(() => r()), server.closeAllConnections()));
  return sink;
}

interface UploadReport {
  bytes: number;
  rounds: number;
  tools: Record<string, { runsMBps: number[]; medianMBps: number; ratioOverCurlT?: number; peakRssMiB?: number }>;
  failures: string[];
}

export async function runUpload(): Promise<{ report: UploadReport; table: string; ok: boolean }> {
  const bytes = envInt('BENCH_BYTES', 1024 ** 3);
  const rounds = envInt('BENCH_ROUNDS', 3);
  curlVersion();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-bench-upload-'));
  const source = path.join(dir, 'source.bin');
  const sha = await writePatternFile(source, bytes);
  const sink = await startSink();
  const runs: Record<string, number[]> = { 'curl -T': [] };
  const failures: string[] = [];
  const peak: Record<string, number> = {};
  const check = (tool: string, round: number): void => {
    const got = sink.last;
    if (got?.bytes !== bytes) failures.push(`${tool} round ${round}: the sink got ${got?.bytes} bytes, expected ${bytes}`);
    else if (round === 1 && got.sha256 !== sha) failures.push(`${tool} round ${round}: sha256 ${got.sha256} differs from ${sha}`);
  };
  const timed = async (tool: string, round: number, fn: () => Promise<void>): Promise<void> => {
    sink.hashNext = round === 1;
    sink.last = undefined;
    const t0 = performance.now();
    await fn();
    const mbps = bytes / 1e6 / ((performance.now() - t0) / 1000);
    (runs[tool] ??= []).push(round1(mbps));
    check(tool, round);
    process.stderr.write(`  upload round ${round} ${tool.padEnd(16)} ${mbps.toFixed(1).padStart(8)} MB/s\n`);
  };
  try {
    const list = engines();
    await withClients(list, dir, async (clients) => {
      for (let round = 1; round <= rounds; round++) {
        await timed('curl -T', round, async () => void (await runCurl(['-s', '-o', '/dev/null', '-T', source, sink.url])));
        for (const engine of list) {
          const client = clients.get(engine);
          await timed(`${engine} engine`, round, async () => {
            const fin = await client!.send(randomUUID(), parseRequestSpec({ url: sink.url, method: 'PUT', body: { kind: 'file', path: source } }));
            if (!fin.ok) failures.push(`${engine} engine round ${round}: ${fin.error?.code} ${fin.error?.message}`);
          });
        }
      }
      for (const engine of list) peak[`${engine} engine`] = mib((await clients.get(engine)!.stats()).maxRss);
    });
  } finally {
    await sink.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const curlMedian = median(runs['curl -T'] ?? []);
  const tools = Object.fromEntries(Object.entries(runs).map(([tool, xs]) => {
    const m = median(xs);
    return [tool, { runsMBps: xs, medianMBps: round1(m), ...(tool === 'curl -T' ? {} : { ratioOverCurlT: Math.round((m / curlMedian) * 100) / 100, peakRssMiB: peak[tool] }) }];
  }));
  const report: UploadReport = { bytes, rounds, tools, failures };
  writeResult('upload', report);
  const rows = Object.entries(tools).map(([t, s]) => [t, s.medianMBps, 'ratioOverCurlT' in s ? String(s.ratioOverCurlT) : '1', 'peakRssMiB' in s ? String(s.peakRssMiB) : '-']);
  const text = `upload ${bytes} bytes from a file, ${rounds} rounds (median)\n${table(['tool', 'MB/s', 'ratio', 'peak RSS MiB'], rows)}${failures.length ? `\nFAILURES:\n${failures.join('\n')}` : ''}`;
  return { report, table: text, ok: failures.length === 0 };
}

runStandalone(import.meta.url, 'upload', runUpload);
