/**
 * The articles the news question files are written from (every `news-questions*.jsonl` in a
 * folder, default `bench/`): the translation table's headline / lead pairs leave them out, so
 * no file — the unseen measures included — is scored over stories whose own wording the table
 * learnt. Read at run time, so a question file added later is excluded too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const NEWS_QUESTION_FILE = /^news-questions.*\.jsonl$/;

export function newsQuestionArticles(dir = 'bench'): Set<string> {
  const out = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => NEWS_QUESTION_FILE.test(n)).sort()) {
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        let row: unknown;
        try {
          row = JSON.parse(line);
        } catch {
          throw new Error(`${join(dir, name)} line ${i + 1}: not JSON`);
        }
        const article = typeof row === 'object' && row !== null ? (row as { article?: unknown }).article : undefined;
        if (typeof article !== 'string' || !article) throw new Error(`${join(dir, name)} line ${i + 1}: needs "article" (text)`);
        out.add(article);
      });
  }
  return out;
}
