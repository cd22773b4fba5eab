/**
 * The articles the news question files are written from (every `news-questions*.jsonl` in a
 * folder, default `bench/`): the translation table's headline / lead pairs leave them out, so
 * no file — the unseen measures included — is scored over stories whose own wording the table
 * learnt. Read at run time, so a question file added later is excluded too.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadArchive } from '../src/archive/load.js';
import type { AlignPair } from '../src/search/align.js';
import { headlinePairs } from '../src/search/ask-train.js';
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

/**
 * The translation table's headline / lead pairs from archive folders (`--align-headlines`),
 * without the news-question stories: the one way the benches build them, so none forgets the
 * exclusion. A folder that cannot be read or yields no pair is an error naming the folder.
 */
export function headlineAlignPairs(dirs: readonly string[], benchDir = 'bench'): AlignPair[] {
  const asked = newsQuestionArticles(benchDir);
  return dirs.flatMap((dir) => {
    try {
      const pairs = headlinePairs(loadArchive(dir).articles, asked);
      if (pairs.length === 0) throw new Error('no article with a headline and a first sentence');
      return pairs;
    } catch (e) {
      throw new Error(`${dir}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}
