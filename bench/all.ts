// `npm run bench`: every benchmark in one run and one report. The download part is the
// existing bench/download.ts (run as a child, its JSON read back); upload, keep-alive,
// timeline fidelity and event throughput run here. Prints one table, writes
// bench/results/bench-latest.json. Sizes and rounds: BENCH_BYTES, BENCH_ROUNDS,
// BENCH_REQUESTS, BENCH_TIMELINE_ROUNDS, BENCH_EVENT_REQUESTS, BENCH_ENGINES.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULTS_DIR, table, writeResult } from './common.js';
import { runEvents } from './events.js';
import { runKeepAlive } from './keepalive.js';
import { runTimeline } from './timeline.js';
import { runUpload } from './upload.js';

interface DownloadJson {
  tools: Record<string, { medianMBps: number }>;
  engines: Record<string, { ratioOverCurlOMedian: number; host: { peakRssMiB: number } }>;
  verificationFailures: number;
}

function runDownload(): Promise<DownloadJson> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'download.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('close', (code) => {
      try {
        const json = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, 'download-latest.json'), 'utf8')) as DownloadJson;
        if (code !== 0) process.stderr.write(`bench: the download part exited with ${code}\n`);
        resolve(json);
      } catch (e) {
        reject(new Error(`the download part wrote no results (exit ${code}): ${(e as Error).message}`));
      }
    });
  });
}

async function main(): Promise<number> {
  const started = new Date().toISOString();
  process.stderr.write('== download\n');
  const download = await runDownload();
  process.stderr.write('== upload\n');
  const upload = await runUpload();
  process.stderr.write('== keep-alive\n');
  const keepalive = await runKeepAlive();
  process.stderr.write('== timeline fidelity\n');
  const timeline = await runTimeline();
  process.stderr.write('== event throughput\n');
  const events = await runEvents();

  const rows: Array<Array<string | number>> = [];
  for (const [tool, t] of Object.entries(download.tools)) {
    const engine = download.engines[tool.replace(/-engine$/, '')];
    rows.push(['download 1 file', tool, `${t.medianMBps} MB/s`, engine ? engine.ratioOverCurlOMedian : 1, engine ? `${engine.host.peakRssMiB.toFixed(1)} MiB` : '-']);
  }
  for (const [tool, t] of Object.entries(upload.report.tools)) rows.push(['upload 1 file', tool, `${t.medianMBps} MB/s`, t.ratioOverCurlT ?? 1, t.peakRssMiB ? `${t.peakRssMiB} MiB` : '-']);
  for (const [tool, t] of Object.entries(keepalive.report.tools)) rows.push([`${keepalive.report.requests} keep-alive GETs`, tool, `${t.requestsPerSecond} req/s`, t.ratioOverCurl ?? 1, `${t.newConnections} new conn.`]);
  for (const [engine, t] of Object.entries(timeline.report.engines)) rows.push(['timeline fidelity', engine, `wait ${t.medianWaitErrorMs} ms, receive ${t.medianReceiveErrorMs} ms`, '-', `max |err| ${t.maxAbsErrorMs} ms`]);
  for (const [engine, t] of Object.entries(events.report.engines)) rows.push(['events to browser mode', engine, `${t.eventsPerSecond} events/s`, '-', `${t.lost} lost of ${t.expected}`]);
  const ok = download.verificationFailures === 0 && upload.ok && keepalive.ok && timeline.ok && events.ok;
  const report = { started, finished: new Date().toISOString(), ok, download, upload: upload.report, keepalive: keepalive.report, timeline: timeline.report, events: events.report };
  const file = writeResult('bench', report);
  console.log(`\n${table(['benchmark', 'tool', 'result', 'ratio vs curl', 'memory / notes'], rows)}`);
  for (const part of [upload, keepalive, timeline, events]) if (!part.ok) console.log(`\n${part.table}`);
  console.log(`\nresults: ${path.relative(process.cwd(), file)}${ok ? '' : '  (SOME PARTS FAILED: see above)'}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
