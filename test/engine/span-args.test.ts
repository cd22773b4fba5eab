import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSpanEvalArgs, type SpanEvalArgs } from '../../bench/span-args.js';

const dir = mkdtempSync(join(tmpdir(), 'span-args-'));
const docs = join(dir, 'docs.jsonl');
const questions = join(dir, 'questions.jsonl');
writeFileSync(docs, '{"id":"a","paragraphs":["x"]}\n');
writeFileSync(questions, '{"question":"q?","doc_id":"a","paragraph_index":0,"answers":["x"]}\n');
const weights = join(dir, 'weights.json');
writeFileSync(weights, readFileSync(new URL('../../src/search/ask-weights.json', import.meta.url)));
const notJson = join(dir, 'bad.json');
writeFileSync(notJson, '{ not json');
const oldFeatures = join(dir, 'old.json');
const doc = JSON.parse(readFileSync(weights, 'utf8')) as { sentence: { features: string[] } };
writeFileSync(oldFeatures, JSON.stringify({ ...doc, sentence: { ...doc.sentence, features: doc.sentence.features.slice(1) } }));
const folder = join(dir, 'folder');
mkdirSync(folder);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ok = (argv: string[]): SpanEvalArgs => {
  const r = parseSpanEvalArgs(argv);
  if ('error' in r) throw new Error(r.error);
  return r;
};
const error = (argv: string[]): string => {
  const r = parseSpanEvalArgs(argv);
  return 'error' in r ? r.error : '(accepted)';
};

describe('bench/eval-span.ts options', () => {
  it('GIVEN the two data files and good options THEN they parse, in any order', () => {
    expect(ok([docs, questions])).toEqual({ docsPath: docs, questionsPath: questions, boost: [], errors: 0 });
    const r = ok(['--errors', '12', docs, '--boost', 'other,person,other', questions, '--splice', weights, join(dir, 'out.json')]);
    expect(r.errors).toBe(12);
    expect(r.boost).toEqual(['other', 'person']);
    expect(r.splice?.to).toBe(join(dir, 'out.json'));
    expect(r.docsPath).toBe(docs);
    expect(r.questionsPath).toBe(questions);
  });

  it('GIVEN a bad --errors THEN a message names it (not a NaN that prints nothing)', () => {
    expect(error([docs, questions, '--errors', 'x'])).toMatch(/--errors must be a whole number/);
    expect(error([docs, questions, '--errors', '-3'])).toMatch(/--errors must be a whole number ≥ 0 \(got -3\)/);
    expect(error([docs, questions, '--errors', '2.5'])).toMatch(/--errors must be a whole number/);
    expect(error([docs, questions, '--errors'])).toMatch(/--errors needs a value/);
  });

  it('GIVEN --boost with an unknown or no type THEN a message lists the types', () => {
    expect(error([docs, questions, '--boost', 'persn'])).toMatch(/no answer type "persn".*person/);
    expect(error([docs, questions, '--boost', ','])).toMatch(/--boost needs a comma-separated list/);
    expect(error([docs, questions, '--boost', '--errors', '3'])).toMatch(/--boost needs a value/);
  });

  it('GIVEN a bad --splice THEN a message says which file and why', () => {
    expect(error([docs, questions, '--splice', weights])).toMatch(/--splice needs 2 values/);
    expect(error([docs, questions, '--splice', join(dir, 'none.json'), 'out.json'])).toMatch(/--splice IN: no file/);
    expect(error([docs, questions, '--splice', notJson, 'out.json'])).toMatch(/--splice IN: .* is not JSON/);
    expect(error([docs, questions, '--splice', oldFeatures, 'out.json'])).toMatch(/--splice IN: .*sentence features differ/);
    expect(error([docs, questions, '--splice', weights, folder])).toMatch(/--splice OUT: .* is not a file/);
  });

  it('GIVEN missing or extra paths, unknown or repeated options THEN each gets its message', () => {
    expect(error([docs])).toMatch(/needs the docs and the questions file/);
    expect(error([docs, questions, 'third'])).toMatch(/unexpected argument third/);
    expect(error([docs, join(dir, 'none.jsonl')])).toMatch(/questions: no file/);
    expect(error([folder, questions])).toMatch(/docs: .* is not a file/);
    expect(error([docs, questions, '--eror', '3'])).toMatch(/unknown option --eror/);
    expect(error([docs, questions, '--errors', '1', '--errors', '2'])).toMatch(/--errors given twice/);
  });
});
