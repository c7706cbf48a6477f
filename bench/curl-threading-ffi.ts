// The raw libcurl bindings and the file-writing write callback shared by the threading
// benchmark's strategies. Loaded once per JS thread (the main thread, or a worker).
import fs from 'node:fs';
import koffi from 'koffi';

const OPT_URL = 10002;
const OPT_WRITEFUNCTION = 20011;
const OPT_BUFFERSIZE = 98;
const OPT_NOSIGNAL = 99;
const OPT_FAILONERROR = 45;
const CURLMSG_DONE = 1;

const lib = koffi.load('libcurl.so.4');
const WriteCb = koffi.proto('size_t WriteCb(void *ptr, size_t size, size_t nmemb, void *userdata)');

const curl = {
  globalInit: lib.func('int curl_global_init(long flags)'),
  easyInit: lib.func('void *curl_easy_init()'),
  easyCleanup: lib.func('void curl_easy_cleanup(void *curl)'),
  setopt: lib.func('int curl_easy_setopt(void *curl, int option, ...)'),
  perform: lib.func('int curl_easy_perform(void *curl)'),
  strerror: lib.func('const char *curl_easy_strerror(int code)'),
  multiInit: lib.func('void *curl_multi_init()'),
  multiCleanup: lib.func('int curl_multi_cleanup(void *multi)'),
  multiAdd: lib.func('int curl_multi_add_handle(void *multi, void *curl)'),
  multiRemove: lib.func('int curl_multi_remove_handle(void *multi, void *curl)'),
  multiPerform: lib.func('int curl_multi_perform(void *multi, _Out_ int *running)'),
  multiPoll: lib.func('int curl_multi_poll(void *multi, void *extra_fds, uint32_t n, int timeout_ms, _Out_ int *numfds)'),
  multiInfoRead: lib.func('void *curl_multi_info_read(void *multi, _Out_ int *msgs)'),
};

let initialized = false;
/** curl_global_init(CURL_GLOBAL_ALL) once per JS thread, before its first handle. */
export function initCurl(): void {
  if (initialized) return;
  const rc = curl.globalInit(3) as number;
  if (rc !== 0) throw new Error(`curl_global_init failed: ${rc}`);
  initialized = true;
}

/** One download's easy handle, its registered write callback and its output file. */
interface Transfer {
  easy: unknown;
  /** Write callbacks made so far, and the bytes they carried. */
  stats: { callbacks: number; bytes: number; writeError?: string };
  /** Unregisters the callback, closes the file and cleans up the handle (idempotent). */
  dispose(): void;
}

/**
 * An easy handle that GETs url into file through a JS write callback: every chunk is
 * copied out with koffi.decode and written with fs.writeSync. bufferSize 0 keeps
 * libcurl's default receive buffer (16 KiB).
 */
export function createTransfer(url: string, file: string, bufferSize: number): Transfer {
  initCurl();
  const easy = curl.easyInit() as unknown;
  if (!easy) throw new Error('curl_easy_init returned NULL');
  const fd = fs.openSync(file, 'w');
  const stats: Transfer['stats'] = { callbacks: 0, bytes: 0 };
  const onWrite = (ptr: unknown, size: number | bigint, nmemb: number | bigint): number => {
    const n = Number(size) * Number(nmemb);
    stats.callbacks++;
    try {
      if (n > 0) fs.writeSync(fd, koffi.decode(ptr, 'uint8_t', n) as Uint8Array);
    } catch (e) {
      stats.writeError = (e as Error).message;
      return 0; // makes libcurl fail the transfer with CURLE_WRITE_ERROR
    }
    stats.bytes += n;
    return n;
  };
  const cb = koffi.register(onWrite, koffi.pointer(WriteCb));
  const checks: Array<[string, number]> = [
    ['URL', curl.setopt(easy, OPT_URL, 'str', url) as number],
    ['NOSIGNAL', curl.setopt(easy, OPT_NOSIGNAL, 'long', 1) as number],
    ['FAILONERROR', curl.setopt(easy, OPT_FAILONERROR, 'long', 1) as number],
    ['WRITEFUNCTION', curl.setopt(easy, OPT_WRITEFUNCTION, koffi.pointer(WriteCb), cb) as number],
  ];
  if (bufferSize > 0) checks.push(['BUFFERSIZE', curl.setopt(easy, OPT_BUFFERSIZE, 'long', bufferSize) as number]);
  let disposed = false;
  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    curl.easyCleanup(easy);
    koffi.unregister(cb);
    fs.closeSync(fd);
  };
  const bad = checks.find(([, rc]) => rc !== 0);
  if (bad) {
    dispose();
    throw new Error(`curl_easy_setopt(${bad[0]}) failed: ${bad[1]}`);
  }
  return { easy, stats, dispose };
}

/** A CURLcode as "text (n)", or undefined for CURLE_OK. */
export function curlError(code: number, t: Transfer): string | undefined {
  if (code === 0) return undefined;
  const why = t.stats.writeError ? ` (write: ${t.stats.writeError})` : '';
  return `${curl.strerror(code) as string} (${code})${why}`;
}

/**
 * Runs one transfer to completion with a blocking multi loop on the calling thread
 * (curl_multi_perform + curl_multi_poll), so its write callbacks run directly on this
 * thread's JS stack. Returns the transfer's CURLcode.
 */
export function runMultiLoop(t: Transfer): number {
  const multi = curl.multiInit() as unknown;
  if (!multi) throw new Error('curl_multi_init returned NULL');
  try {
    const mc = curl.multiAdd(multi, t.easy) as number;
    if (mc !== 0) throw new Error(`curl_multi_add_handle failed: ${mc}`);
    const running = [1];
    const numfds = [0];
    for (;;) {
      const pc = curl.multiPerform(multi, running) as number;
      if (pc !== 0) throw new Error(`curl_multi_perform failed: ${pc}`);
      if (running[0] === 0) break;
      const qc = curl.multiPoll(multi, null, 0, 1000, numfds) as number;
      if (qc !== 0) throw new Error(`curl_multi_poll failed: ${qc}`);
    }
    const msgs = [0];
    const msg = curl.multiInfoRead(multi, msgs) as unknown;
    if (!msg) throw new Error('curl_multi_info_read: no message for a finished transfer');
    if ((koffi.decode(msg, 0, 'int') as number) !== CURLMSG_DONE) throw new Error('curl_multi_info_read: not CURLMSG_DONE');
    const result = koffi.decode(msg, 16, 'int') as number;
    curl.multiRemove(multi, t.easy);
    return result;
  } finally {
    curl.multiCleanup(multi);
  }
}

/**
 * Runs one transfer with curl_easy_perform on a koffi async (libuv pool) thread: every
 * write callback is relayed to, and runs on, this thread's event loop.
 */
export function performAsync(t: Transfer): Promise<number> {
  return new Promise((resolve, reject) => {
    curl.perform.async(t.easy, (err: unknown, code: number) => (err ? reject(err as Error) : resolve(code)));
  });
}
