/**
 * SQuAD-style data for the ask evaluation and training: one archive article a doc (its
 * paragraphs), the questions mapped onto article ids and 1-based paragraphs, and a fixed split
 * by article so held-out figures come from articles the models never saw.
 */
import { readFileSync, rmSync } from 'node:fs';
import { loadArchive } from '../src/archive/load.js';
import { Engine } from '../src/engine.js';
import type { GoldQuestion } from '../src/search/ask-train.js';
import { PassageIndex } from '../src/search/index.js';
import { writeTempArchive } from './fixtures.js';
import { jsonLines } from './jsonl.js';

export interface Doc {
  id: string;
  paragraphs: string[];
}
export interface Question {
  question: string;
  doc_id: string;
  paragraph_index: number;
  answers: string[];
  /** Character offsets of the answers in their paragraph, where the data gives them. */
  answer_starts?: number[];
}

/** Which questions to use: all, the training part (2 articles of 3) or the held-out part (the third). */
export type Part = 'all' | 'train' | 'heldout';

export function readJsonl<T>(path: string): T[] {
  return jsonLines(readFileSync(path, 'utf8'), path).map((l) => l.value as T);
}

export const articleId = (docId: string): string => docId.replace(/[^\w./-]+/g, '_');

export interface Squad {
  engine: Engine;
  docs: number;
  questions: GoldQuestion[];
  close: () => void;
}

/** The article ids of the held-out part (every third doc). */
export function heldOutArticles(docsPath: string): Set<string> {
  return new Set(readJsonl<Doc>(docsPath).filter((_, i) => i % 3 === 2).map((d) => articleId(d.id)));
}

/** Loads the docs into a real archive and engine (a temp folder, removed by `close`). */
export function openSquad(docsPath: string, questionsPath: string, part: Part = 'all'): Squad {
  const docs = readJsonl<Doc>(docsPath);
  const heldOut = heldOutArticles(docsPath);
  const questions = readJsonl<Question>(questionsPath)
    .filter((q) => part === 'all' || (part === 'heldout') === heldOut.has(articleId(q.doc_id)))
    .map((q) => ({ question: q.question, article: articleId(q.doc_id), paragraph: q.paragraph_index + 1, answers: q.answers }));
  const dir = writeTempArchive('squad', docs.map((d) => [d.id, `date 2020-01-01\n\n${d.paragraphs.join('\n\n')}\n`]));
  const archive = loadArchive(dir);
  return {
    engine: new Engine(archive, PassageIndex.build(archive.articles)),
    docs: docs.length,
    questions,
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function partOf(args: readonly string[]): Part {
  const i = args.indexOf('--part');
  if (i < 0) return 'all';
  const v = args[i + 1];
  if (v !== 'all' && v !== 'train' && v !== 'heldout') throw new Error(`--part must be all, train or heldout (got ${String(v)})`);
  return v;
}
