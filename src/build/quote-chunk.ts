// A merged chunk's quotes found off the main thread: the chunk's paragraphs go to a quote worker
// as one string and a table of lengths (one copy, no per-paragraph objects to clone; the table is
// transferred), and its quotes come back in the compact form of `ChunkQuotes`. The main thread
// puts them in archive order and builds the speaker registry once over all of them.

import type { Article } from '../archive/types.js';
import { extractQuotes } from '../quotes/store.js';
import { Words } from './words.js';

/** A chunk's quotes, compact: what a worker hands back for them. */
export interface ChunkQuotes {
  /** Per quote: article (in this chunk), paragraph, start, end, kind (0 direct, 1 partial). */
  quoteNums: Uint32Array;
  quoteText: string[];
  quoteSpeaker: Array<string | null>;
  quoteRole: Array<string | null>;
}

export interface QuoteTask {
  /** The chunk's place in the archive (its quotes are merged in this order). */
  seq: number;
  /** Every paragraph of the chunk's articles, one after another. */
  text: string;
  /** Per article: its paragraph count, then each paragraph's length in `text`. */
  shape: Uint32Array;
}

export interface QuoteResult extends ChunkQuotes {
  seq: number;
}

/** The task for a merged chunk's articles. */
export function quoteTask(seq: number, articles: readonly Article[]): QuoteTask {
  const shape = new Words();
  const parts: string[] = [];
  for (const a of articles) {
    shape.push(a.paragraphs.length);
    for (const p of a.paragraphs) {
      shape.push(p.length);
      parts.push(p);
    }
  }
  return { seq, text: parts.join(''), shape: shape.done() };
}

/** The paragraphs of each article of a task, as they were sent. */
export function taskParagraphs(task: QuoteTask): string[][] {
  const out: string[][] = [];
  const { shape, text } = task;
  let at = 0;
  for (let i = 0; i < shape.length; ) {
    const n = shape[i++] ?? 0;
    const paragraphs: string[] = [];
    for (let j = 0; j < n; j++) {
      const len = shape[i++] ?? 0;
      paragraphs.push(text.slice(at, at + len));
      at += len;
    }
    out.push(paragraphs);
  }
  if (at !== text.length) throw new Error(`build: the quote task of chunk ${task.seq} does not add up`);
  return out;
}

/** Finds the quotes of a task's articles (what a quote worker does with it). */
export function findTaskQuotes(task: QuoteTask): QuoteResult {
  const rows = new QuoteRows();
  // Quotes are read from the paragraphs alone; the article's id and date are the main thread's to add.
  taskParagraphs(task).forEach((paragraphs, k) => rows.add(k, { id: '', title: '', date: null, paragraphs, headline: false }));
  return { seq: task.seq, ...rows.done() };
}

/** Collects the quotes of a chunk's articles, article by article, into the compact form. */
export class QuoteRows {
  private readonly nums = new Words();
  private readonly text: string[] = [];
  private readonly speaker: Array<string | null> = [];
  private readonly role: Array<string | null> = [];

  /** Finds the quotes of the chunk's `k`th article (its paragraphs are all that is read). */
  add(k: number, article: Article): void {
    for (const q of extractQuotes([article])) {
      this.nums.push(k);
      this.nums.push(q.paragraph);
      this.nums.push(q.start);
      this.nums.push(q.end);
      this.nums.push(q.kind === 'direct' ? 0 : 1);
      this.text.push(q.text);
      this.speaker.push(q.speaker);
      this.role.push(q.role);
    }
  }

  done(): ChunkQuotes {
    return { quoteNums: this.nums.done(), quoteText: this.text, quoteSpeaker: this.speaker, quoteRole: this.role };
  }
}
