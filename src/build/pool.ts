// Worker threads for the per-article work of a build (reading chunks; finding quotes). The main
// thread reads their answers with `receiveMessageOnPort` and waits on a shared counter the workers
// bump after each answer (pools may share one), so the same build runs blocking (the command
// line's synchronous open: `Atomics.wait`) or with the event loop free (the bot, /reindex:
// `Atomics.waitAsync`).

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ChunkResult, ChunkTask } from './chunk.js';
import { nextTurn } from '../search/slices.js';

export type WorkerReply<R = ChunkResult> = { type: 'done'; result: R } | { type: 'failed'; message: string };

/**
 * A worker's side: answers every task that arrives on `port` with `work`'s result (its `transfer`
 * buffers handed over, not copied) or the error it threw, and wakes the main thread after each.
 */
export function answerTasks<T, R>(port: MessagePort, signal: Int32Array, work: (task: T) => R, transfer: (result: R) => ArrayBuffer[]): void {
  port.on('message', (task: T) => {
    let reply: WorkerReply<R>;
    let handed: ArrayBuffer[] = [];
    try {
      const result = work(task);
      reply = { type: 'done', result };
      handed = transfer(result);
    } catch (e) {
      reply = { type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply, handed);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}

/** The main thread waits until `signal[0]` is no longer `seen` (a worker answered), or `timeoutMs`. */
export interface Wait {
  signal: Int32Array;
  seen: number;
  timeoutMs: number;
}

/** Sliced work (see slices.ts) that may also wait for workers. */
export type Work<T> = Generator<Wait | undefined, T, undefined>;

/** Runs work to the end, blocking while it waits for workers. */
export function runBlocking<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (step.value) Atomics.wait(step.value.signal, 0, step.value.seen, step.value.timeoutMs);
  }
}

type WaitAsync = (a: Int32Array, i: number, v: number, t: number) => { async: false; value: string } | { async: true; value: Promise<string> };

/** Runs work with the event loop free between slices and while it waits for workers. */
export async function runWaiting<T>(work: Work<T>): Promise<T> {
  const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (!step.value) await nextTurn();
    else {
      const w = waitAsync(step.value.signal, 0, step.value.seen, step.value.timeoutMs);
      if (!w.async) continue;
      // A pending waitAsync does not keep Node's event loop alive (nor do the unref'd workers):
      // a timer does, or a process with nothing else to do would exit mid-build.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([w.value, new Promise((resolve) => (timer = setTimeout(resolve, step.value?.timeoutMs)))]);
      clearTimeout(timer);
    }
  }
}

// The worker's first code, plain CommonJS: loads the worker module (with tsx first when it is
// TypeScript, as under tests and `tsx`), and reports any failure to load or run as an answer, so
// that a main thread blocked in `Atomics.wait` hears of it.
const BOOT = `
const { workerData } = require('node:worker_threads');
const { port, signal, url, tsx } = workerData;
const fail = (e) => {
  try { port.postMessage({ type: 'failed', message: String((e && e.stack) || e) }); }
  finally { Atomics.add(signal, 0, 1); Atomics.notify(signal, 0); }
};
process.on('uncaughtException', fail);
(tsx ? import(tsx).then((api) => api.register()) : Promise.resolve())
  .then(() => import(url))
  .then((m) => m.serve(port, signal))
  .catch(fail);
`;

