// The curl worker thread: owns one multi handle and runs curl_multi_perform/poll in a
// loop, so libcurl's callbacks run on this thread's own JS thread (no relay to the host's
// main thread). Commands arrive on the parent port and are drained between polls; the
// host wakes the poll with curl_multi_wakeup. Events go back in one batch per turn.
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { InetEvent } from '../../contract/events.js';
import { Batcher, EVENT_FLUSH_MS, flushesAtOnce } from '../../engine/batcher.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { decodeSockaddr } from '../sockaddr.js';
import {
  CloseSocketCb, curl, describeLibcurl, CURL_GLOBAL_ALL, CURLMSG_DONE, CURL_READFUNC_ABORT, DebugCb, koffi, OpenSocketCb, PrereqCb, ReadCb, ResolverStartCb, SeekCb, sockets, WriteCb,
} from './api.js';
import type { RegisteredCallbacks } from './options.js';
import { CurlTransfer } from './transfer.js';
import type { WorkerCommand, WorkerMessage } from './worker-protocol.js';

if (!parentPort) throw new Error('the curl worker must run in a worker thread');
const port = parentPort;

curl.global_init(CURL_GLOBAL_ALL);
const multi = curl.multi_init();
const version = curl.version() as string;
const userAgent = `InetScope/0.1 (${version.split(' ')[0]})`;
const byNum = new Map<number, CurlTransfer>();
const byId = new Map<string, CurlTransfer>();
let nextNum = 1;
let stopping = false;

const send = (m: WorkerMessage) => port.postMessage(m);
// Untimed: this thread blocks in curl_multi_poll, so the loop asks the batch how long it may wait.
const outbox = new Batcher<InetEvent>((events) => send({ type: 'events', events }), EVENT_FLUSH_MS, false);
const emit = (e: InetEvent): void => outbox.add(e, flushesAtOnce(e));
const BSD = process.platform === 'darwin';
const AF_INET6 = BSD ? 30 : 10;

// Registered once; every easy handle passes its transfer number as userdata.
const cbs: RegisteredCallbacks = {
  write: koffi.register((p: unknown, size: number, n: number, id: number) => byNum.get(id)?.onWrite(p, size * n) ?? 0, koffi.pointer(WriteCb)),
  header: koffi.register((p: unknown, size: number, n: number, id: number) => byNum.get(id)?.onHeader(p, size * n) ?? 0, koffi.pointer(WriteCb)),
  read: koffi.register((b: unknown, size: number, n: number, id: number) => byNum.get(id)?.onRead(b, size * n) ?? CURL_READFUNC_ABORT, koffi.pointer(ReadCb)),
  seek: koffi.register((id: number, offset: number | bigint, origin: number) => byNum.get(id)?.onSeek(Number(offset), origin) ?? 1, koffi.pointer(SeekCb)),
  debug: koffi.register((_h: unknown, type: number, data: unknown, size: number, id: number) => byNum.get(id)?.onDebug(type, data, size) ?? 0, koffi.pointer(DebugCb)),
  resolverStart: koffi.register((_s: unknown, _r: unknown, id: number) => byNum.get(id)?.onResolverStart() ?? 0, koffi.pointer(ResolverStartCb)),
  prereq: koffi.register(
    (id: number, ip: string | null, _local: string | null, port: number) => byNum.get(id)?.onPrereq(ip ?? '', port) ?? 0,
    koffi.pointer(PrereqCb),
  ),
  openSocket: koffi.register((id: number, _purpose: number, addr: unknown) => {
    // struct curl_sockaddr { int family, socktype, protocol; unsigned addrlen; struct sockaddr addr; }
    const [family, socktype, protocol, addrlen] = koffi.decode(addr, 'int', 4) as unknown as number[];
    const address = decodeSockaddr(koffi.decode(addr, 16, 'uint8_t', Math.min(addrlen ?? 0, 128)) as Uint8Array, AF_INET6, BSD);
    const t = byNum.get(id);
    if (t) return t.onOpenSocket(family ?? 0, socktype ?? 0, protocol ?? 0, address);
    return sockets.socket ? sockets.socket(family, socktype, protocol) : -1;
  }, koffi.pointer(OpenSocketCb)),
  closeSocket: koffi.register((id: number, fd: number) => {
    // A pooled connection may outlive the transfer that opened it: the socket is closed either way.
    byNum.get(id)?.onCloseSocket();
    return sockets.close ? sockets.close(fd) : 0;
  }, koffi.pointer(CloseSocketCb)),
};

// The spec was parsed at the host's boundary (HostCommandSchema); this is a structured clone of that result.
function start(id: string, spec: RequestSpec): void {
  const num = nextNum++;
  const t = new CurlTransfer(id, num, spec, emit, cbs, userAgent);
  byNum.set(num, t);
  byId.set(id, t);
  const problem = t.prepare();
  if (problem) return end(t, 0, '', problem);
  const rc = curl.multi_add_handle(multi, t.easy) as number;
  if (rc !== 0) end(t, 0, '', { code: 'INTERNAL', name: 'CURLM_ADD', message: `curl_multi_add_handle failed (${rc})` });
}

function end(t: CurlTransfer, code: number, text: string, problem?: Parameters<CurlTransfer['finish']>[2]): void {
  curl.multi_remove_handle(multi, t.easy);
  t.finish(code, text, problem);
  byNum.delete(t.num);
  byId.delete(t.ev.id);
}

function handle(cmd: WorkerCommand): void {
  if (cmd.type === 'start') start(cmd.id, cmd.spec);
  else if (cmd.type === 'cancel') {
    const t = byId.get(cmd.id);
    if (t) {
      t.cancel();
      end(t, 42, 'cancelled');
    }
  } else if (cmd.type === 'shutdown') {
    stopping = true;
    for (const t of [...byId.values()]) {
      t.cancel();
      end(t, 42, 'cancelled');
    }
  }
}

function drainCommands(): void {
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) handle(m.message as WorkerCommand);
}

function readCompletions(): void {
  const queued = [0];
  for (let msg = curl.multi_info_read(multi, queued); msg; msg = curl.multi_info_read(multi, queued)) {
    const kind = koffi.decode(msg, 'int') as number;
    if (kind !== CURLMSG_DONE) continue;
    const easy = koffi.decode(msg, 8, 'void *');
    const result = koffi.decode(msg, 16, 'int') as number;
    const t = [...byNum.values()].find((x) => x.easy === easy);
    if (t) end(t, result, curl.easy_strerror(result) as string);
  }
}

/** Sends the queued events when they may not wait any longer (batcher.ts); returns how long the rest may. */
function flush(force = false): number {
  const wait = outbox.wait();
  if (!force && wait > 0) return wait;
  outbox.flush();
  return Infinity;
}

function loop(): void {
  const running = [0];
  const numfds = [0];
  for (;;) {
    drainCommands();
    if (stopping) break;
    curl.multi_perform(multi, running);
    readCompletions();
    const wait = flush();
    // Blocks until a socket is ready, a timeout is due, queued events must leave, or the host calls curl_multi_wakeup.
    curl.multi_poll(multi, null, 0, Math.ceil(Math.min(byId.size > 0 ? 100 : 1000, wait)), numfds);
  }
  flush(true);
  curl.multi_cleanup(multi);
  send({ type: 'closed' });
}

send({ type: 'ready', multi: multi as bigint, version: describeLibcurl(), startedAt: performance.timeOrigin });
loop();
