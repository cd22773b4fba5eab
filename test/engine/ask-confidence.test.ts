import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { askPages } from '../../src/render/engine-discord.js';
import { askText } from '../../src/render/engine-text.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerProbability, askWeightsStamp, CONFIDENCE_FEATURES, confidenceFeatures, confidenceFor, DEFAULT_CONFIDENCE, MARGIN_CAP, parseConfidence, type ConfidenceCues, type ConfidenceModel } from '../../src/search/confidence.js';
import { DEFAULT_ASK_WEIGHTS } from '../../src/search/ask-model.js';
import { askRows, chooseByFile, decide, fitGroups, fitLogistic, probability, tally, type ConfidenceRow } from '../../bench/train-confidence.js';
import { gateState, summarize, type NewsResult } from '../../bench/news-ask.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

/** Invented news: a lead that restates the questions' words, later paragraphs that answer them. */
const NEWS: Record<string, string> = {
  'ferry.txt': `date 2006-04-11
Ferry line wins island contract

The Harbour Ferry Company has won the contract to run the island ferry service for ten years.

The contract was signed by the port's director, Helena Marsh, on Tuesday after a six-month tender.

The company will buy two new boats costing £14m and plans to add a night crossing.`,
  'library.txt': `date 2006-05-02
Library reopens

The town library on Quay Street reopened after repairs to its roof.`,
};

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = writeArchive(NEWS);
  engine = engineFor(dir);
});
afterAll(() => removeDir(dir));

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const model = (bias: number, ask = askWeightsStamp(DEFAULT_ASK_WEIGHTS)): ConfidenceModel => ({ features: [...CONFIDENCE_FEATURES], weights: CONFIDENCE_FEATURES.map((_, i) => (i === 0 ? bias : 0)), threshold: 0.5, trainedOn: 'test', ask });

describe('ask: the learnt confidence (src/search/confidence.ts)', () => {
  it('GIVEN the committed model THEN it was learnt over the committed ask weights (after retraining those, run npm run train:confidence last)', () => {
    expect(confidenceFor(DEFAULT_CONFIDENCE, DEFAULT_ASK_WEIGHTS)).toBe(DEFAULT_CONFIDENCE);
    expect(confidenceFor(DEFAULT_CONFIDENCE, { ...DEFAULT_ASK_WEIGHTS, trainedOn: 'another fit' })).toBeUndefined();
  });

  it('GIVEN a question the later paragraph answers by name THEN the committed model keeps the bold answer, with its probability', () => {
    const r = engine.ask({ question: "Who signed the island ferry contract for the port?", limit: 3 });
    expect(r.hits[0]?.answerSpan?.text).toBe('Helena Marsh');
    expect(r.confident).toBe(true);
    expect(r.answerProbability).toBeGreaterThanOrEqual(engine.confidence?.threshold ?? 1);
    expect(askText(r)).toContain('**Helena Marsh**');
    expect(askText(r)).not.toMatch(/^These passages may help:/);
  });

  it('GIVEN a question the archive only touches on THEN the reply says "These passages may help:" in every renderer, and the JSON carries the probability', () => {
    const r = engine.ask({ question: 'When did the library director retire to Portugal?', limit: 3 });
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.confident).toBe(false);
    expect(askText(r)).toMatch(/^These passages may help:/);
    expect(askPages(r)[0]?.content).toBe('These passages may help:');
    const json = JSON.parse(JSON.stringify(r)) as { answerProbability?: number };
    expect(json.answerProbability).toBeGreaterThanOrEqual(0);
    expect(json.answerProbability).toBeLessThanOrEqual(1);
  });

  it('GIVEN reference text without headlines (SQuAD-like) THEN the model does not judge it: no probability, the rule alone', () => {
    const ref = writeArchive({ 'ref.txt': 'date 2020-01-01\n\nThe Harbour Ferry Company was founded by Helena Marsh in 1921 to run the island ferry.\n\nIts boats carry cars and passengers.' });
    try {
      const r = engineFor(ref).ask({ question: 'Who founded the Harbour Ferry Company?', limit: 3 });
      expect(r.hits.length).toBeGreaterThan(0);
      expect(r.answerProbability).toBeUndefined();
    } finally {
      removeDir(ref);
    }
  });

  it('GIVEN a model that doubts every answer THEN even a strong answer becomes reading; GIVEN no model THEN the fixed rule alone decides', () => {
    const saved = engine.confidence;
    try {
      engine.confidence = model(-20);
      const doubted = engine.ask({ question: 'Who signed the island ferry contract for the port?', limit: 3 });
      expect(doubted.confident).toBe(false);
      expect(askPages(doubted)[0]?.content).toBe('These passages may help:');
      engine.confidence = model(-20, 'other-weights');
      const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
      try {
        const stale = engine.ask({ question: 'Who signed the island ferry contract for the port?', limit: 3 });
        expect(stale.confident).toBe(true);
        expect(stale.answerProbability).toBeUndefined();
        engine.ask({ question: 'Who signed the island ferry contract?', limit: 3 });
        expect(warn).toHaveBeenCalledTimes(1);
        expect(String(warn.mock.calls[0]?.[0])).toMatch(/learnt over other ask weights.*train:confidence/);
      } finally {
        warn.mockRestore();
      }
      engine.confidence = undefined;
      const ruled = engine.ask({ question: 'Who signed the island ferry contract for the port?', limit: 3 });
      expect(ruled.confident).toBe(true);
      expect(ruled.answerProbability).toBeUndefined();
    } finally {
      engine.confidence = saved;
    }
  });

  it('GIVEN a stale model and the archive reloaded into a new Engine (the live archive) THEN the warning is not repeated', () => {
    const first = engineFor(dir);
    const second = engineFor(dir);
    first.confidence = second.confidence = model(-20, 'reloaded-weights');
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      expect(first.ask({ question: 'Who signed the island ferry contract for the port?', limit: 3 }).confident).toBe(true);
      expect(second.ask({ question: 'Who signed the island ferry contract for the port?', limit: 3 }).confident).toBe(true);
      expect(warn).toHaveBeenCalledTimes(1);
      second.confidence = model(-20, 'yet-other-weights');
      second.ask({ question: 'Who signed the island ferry contract for the port?', limit: 3 });
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });

  it('GIVEN a model sure of everything THEN what the fixed rule calls a guess stays reading (the model only withholds)', () => {
    const saved = engine.confidence;
    try {
      engine.confidence = model(20);
      const r = engine.ask({ question: 'When did the library director retire to Portugal?', limit: 3 });
      expect(r.answerProbability).toBeGreaterThan(0.99);
      expect(r.confident).toBe(false);
    } finally {
      engine.confidence = saved;
    }
  });
});

