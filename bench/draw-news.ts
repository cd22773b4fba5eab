/**
 * The seeded draw of articles behind a news question file (bench/news-questions-2.jsonl came
 * from `--seed 1617 --per-corpus 20`, bench/news-questions-3.jsonl from `--seed 1631 --per-corpus 20
 * --exclude` both earlier files, bench/news-questions-4.jsonl from `--seed 1801` excluding files 1-3,
 * bench/news-questions-5.jsonl from `--seed 1805` excluding files 1-4, bench/news-questions-6.jsonl
 * from `--seed 1809` excluding files 1-5, bench/news-questions-7.jsonl from `--seed 1813` excluding
 * files 1-6 (its questions are answered wherever the story answers them, the lead included),
 * bench/news-questions-8.jsonl from `--seed 1817 --per-corpus 10` excluding files 1-7 (training, the
 * same natural mix), bench/news-questions-9.jsonl from `--seed 1901` excluding files 1-8 (training,
 * the same natural mix: 14 of 40 answered in the lead), bench/news-questions-10.jsonl from `--seed 2409
 * --per-corpus 24` excluding files 1-9 (the fourth unseen measure, written blind: the first 20 per corpus), bench/news-questions-11.jsonl from `--seed 2511
 * --per-corpus 24` excluding files 1-10 (the fifth unseen measure, written blind: the first 20 per corpus); for files 4-11 the first N drawn per corpus were all used): for each corpus folder, the articles with at least
 * MIN_PARAGRAPHS body paragraphs and MIN_WORDS words (so a question can have its answer after the
 * lead, and Reuters' one-line earnings tables are left out), minus those any EXCLUDE file already
 * asks about, shuffled by a seeded generator; the first N of each are printed. Questions are then
 * written by reading those articles (an article with no factual question to ask is passed over
 * for the next one drawn, and the note says so).
 *
 *   npx tsx bench/draw-news.ts CORPUS_DIR... [--seed N] [--per-corpus N] [--exclude FILE.jsonl]...
 */
import { basename } from 'node:path';
import { loadArchive } from '../src/archive/load.js';
import { rng } from './queries.js';
import { readJsonl } from './squad.js';

const MIN_PARAGRAPHS = 4;
const MIN_WORDS = 150;

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const dirs: string[] = [];
  const exclude: string[] = [];
  let seed = 1617;
  let perCorpus = 20;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--seed') seed = Number(value());
    else if (a === '--per-corpus') perCorpus = Number(value());
    else if (a === '--exclude') exclude.push(value());
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else dirs.push(a);
  }
  if (dirs.length === 0 || !Number.isInteger(seed) || !Number.isInteger(perCorpus) || perCorpus < 1) {
    console.error('usage: npx tsx bench/draw-news.ts CORPUS_DIR... [--seed N] [--per-corpus N] [--exclude FILE.jsonl]...');
    process.exit(1);
  }
  const used = new Set(exclude.flatMap((f) => readJsonl<{ article: string }>(f).map((q) => q.article)));
  for (const dir of dirs) {
    const corpus = basename(dir.replace(/\/+$/, ''));
    const eligible = loadArchive(dir)
      .articles.filter((a) => !used.has(a.id))
      .filter((a) => {
        const body = a.headline ? a.paragraphs.slice(1) : a.paragraphs;
        return body.length >= MIN_PARAGRAPHS && body.join(' ').split(/\s+/).length >= MIN_WORDS;
      })
      .map((a) => a.id)
      .sort();
    const drawn = shuffled(eligible, rng(seed)).slice(0, perCorpus);
    console.log(`${corpus}: ${eligible.length} eligible, seed ${seed}`);
    for (const id of drawn) console.log(`  ${id}`);
  }
}

if (process.argv[1]?.endsWith('draw-news.ts')) main();
