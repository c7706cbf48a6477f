// CPU time and context switches of this process and of its descendants (the engine hosts,
// Wine's processes), from Linux's /proc: what a per-request cost is made of. Elsewhere
// (no /proc) every figure is NaN.
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcSample {
  /** user + system ms: this process, then its descendants. */
  selfCpuMs: number;
  childCpuMs: number;
  /** Voluntary context switches (a thread went to sleep: each is a later wake), summed over threads. */
  selfWakes: number;
  childWakes: number;
}

function stat(pid: string): { ppid: string; cpuMs: number } | undefined {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: f[1] ?? '', cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS };
  } catch {
    return undefined;
  }
}

function wakes(pid: string): number {
  let n = 0;
  let tasks: string[] = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const t of tasks) {
    try {
      const m = /^voluntary_ctxt_switches:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/task/${t}/status`, 'utf8'));
      n += Number(m?.[1] ?? 0);
    } catch {
      /* the thread ended meanwhile */
    }
  }
  return n;
}

export function sampleProcs(): ProcSample {
  if (!fs.existsSync('/proc/self/stat')) return { selfCpuMs: NaN, childCpuMs: NaN, selfWakes: NaN, childWakes: NaN };
  const all = new Map<string, { ppid: string; cpuMs: number }>();
  for (const p of fs.readdirSync('/proc')) {
    const s = /^\d+$/.test(p) ? stat(p) : undefined;
    if (s) all.set(p, s);
  }
  const self = String(process.pid);
  const mine = new Set([self]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, s] of all) {
      if (mine.has(p) || !mine.has(s.ppid)) continue;
      mine.add(p);
      grew = true;
    }
  }
  mine.delete(self);
  const cpu = process.cpuUsage();
  let childCpuMs = 0;
  let childWakes = 0;
  for (const p of mine) {
    childCpuMs += all.get(p)?.cpuMs ?? 0;
    childWakes += wakes(p);
  }
  return { selfCpuMs: (cpu.user + cpu.system) / 1000, childCpuMs, selfWakes: wakes(self), childWakes };
}
