// CPU time of the calling thread alone (Linux: /proc/thread-self/stat, in clock ticks of 10 ms),
// beside the whole process's (all threads, workers too), and the one timer the benches share
// (`measure`: wall and both CPU figures of a run). With both CPU figures, a bench can tell what a
// build would take on an idle machine, where each thread has a core: the machine this project is
// measured on is shared, so wall time there says little about parallel work.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

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

// Reads every thread's CPU from /proc/self/task (Linux) in a thread of its own, every
// `intervalMs`, keeping each thread's last figure less what it had at the start: worker threads
// end with the build, so their CPU must be read while they live (up to one interval of a thread's
// last work is missed). Threads have no names here: those started during the run are the
// build's workers; those there before are the main thread and V8's compiler and GC helpers
// (shared by all threads).
const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readdirSync, readFileSync, readlinkSync } = require('node:fs');
const self = readlinkSync('/proc/thread-self').split('/').pop();
const first = new Map();
const last = new Map();
const sample = () => {
  let tids = [];
  try { tids = readdirSync('/proc/self/task'); } catch { return; }
  for (const tid of tids) {
    if (tid === self) continue;
    try {
      const f = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ');
      last.set(tid, (Number(f[11]) + Number(f[12])) * ${TICK_MS});
    } catch {}
  }
};
sample();
for (const [tid, ms] of last) first.set(tid, ms);
const timer = setInterval(sample, workerData.intervalMs);
parentPort.postMessage('ready');
parentPort.on('message', () => {
  clearInterval(timer);
  sample();
  const own = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
  last.set('sampler', (Number(own[11]) + Number(own[12])) * ${TICK_MS});
  parentPort.postMessage([...last].map(([tid, ms]) => [tid, ms - (first.get(tid) ?? 0), first.has(tid)]));
  parentPort.close();
});
`;

/** CPU per thread of this process while a run lasts (see SAMPLER); the main thread's id is the process id. */
export class ThreadSampler {
  private readonly worker: Worker;

  private constructor(intervalMs: number) {
    this.worker = new Worker(SAMPLER, { eval: true, workerData: { intervalMs } });
  }

  /** A sampler that has read every thread's CPU once (the baseline). */
  static async start(intervalMs = 100): Promise<ThreadSampler> {
    const s = new ThreadSampler(intervalMs);
    await new Promise((resolve) => s.worker.once('message', resolve));
    return s;
  }

  /**
   * CPU ms over the run: the main thread's; each thread started meanwhile (the workers), busiest
   * first; the other threads' together (V8's helpers); the sampler's own (counted in process figures).
   */
  async stop(): Promise<{ main: number; started: number[]; helpers: number; sampler: number }> {
    const got = new Promise<Array<[string, number, boolean]>>((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage('stop');
    const all = await got;
    await this.worker.terminate();
    const main = String(process.pid);
    const rest = all.filter(([tid]) => tid !== main && tid !== 'sampler');
    return {
      main: all.find(([tid]) => tid === main)?.[1] ?? Number.NaN,
      started: rest.filter(([, , old]) => !old).map(([, ms]) => ms).sort((a, b) => b - a),
      helpers: rest.filter(([, , old]) => old).reduce((n, [, ms]) => n + ms, 0),
      sampler: all.find(([tid]) => tid === 'sampler')?.[1] ?? 0,
    };
  }
}