describe('confidence features and model file', () => {
  const cues: ConfidenceCues = { margin: null, topScore: 2, sentenceScore: 1, overlap: 0.6, candidateType: true, typed: false, span: true, news: true, ruled: true };

  it('GIVEN one passage alone THEN its margin counts as the cap; a typed question without its type in the sentence sets the missing cue', () => {
    const x = confidenceFeatures(cues);
    expect(x).toHaveLength(CONFIDENCE_FEATURES.length);
    const at = (name: string): number => x[CONFIDENCE_FEATURES.indexOf(name)] ?? NaN;
    expect(at('margin')).toBe(MARGIN_CAP);
    expect(at('typeMissing')).toBe(1);
    expect(at('typedSentence')).toBe(0);
    expect(at('topScore')).toBe(2);
    const open = confidenceFeatures({ ...cues, candidateType: false, margin: -1, topScore: 99 });
    expect(open[CONFIDENCE_FEATURES.indexOf('typeMissing')]).toBe(0);
    expect(open[CONFIDENCE_FEATURES.indexOf('margin')]).toBe(0);
    expect(open[CONFIDENCE_FEATURES.indexOf('topScore')]).toBe(8);
  });

  it('GIVEN a bias-only model THEN the probability is its logistic', () => {
    expect(answerProbability(model(0), cues)).toBeCloseTo(0.5, 10);
    expect(answerProbability(model(Math.log(3)), cues)).toBeCloseTo(0.75, 10);
  });

  it('GIVEN a file whose features differ from the code, a threshold outside (0, 1) or no ask-weights stamp THEN it is refused with what differs', () => {
    expect(() => parseConfidence({ ...model(0), ask: '' })).toThrow(/stamp of the ask weights/);
    expect(() => parseConfidence({ ...model(0), features: ['bias', 'margin'] })).toThrow(/features differ from the code's \(the file has 2 of the code's \d+.*train:confidence/);
    expect(() => parseConfidence({ ...model(0), threshold: 1 })).toThrow(/threshold must be a probability/);
    expect(() => parseConfidence({ ...model(0), weights: [1] })).toThrow(/finite weights/);
    expect(parseConfidence(model(0.5)).weights[0]).toBe(0.5);
  });
});

