// A build worker: does the per-article work of the chunks it is sent (`readChunk`) and sends
// back compact results. Started by the pool's bootstrap (pool.ts), which calls `serve`.

import type { MessagePort } from 'node:worker_threads';
import { readChunk, transferables, type ChunkTask, type TermNumbers } from './chunk.js';
import { answerTasks } from './pool.js';

/** Answers every task that arrives on `port`, and wakes the main thread after each answer. */
export function serve(port: MessagePort, signal: Int32Array): void {
  // One build per worker: its numbering of terms lasts as long as the worker.
  const numbers: TermNumbers = new Map();
  answerTasks(port, signal, (task: ChunkTask) => readChunk(task, numbers), transferables);
}
