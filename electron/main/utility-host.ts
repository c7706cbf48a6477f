// Engine hosts in the desktop app start as Electron utility processes: the packaged app's
// RunAsNode fuse is off (electron-builder.yml), so its executable cannot run the host as
// plain Node with ELECTRON_RUN_AS_NODE. A utility process runs the same host script (it
// connects back over the same authenticated loopback socket); its stdout and stderr go to
// the host log, reopened here in append mode without following symlinks.
import fs from 'node:fs';
import { utilityProcess } from 'electron';
import type { HostSpawner } from '../../engine/host-spawn.js';

export const utilityHostSpawner: HostSpawner = ({ launch, env, logFile }) => {
  const child = utilityProcess.fork(launch.entry, [], { env, execArgv: launch.nodeArgs, stdio: 'pipe', serviceName: 'InetScope engine host' });
  const fd = fs.openSync(logFile, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_NOFOLLOW);
  const log = fs.createWriteStream('', { fd });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once('exit', () => log.end());
  return child;
};
