import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/archive/types.js';
import { findTaskQuotes, quoteTask, taskParagraphs, type QuoteTask } from '../../src/build/quote-chunk.js';
import { extractQuotes } from '../../src/quotes/store.js';

const article = (id: string, paragraphs: string[]): Article => ({ id, title: id, date: '2024-01-02', paragraphs, headline: false });

const ARTICLES = [
  article('a', ['"We will not stop fighting for the people of this city," said Mayor Jane Ortiz on Tuesday.', '', 'The council met.']),
  article('empty', []),
  article('b', ['Ünïcödé 𝔘𝔫𝔦 — “Nobody here expected the vote to pass so easily,” she said.', '"We have waited three years for a contract and we will wait no longer," added Tom Brown, a union leader.']),
  article('c', ['', '"This plan will be dead on arrival in the Senate next week," Senator Mary Lake told reporters.']),
];

/** The task as a worker receives it: posted over a real channel, its length table transferred. */
function sent(task: QuoteTask): QuoteTask {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(task, [task.shape.buffer as ArrayBuffer]);
  const got = receiveMessageOnPort(port2)?.message as QuoteTask;
  port1.close();
  return got;
}

describe('a merged chunk sent to a quote worker', () => {
  it('GIVEN articles with empty, astral and accented paragraphs THEN the worker reads back the same paragraphs', () => {
    const task = quoteTask(7, ARTICLES);
    const got = sent(task);
    // Transferred, not copied: the sender's table is gone.
    expect(task.shape.length).toBe(0);
    expect(got.seq).toBe(7);
    expect(taskParagraphs(got)).toEqual(ARTICLES.map((a) => a.paragraphs));
  });

  it('GIVEN the task THEN its quotes are those of the articles, numbered within the chunk', () => {
    const found = findTaskQuotes(sent(quoteTask(3, ARTICLES)));
    const expected = ARTICLES.flatMap((a, k) => extractQuotes([a]).map((q) => ({ k, q })));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(found.seq).toBe(3);
    expect(Array.from(found.quoteNums)).toEqual(expected.flatMap(({ k, q }) => [k, q.paragraph, q.start, q.end, q.kind === 'direct' ? 0 : 1]));
    expect(found.quoteText).toEqual(expected.map(({ q }) => q.text));
    expect(found.quoteSpeaker).toEqual(expected.map(({ q }) => q.speaker));
    expect(found.quoteRole).toEqual(expected.map(({ q }) => q.role));
  });

  it('GIVEN a task whose lengths do not match its text THEN it throws (a bug, never a wrong quote)', () => {
    const task = quoteTask(1, ARTICLES);
    expect(() => taskParagraphs({ ...task, text: `${task.text}x` })).toThrow(/quote task of chunk 1 does not add up/);
  });
});
