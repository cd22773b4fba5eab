// A quote worker: finds the quotes of the merged chunks the main thread sends it (`findTaskQuotes`)
// while the main thread indexes. Each quote worker warms the quote code up and loads its name lists
// once for the whole build (one worker up to 5 cores). Started by the pool's bootstrap (pool.ts), which calls `serve`.

import type { MessagePort } from 'node:worker_threads';
import { firstNameGender } from '../quotes/first-names.js';
import { answerTasks } from './pool.js';
import { findTaskQuotes, type QuoteTask } from './quote-chunk.js';

/** Answers every task that arrives on `port`, and wakes the main thread after each answer. */
export function serve(port: MessagePort, signal: Int32Array): void {
  // The first-name lists are made ready on first use: do it now, while the build workers read
  // the first chunk, rather than on the way to the first chunk's quotes.
  firstNameGender('mary');
  answerTasks(port, signal, (task: QuoteTask) => findTaskQuotes(task), (r) => [r.quoteNums.buffer as ArrayBuffer]);
}
