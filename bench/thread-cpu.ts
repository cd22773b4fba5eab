// CPU time of the calling thread alone (Linux: /proc/thread-self/stat, in clock ticks of 10 ms),
// beside the whole process's (all threads, workers too), and the one timer the benches share
// (`measure`: wall and both CPU figures of a run). With both CPU figures, a bench can tell what a
// build would take on an idle machine, where each thread has a core: the machine this project is
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

/** What a run cost, in ms: wall time, CPU of all threads, CPU of the calling (main) thread. */
export interface StepCost {
  wall: number;
  cpu: number;
  main: number;
}

/** Runs `run` and says what it cost. */
export function measure<T>(run: () => T): { value: T; cost: StepCost } {
  const t0 = performance.now();
  const c0 = processCpuMs();
  const m0 = threadCpuMs();
  const value = run();
  return { value, cost: { wall: performance.now() - t0, cpu: processCpuMs() - c0, main: threadCpuMs() - m0 } };
}
