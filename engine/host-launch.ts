// How to start an engine host for a given engine on this platform, and how paths look
// from inside it (Windows Node under Wine sees the Linux root as drive Z:).
import path from 'node:path';
import type { EngineName } from './engine.js';
import { hostEntry } from './paths.js';
import { ensureWineRuntime, wineEnv } from './wine-runtime.js';

export interface HostLaunch {
  /** node: this platform's own Node runtime runs `entry` (a spawner may start it another way); wine: Windows Node under Wine. */
  kind: 'node' | 'wine';
  command: string;
  args: string[];
  /** The host's script and the Node flags before it. */
  entry: string;
  nodeArgs: string[];
  env: NodeJS.ProcessEnv;
  /** Translates a path of this process into one the host can open. */
  hostPath(p: string): string;
}

export interface LaunchOptions {
  gcStress?: boolean;
  /**
   * curl only: the file libcurl (OpenSSL) appends each TLS session's secrets to, NSS key log
   * format, for Wireshark; read at the host's start (SSLKEYLOGFILE, which otherwise comes
   * from this process's environment). WinInet (SChannel) has no key log.
   */
  keyLogFile?: string;
}

/** auto: the platform's own stack, WinInet on Windows and libcurl elsewhere. */
export function resolveEngine(name: EngineName | 'auto', platform: NodeJS.Platform = process.platform): EngineName {
  if (name !== 'auto') return name;
  return platform === 'win32' ? 'wininet' : 'curl';
}

export function hostLaunch(engine: EngineName, opts: LaunchOptions = {}): HostLaunch {
  const nodeFlags = opts.gcStress ? ['--expose-gc'] : [];
  const gcEnv = opts.gcStress ? { INETSCOPE_GC_STRESS: '1' } : {};
  if (engine === 'wininet' && process.platform !== 'win32') {
    const rt = ensureWineRuntime();
    return {
      kind: 'wine',
      entry: hostEntry,
      nodeArgs: nodeFlags,
      command: rt.wine,
      args: [rt.nodeExe, ...nodeFlags, hostEntry],
      // Each upload write stalled under Wine holds one libuv pool thread (koffi async): more than the default 4.
      env: { ...wineEnv(rt.prefix), UV_THREADPOOL_SIZE: '32', ...gcEnv },
      hostPath: (p) => `Z:${path.resolve(p).replace(/\//g, '\\')}`,
    };
  }
  // Inside Electron, process.execPath is the app itself: run it as plain Node for the host.
  const asNode = process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {};
  return {
    kind: 'node',
    entry: hostEntry,
    nodeArgs: nodeFlags,
    command: process.execPath,
    args: [...nodeFlags, hostEntry],
    env: { ...process.env, ...gcEnv, ...asNode, ...(opts.keyLogFile ? { SSLKEYLOGFILE: opts.keyLogFile } : {}) },
    hostPath: (p) => path.resolve(p),
  };
}