/** A worker module next to this one (`worker`, `quote-worker`): `.js` in the compiled build, `.ts` under tsx and tests. */
export const workerModuleNamed = (name: string): URL => new URL(`./${name}${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** The build worker's module. */
export const defaultWorkerModule = (): URL => workerModuleNamed('worker');

export interface PoolOptions {
  size: number;
  /** The module whose `serve(port, signal)` answers tasks (tests inject failing ones). */
  module?: URL;
  /**
   * No answer from any worker this long while tasks are pending means one died unseen (the main
   * thread blocked, so its 'exit' event never ran): default 2 minutes. A single stuck worker is
   * noticed only once the others run dry.
   */
  stallMs?: number;
  /** The counter to bump after each answer: pools that share one wake a main thread waiting for either. */
  signal?: Int32Array;
  /** Tasks a worker holds at once (default 2: one at work, one waiting, so it never idles for the main thread). */
  depth?: number;
  /** What a worker is called in failure messages (default `build worker`). */
  name?: string;
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  inFlight: number;
}

/** A pool of worker threads (build or quote workers); any failure is recorded in `failure` (the caller then does the rest itself). */
export class BuildPool<T = ChunkTask, R = ChunkResult> {
  readonly signal: Int32Array;
  failure: string | undefined;
  private readonly slots: Slot[] = [];
  private readonly stallMs: number;
  private readonly depth: number;
  private readonly name: string;
  private closing = false;
  private lastNews = performance.now();

  /** Starts the workers; throws when threads cannot be made at all, or `size` is no whole number from 1. */
  constructor(opts: PoolOptions) {
    // NaN or a fraction would make a pool of no workers that never answers: the build would wait forever.
    if (!Number.isInteger(opts.size) || opts.size < 1) throw new RangeError(`a pool needs a whole number of workers from 1, not ${opts.size}`);
    this.stallMs = opts.stallMs ?? 120_000;
    this.signal = opts.signal ?? new Int32Array(new SharedArrayBuffer(4));
    this.depth = opts.depth ?? 2;
    this.name = opts.name ?? 'build worker';
    const url = (opts.module ?? defaultWorkerModule()).href;
    const tsx = url.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : null;
    try {
      for (let i = 0; i < opts.size; i++) {
        const { port1, port2 } = new MessageChannel();
        const worker = new Worker(BOOT, { eval: true, workerData: { port: port2, signal: this.signal, url, tsx }, transferList: [port2] });
        worker.unref();
        worker.on('error', (e) => this.fail(`a ${this.name} failed: ${e instanceof Error ? e.message : String(e)}`));
        worker.on('exit', (code) => this.fail(`a ${this.name} stopped (exit code ${code})`));
        this.slots.push({ worker, port: port1, inFlight: 0 });
      }
    } catch (e) {
      this.close();
      throw e;
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Tasks sent and not yet answered. */
  get pending(): number {
    return this.slots.reduce((n, s) => n + s.inFlight, 0);
  }

  /** True when a worker can take a task now (so a caller need not make one `post` would refuse). */
  get hasRoom(): boolean {
    return this.slots.some((s) => s.inFlight < this.depth);
  }

  /** Sends a task to the least busy worker; false when all are full. */
  post(task: T, transfer: ArrayBuffer[] = []): boolean {
    let best: Slot | undefined;
    for (const s of this.slots) if (s.inFlight < this.depth && (!best || s.inFlight < best.inFlight)) best = s;
    if (!best) return false;
    if (this.pending === 0) this.lastNews = performance.now();
    best.port.postMessage(task, transfer);
    best.inFlight++;
    return true;
  }

  /** The answers that have arrived, with the worker that gave each; records a failure when a worker reported one or fell silent. */
  receive(): Array<{ result: R; worker: number }> {
    const out: Array<{ result: R; worker: number }> = [];
    for (const [worker, s] of this.slots.entries()) {
      for (let m = receiveMessageOnPort(s.port); m; m = receiveMessageOnPort(s.port)) {
        const reply = m.message as WorkerReply<R>;
        this.lastNews = performance.now();
        s.inFlight = Math.max(0, s.inFlight - 1);
        if (reply.type === 'done') out.push({ result: reply.result, worker });
        else this.fail(`a ${this.name} failed: ${reply.message.split('\n')[0] ?? ''}`);
      }
    }
    if (this.pending > 0 && performance.now() - this.lastNews > this.stallMs) {
      this.fail(`no answer from the ${this.name}s in ${Math.round(this.stallMs / 1000)} s`);
    }
    return out;
  }

  /** How long to wait for the next answer before looking again (for a silent worker). */
  get waitMs(): number {
    return Math.min(1000, this.stallMs);
  }

  close(): void {
    this.closing = true;
    for (const s of this.slots) {
      s.port.close();
      void s.worker.terminate();
    }
  }

  private fail(message: string): void {
    if (this.closing) return;
    this.failure ??= message;
    // Wakes a main thread waiting for answers, so it sees the failure now.
    Atomics.add(this.signal, 0, 1);
    Atomics.notify(this.signal, 0);
  }
}
