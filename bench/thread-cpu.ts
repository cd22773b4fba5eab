// CPU time of the calling thread alone (Linux: /proc/thread-self/stat, in clock ticks of 10 ms),
// beside the whole process's (all threads, workers too). With both, a bench can tell what a build
// would take on an idle machine, where each thread has a core: the machine this project is
// measured on is shared, so wall time there says little about parallel work.
import { readFileSync } from 'node:fs';

const TICK_MS = 10;

/** This thread's user + system CPU in ms, or NaN where /proc is not there. */
export function threadCpuMs(): number {
  try {
    // Fields after the command name (which may hold spaces, so cut at its closing parenthesis).
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

/** All threads' user + system CPU in ms. */
export const processCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
