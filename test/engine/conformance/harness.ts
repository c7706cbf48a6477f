// Shared setup for the conformance suite: one engine client, loopback servers, and a
// helper that runs a request and checks the event invariants every exchange must keep.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EngineClient } from '../../../engine/client.js';
import type { EngineName } from '../../../engine/engine.js';
import type { FinishedEvent, InetEvent } from '../../../contract/events.js';
import type { RequestSpecInput } from '../../../engine/request-spec.js';
import { selfSignedCert, startTestServer, startTinyproxy, type TestProxy, type TestServer } from '../../support/servers.js';
import { assertEventInvariants } from './invariants.js';
import { parseRequestSpec } from '../../../engine/request-spec.js';

export interface Harness {
  engine: EngineName;
  client: EngineClient;
  http: TestServer;
  https: TestServer;
  proxy: TestProxy;
  tmp: string;
  run(spec: RequestSpecInput, opts?: { onEvent?: (e: InetEvent, id: string) => void }): Promise<Exchange>;
  close(): Promise<void>;
}

interface Exchange {
  id: string;
  events: InetEvent[];
  finished: FinishedEvent;
  /** Memory-sink body, decoded. */
  body: Buffer;
}

export async function startHarness(engine: EngineName, opts: { gcStress?: boolean } = {}): Promise<Harness> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `inetscope-conf-${engine}-`));
  const http = await startTestServer();
  const https = await startTestServer({ tls: selfSignedCert() });
  const proxy = await startTinyproxy();
  const client = await EngineClient.start({ engine, gcStress: opts.gcStress, logFile: path.join(tmp, 'host.log') });
  return {
    engine,
    client,
    http,
    https,
    proxy,
    tmp,
    async run(spec, runOpts = {}) {
      const id = crypto.randomUUID();
      const events: InetEvent[] = [];
      const finished = await client.send(id, parseRequestSpec(spec), (e) => {
        events.push(e);
        runOpts.onEvent?.(e, id);
      });
      assertEventInvariants(events, finished, spec.maxRedirects);
      return { id, events, finished, body: Buffer.from(finished.bodyBase64 ?? '', 'base64') };
    },
    async close() {
      await client.close();
      await Promise.all([http.close(), https.close(), proxy.close()]);
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export function memory(cap = 64 * 1024 * 1024): RequestSpecInput['sink'] {
  return { kind: 'memory', cap };
}

export function nativeStatuses(events: InetEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'native' ? [e.status] : []));
}

export function assertOk(x: Exchange, status: number): void {
  assert.equal(x.finished.ok, true, `expected success, got ${JSON.stringify(x.finished.error)}`);
  assert.equal(x.finished.statusCode, status);
}

export function assertError(x: Exchange, code: string): void {
  assert.equal(x.finished.ok, false, `expected ${code}, the exchange succeeded`);
  assert.equal(x.finished.error?.code, code, `expected ${code}, got ${JSON.stringify(x.finished.error)}`);
}