describe('bench/train-confidence.ts', () => {
  it('GIVEN rows where a feature raises the odds THEN the fit learns a positive weight and a calibrated bias', () => {
    // Invented data: x = 1 right 9 of 10 times, x = 0 right 3 of 10 times.
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 10; i++) {
      x.push([1, 1]);
      y.push(i < 9 ? 1 : 0);
      x.push([1, 0]);
      y.push(i < 3 ? 1 : 0);
    }
    const w = fitLogistic(x, y, new Array<number>(x.length).fill(1), 0);
    expect(1 / (1 + Math.exp(-(w[0] ?? 0)))).toBeCloseTo(0.3, 4);
    expect(1 / (1 + Math.exp(-((w[0] ?? 0) + (w[1] ?? 0))))).toBeCloseTo(0.9, 4);
    const shrunk = fitLogistic(x, y, new Array<number>(x.length).fill(1), 100);
    expect(Math.abs(shrunk[1] ?? 0)).toBeLessThan(Math.abs(w[1] ?? 0));
  });

  const cuesOf = (margin: number, ruled = true): ConfidenceCues => ({ margin, topScore: 0, sentenceScore: 0, overlap: 0, candidateType: false, typed: false, span: false, news: true, ruled });
  let rowCount = 0;
  const row = (group: string, right: boolean, margin = 0, ruled = true): ConfidenceRow => ({ group, id: `${group}-${++rowCount}`, right, cues: cuesOf(margin, ruled) });

  it('GIVEN rows and a decision THEN the tally counts the confident-and-wrong and unsure-and-right ones', () => {
    const t = tally([row('g', true), row('g', false), row('g', true, 0, false), row('g', false, 0, false)], (r) => r.cues.ruled);
    expect(t).toEqual({ n: 4, right: 2, confident: 2, confidentWrong: 1, unsureRight: 1 });
  });

  it('GIVEN a large file and a small one THEN each weighs the same in the fit, and answers the rule already withholds are not learnt from', () => {
    // Invented: 90 rows right 81 times, 10 rows right once; every cue alike, so only the bias speaks.
    const rows = [...Array.from({ length: 90 }, (_, i) => row('big', i < 81)), ...Array.from({ length: 10 }, (_, i) => row('small', i < 1))];
    expect(probability(fitGroups(rows, 1e6), cuesOf(0))).toBeCloseTo(0.5, 3);
    const withheld = [...rows, ...Array.from({ length: 50 }, () => row('small', false, 0, false))];
    expect(probability(fitGroups(withheld, 1e6), cuesOf(0))).toBeCloseTo(0.5, 3);
  });

  it('GIVEN files where a small margin marks the wrong answers THEN the choice by leaving one file out withholds them and keeps the right ones', () => {
    const rows = ['a', 'b', 'c'].flatMap((g) => [...Array.from({ length: 10 }, () => row(g, true, 3)), ...Array.from({ length: 10 }, () => row(g, false, 0))]);
    const best = chooseByFile(rows, 1);
    const t = tally(rows, decide(fitGroups(rows, best.l2), best.threshold));
    expect(t).toMatchObject({ confidentWrong: 0, unsureRight: 0, confident: 30 });
    expect(() => chooseByFile(rows.filter((r) => r.group === 'a'), 1)).toThrow(/at least two question files/);
  });

  it('GIVEN training questions THEN their rows are read with the rule alone, and the model being retrained neither judges them nor warns that it is stale', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'k24-rows-'));
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const ask = (id: string, question: string, answers: string[], type = 'person') => JSON.stringify({ id, corpus: basename(dir), article: engine.ask({ question, limit: 1 }).hits[0]?.article, type, question, answers });
      const a = join(tmp, 'train-a.jsonl');
      const b = join(tmp, 'train-b.jsonl');
      writeFileSync(a, `${ask('ta1', 'Who signed the island ferry contract for the port?', ['Helena Marsh'])}\n`);
      writeFileSync(b, `${ask('tb1', 'How much will the two new boats cost?', ['£14m'], 'number')}\n`);
      const c = join(tmp, 'train-c.jsonl');
      writeFileSync(c, `${ask('tc1', 'When was the island ferry contract signed?', ['Tuesday'], 'time')}\n`);
      const { rows } = askRows([a, b, c], [dir], { ...DEFAULT_ASK_WEIGHTS, trainedOn: 'a retrain' });
      expect(rows.map((r) => r.group)).toEqual(['train-a.jsonl', 'train-b.jsonl', 'train-c.jsonl']);
      expect(rows.every((r) => r.cues.news)).toBe(true);
      expect(warn.mock.calls.filter((c) => String(c[0]).includes('train:confidence'))).toEqual([]);
    } finally {
      warn.mockRestore();
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);

  it('GIVEN an unseen measure through --news or in --rows THEN the script refuses it', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'k24-conf-'));
    try {
      const script = join(ROOT, 'bench', 'train-confidence.ts');
      const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, encoding: 'utf8' });
      const news = run('--news', 'bench/news-questions-4.jsonl,bench/news-questions-11.jsonl', '--news-corpus', tmp, '--out', join(tmp, 'out.json'));
      expect(news.status).toBe(1);
      expect(news.stderr).toMatch(/news-questions-11\.jsonl is an unseen measure/);
      const rowsPath = join(tmp, 'rows.jsonl');
      writeFileSync(rowsPath, [row('news-questions-4.jsonl', true), { ...row('news-questions-11.jsonl', true), id: 'y01' }].map((r) => JSON.stringify(r)).join('\n'));
      const rows = run('--rows', rowsPath, '--out', join(tmp, 'out.json'));
      expect(rows.status).toBe(1);
      expect(rows.stderr).toMatch(/row y01 comes from the unseen measure news-questions-11\.jsonl/);
      writeFileSync(rowsPath, [row('news-questions-4.jsonl', true), { ...row('renamed.jsonl', true), id: 'y01' }].map((r) => JSON.stringify(r)).join('\n'));
      const renamed = run('--rows', rowsPath, '--out', join(tmp, 'out.json'));
      expect(renamed.status).toBe(1);
      expect(renamed.stderr).toMatch(/row y01 comes from the unseen measure news-questions-11\.jsonl/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('eval:news-ask counts (bench/news-ask.ts summarize)', () => {
  it('GIVEN results THEN wrong-but-confident and right-but-unsure are counted apart', () => {
    const result = (sentence: boolean, confident: boolean): NewsResult =>
      ({ question: { id: 'i', corpus: 'c', article: 'a', type: 'person', question: 'Who?', answers: ['X'] }, detected: 'person', sentence, em: 0, f1: 0, answerRank: 1, articleFirst: true, confident, miss: null, earlier: false, top: undefined, answerHit: undefined, firstPass: { storyRank: 1, answerInPool: true } }) as NewsResult;
    const s = summarize([result(true, true), result(false, true), result(false, true), result(true, false), result(false, false)]);
    expect([s.confident, s.confidentWrong, s.unsureRight]).toEqual([3, 2, 1]);
  });

  it('GIVEN the committed model, another file, other ask weights or --rule-only THEN the gate line says which decided', () => {
    expect(gateState(DEFAULT_CONFIDENCE, DEFAULT_ASK_WEIGHTS, 'committed')).toBe('confidence: committed');
    expect(gateState(model(0), DEFAULT_ASK_WEIGHTS, 'c.json')).toBe('confidence: c.json');
    expect(gateState(DEFAULT_CONFIDENCE, { ...DEFAULT_ASK_WEIGHTS, trainedOn: 'a retrain' }, 'committed')).toMatch(/^confidence: stale \(committed .*\): the fixed rule alone$/);
    expect(gateState(undefined, DEFAULT_ASK_WEIGHTS, 'committed')).toMatch(/^confidence: off \(--rule-only\)/);
  });

  it('GIVEN --confidence FILE THEN eval:news-ask judges with that model and says so; with --rule-only it refuses the pair', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'k24-gate-'));
    try {
      const questions = join(tmp, 'q.jsonl');
      writeFileSync(questions, `${JSON.stringify({ id: 'g1', corpus: basename(dir), article: engine.ask({ question: 'Who signed the island ferry contract for the port?', limit: 1 }).hits[0]?.article, type: 'person', question: 'Who signed the island ferry contract for the port?', answers: ['Helena Marsh'] })}\n`);
      const doubting = join(tmp, 'doubt.json');
      writeFileSync(doubting, JSON.stringify(model(-20)));
      const script = join(ROOT, 'bench', 'eval-news-ask.ts');
      const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, questions, dir, ...args], { cwd: ROOT, encoding: 'utf8' });
      const committed = run();
      expect(committed.status).toBe(0);
      expect(committed.stdout).toMatch(/^confidence: committed\n.*confident 1\.000/);
      const doubted = run('--confidence', doubting);
      expect(doubted.status).toBe(0);
      expect(doubted.stdout.split('\n')[0]).toBe(`confidence: ${doubting}`);
      expect(doubted.stdout).toMatch(/confident 0\.000/);
      const both = run('--confidence', doubting, '--rule-only');
      expect(both.status).toBe(1);
      expect(both.stderr).toMatch(/exclude each other/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
