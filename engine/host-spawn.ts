// How an engine-host process is started. By default as a child process (Node, the CLI,
// browser mode, tests; Wine for WinInet on Linux). An app whose own executable must not run
// as Node (Electron with the RunAsNode fuse off) sets a spawner for Node-kind hosts at its
// composition root (electron/main/utility-host.ts: utilityProcess.fork); native-bridge never
// imports Electron.
import { spawn } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import type { HostLaunch } from './host-launch.js';

/** What the connection needs of a host process: 'exit' (code, signal), 'error', kill(). */
export interface HostProcess extends EventEmitter {
  kill(signal?: NodeJS.Signals): boolean;
}

export interface SpawnRequest {
  launch: HostLaunch;
  env: NodeJS.ProcessEnv;
  /** The host log, opened (append, no symlinks) for the process's stdout and stderr; closed after the call. */
  logFd: number;
  logFile: string;
}

export type HostSpawner = (r: SpawnRequest) => HostProcess;

export const spawnChild: HostSpawner = ({ launch, env, logFd }) => spawn(launch.command, launch.args, { env, stdio: ['ignore', logFd, logFd] });

let nodeSpawner: HostSpawner | undefined;

/** Starts Node-kind hosts (the platform's own runtime, not Wine) with `s` from now on. */
export function useNodeHostSpawner(s: HostSpawner | undefined): void {
  nodeSpawner = s;
}

export function spawnerFor(launch: HostLaunch): HostSpawner {
  return launch.kind === 'node' && nodeSpawner ? nodeSpawner : spawnChild;
}
