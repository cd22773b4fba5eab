/**
 * The articles the news question files are written from (every `news-questions*.jsonl` in a
 * folder, default `bench/`): the translation table's headline / lead pairs leave them out, so
 * no file — the unseen measures included — is scored over stories whose own wording the table
 * learnt. Read at run time, so a question file added later is excluded too.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readNewsQuestions } from './news-ask.js';

export const NEWS_QUESTION_FILE = /^news-questions.*\.jsonl$/;

/** A bad line stops with readNewsQuestions' message: the file, its line number and what is wrong. */
export function newsQuestionArticles(dir = 'bench'): Set<string> {
  const out = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => NEWS_QUESTION_FILE.test(n)).sort()) {
    for (const q of readNewsQuestions(join(dir, name))) out.add(q.article);
  }
  return out;
}
