// A build worker: does the per-article work of the chunks it is sent (`readChunk`) and sends
// back compact results. Started by the pool's bootstrap (pool.ts), which calls `serve`.

import type { MessagePort } from 'node:worker_threads';
import { readChunk, transferables, type ChunkTask, type TermNumbers } from './chunk.js';
import type { WorkerReply } from './pool.js';

/** Answers every task that arrives on `port`, and wakes the main thread after each answer. */
export function serve(port: MessagePort, signal: Int32Array): void {
  // One build per worker: its numbering of terms lasts as long as the worker.
  const numbers: TermNumbers = new Map();
  port.on('message', (task: ChunkTask) => {
    let reply: WorkerReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const result = readChunk(task, numbers);
      reply = { type: 'done', result };
      transfer = transferables(result);
    } catch (e) {
      reply = { type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply, transfer);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}
