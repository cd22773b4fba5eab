import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load.js';
import { Engine } from '../../src/engine.js';
import { DEFAULT_ASK_WEIGHTS, PASSAGE_FEATURES, parseWeights } from '../../src/search/ask-model.js';
import { scorePool } from '../../src/search/answer.js';
import { PassageIndex } from '../../src/search/index.js';
import {
  CORRECTION_FEATURES,
  chooseCorrection,
  correctedScore,
  correctedTop1,
  correctionFeatures,
  fitCorrection,
  isNewsPool,
  isNewsStory,
  passageCues,
  passageFingerprint,
  type CorrectionGroup,
  type NewsCorrection,
} from '../../src/search/news-correction.js';
import { correctionGroup, correctionGroups } from '../../src/search/news-correction-train.js';
import { writeTempArchive } from '../../bench/fixtures.js';
import { parseArgs } from '../../bench/train-news-correction.js';
import { cacheKey, readCache } from '../../bench/study-news-correction.js';
import { readNewsQuestions, refuseUnseen, type NewsQuestion } from '../../bench/news-ask.js';
import { parseArticle } from '../../src/archive/parse.js';
import { renderArticleFile } from '../../src/import/write.js';
import { ROOT } from '../spawn.js';

/** A pool as the news lead pattern makes it: the lead restates the question untyped and scores highest, a later typed paragraph answers. */
function leadGroup(leadScore: number, answerScore: number): CorrectionGroup {
  const lead = [leadScore, 1, 1, 0.9, 0, 0.9, 0];
  const answer = [answerScore, 0, 0, 0, 1, 0.9, -0.5];
  const other = [0.1, 1, 1, 0.3, 0, 0.4, 0];
  return { base: [leadScore, answerScore, 0.1], features: [lead, answer, other], positive: [false, true, false] };
}
/** A pool the passage model already gets right: the answering paragraph is on top. */
function easyGroup(): CorrectionGroup {
  return { base: [2, 0.5, 0.1], features: [[2, 1, 0, 0, 1, 0.8, 0], [0.5, 0, 0, 0.5, 1, 0.8, -0.3], [0.1, 0, 0, 0.2, 0, 0.3, 0]], positive: [true, false, false] };
}

describe('the news correction of the passage score (news-correction.ts)', () => {
  it('GIVEN pools where an untyped lead outscores the typed later paragraph that answers THEN the fit turns against the lead, for the typed paragraph, and puts the answer on top', () => {
    const groups = [leadGroup(1, 0.5), leadGroup(1.2, 0.4), leadGroup(0.9, 0.6), easyGroup()];
    const zero = new Array<number>(CORRECTION_FEATURES.length).fill(0);
    expect(correctedTop1(groups, zero)).toBe(1);
    const w = fitCorrection(groups, 0.01);
    expect(correctedTop1(groups, w)).toBe(4);
    const [, first = 0, leadUntyped = 0, , typed = 0] = w;
    expect(first + leadUntyped).toBeLessThan(0);
    expect(typed).toBeGreaterThan(0);
    // A strong L2 keeps the weights near 0.
    const strong = fitCorrection(groups, 100);
    expect(Math.max(...strong.map(Math.abs))).toBeLessThan(Math.max(...w.map(Math.abs)) / 10);
  });

  it('GIVEN pools where another story of the event outscores the asked-about story, which holds more of the question, and its echoing lead outscores its answering paragraph THEN the fit weighs the story\'s share of the question up and the echo against the story\'s best down', () => {
    // Features: score, articleFirst, leadUntyped, restateUntyped, typedPassage, articleOverlap, tlm:vsArticle.
    const sibling = (score: number): CorrectionGroup => ({
      base: [score, score - 0.3, score - 0.5],
      features: [
        [score, 1, 0, 0, 1, 0.5, 0], // another story's paragraph: typed, its story holds half the question
        [score - 0.3, 1, 0, 0, 1, 0.95, 0], // the asked-about story's lead: echoes the question best in its story
        [score - 0.5, 0, 0, 0, 1, 0.95, -0.6], // its answering paragraph: echoes the question less
      ],
      positive: [false, false, true],
    });
    const groups = [sibling(1), sibling(1.4), sibling(0.8), sibling(1.1), easyGroup()];
    const w = fitCorrection(groups, 0.01);
    expect(correctedTop1(groups, w)).toBe(groups.length);
    const [, , , , , story = 0, echo = 0] = w;
    expect(story).toBeGreaterThan(0);
    expect(echo).toBeLessThan(0);
  });

  it('GIVEN files that all show the pattern THEN leaving one out at a time picks a finite strength and the correction; GIVEN files it already gets right THEN no correction is kept', () => {
    const files = [
      [leadGroup(1, 0.5), leadGroup(1.1, 0.3), easyGroup()],
      [leadGroup(0.8, 0.5), leadGroup(1.3, 0.6), easyGroup()],
      [leadGroup(1, 0.2), easyGroup(), leadGroup(0.7, 0.6)],
    ];
    const choice = chooseCorrection(files);
    expect(Number.isFinite(choice.l2)).toBe(true);
    expect(choice.table.find((r) => r.l2 === choice.l2)?.total).toBeGreaterThan(choice.table.find((r) => r.l2 === Infinity)?.total ?? 0);
    expect(choice.after).toBeGreaterThan(choice.before);
    const none = chooseCorrection([[easyGroup(), easyGroup()], [easyGroup()]]);
    expect(none.l2).toBe(Infinity);
    expect(none.weights.every((x) => x === 0)).toBe(true);
    expect(() => chooseCorrection([[easyGroup()]])).toThrow(/at least two question files/);
  });

  it('GIVEN the strength chosen by leaving one question out THEN each held-out outcome is that of a fit without the question (from scratch), and the rule takes the strongest strength with the best total, or (one-se) the strongest within one standard error of it', () => {
    const files = [
      [leadGroup(1, 0.5), leadGroup(1.1, 0.3), easyGroup(), leadGroup(1.4, 0.2)],
      [leadGroup(0.8, 0.5), leadGroup(1.3, 0.6), easyGroup()],
      [leadGroup(1, 0.2), easyGroup(), leadGroup(0.7, 0.6)],
    ];
    const all = files.flat();
    const strengths = [Infinity, 1, 0.1, 0.01];
    const byQuestion = chooseCorrection(files, strengths, 'question', 'one-se');
    expect(byQuestion.validation).toBe('question');
    expect(byQuestion.rule).toBe('one-se');
    for (const row of byQuestion.table) {
      if (!Number.isFinite(row.l2)) continue;
      // Brute force: fit on every other question from zero weights, score the one left out.
      const outcomes = all.map((g, i) => correctedTop1([g], fitCorrection(all.filter((_, j) => j !== i), row.l2, 2000)));
      let at = 0;
      const perFile = files.map((f) => {
        const right = outcomes.slice(at, at + f.length).reduce((a, b) => a + b, 0);
        at += f.length;
        return right;
      });
      expect(row.heldOut).toEqual(perFile);
    }
    // The rule: the strongest strength whose total reaches the best less one standard error.
    const top = byQuestion.table.reduce((a, r) => (r.total > a.total ? r : a));
    const p = top.total / all.length;
    expect(top.se).toBeCloseTo(Math.sqrt(all.length * p * (1 - p)), 10);
    expect(byQuestion.threshold).toBeCloseTo(top.total - top.se, 10);
    const chosen = byQuestion.table.find((r) => r.l2 === byQuestion.l2);
    expect(chosen?.total).toBeGreaterThanOrEqual(byQuestion.threshold);
    for (const r of byQuestion.table) if (r.l2 > byQuestion.l2) expect(r.total).toBeLessThan(byQuestion.threshold);
    // A pool nothing can fix (the right passage's features are the wrong one's, its score lower) in
    // each file: the best total is no longer perfect, its standard error is not 0, and a stronger
    // strength one question behind the best is taken.
    const hopeless = (): CorrectionGroup => ({ base: [1, 0.5], features: [[1, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0]], positive: [false, true] });
    const noisy = chooseCorrection(files.map((f) => [...f, hopeless()]), strengths, 'question', 'one-se');
    expect(noisy.table.map((r) => r.total)).toEqual([3, 9, 10, 10]);
    expect(noisy.threshold).toBeCloseTo(10 - Math.sqrt(13 * (10 / 13) * (3 / 13)), 10);
    expect(noisy.l2).toBe(1);
    // The default rule: the best total, the stronger of the tied strengths.
    const best = chooseCorrection(files.map((f) => [...f, hopeless()]), strengths);
    expect(best.rule).toBe('best');
    expect(best.validation).toBe('question');
    expect(best.threshold).toBe(10);
    expect(best.l2).toBe(0.1);
  });

  it('GIVEN the strength chosen by leaving one file out (--validate file) THEN each file\'s held-out count is that of a fit on the other files (from scratch), and the choice reads those counts', () => {
    // The third file's pools are ones the other files cannot teach (a lead that scores far above its answer).
    const files = [
      [leadGroup(1, 0.5), leadGroup(1.1, 0.3), easyGroup()],
      [leadGroup(0.8, 0.5), leadGroup(1.3, 0.6), easyGroup()],
      [leadGroup(4, 0.1), leadGroup(3, 0.2), easyGroup()],
    ];
    const strengths = [Infinity, 1, 0.1, 0.01];
    const byFile = chooseCorrection(files, strengths, 'file');
    expect(byFile.validation).toBe('file');
    for (const row of byFile.table) {
      const perFile = files.map((test, k) => {
        // Brute force: no correction at Infinity, else a fit on every other file from zero weights.
        const w = Number.isFinite(row.l2) ? fitCorrection(files.filter((_, j) => j !== k).flat(), row.l2, 2000) : new Array<number>(CORRECTION_FEATURES.length).fill(0);
        return correctedTop1(test, w);
      });
      expect(row.heldOut).toEqual(perFile);
      expect(row.total).toBe(perFile.reduce((a, b) => a + b, 0));
    }
    // Not what leaving one question out gives: the folds differ.
    const byQuestion = chooseCorrection(files, strengths, 'question');
    expect(byFile.table.map((r) => r.heldOut)).not.toEqual(byQuestion.table.map((r) => r.heldOut));
    const top = Math.max(...byFile.table.map((r) => r.total));
    expect(byFile.threshold).toBe(top);
    expect(byFile.l2).toBe(byFile.table.find((r) => r.total === top)?.l2);
  });

  it('GIVEN a weights file THEN a correction is checked on reading, and the score it gives is the passage score plus its weighted features (none: unchanged)', () => {
    const correction: NewsCorrection = { features: [...CORRECTION_FEATURES], weights: [0, -1, 0, 0, 2, 0, 0], l2: 0.01, trainedOn: 'test', passage: passageFingerprint(DEFAULT_ASK_WEIGHTS.passage) };
    const read = parseWeights(JSON.parse(JSON.stringify({ ...DEFAULT_ASK_WEIGHTS, newsCorrection: correction })));
    expect(read.newsCorrection?.weights).toEqual([0, -1, 0, 0, 2, 0, 0]);
    // Fit over another passage model (its first feature is that model's score): refused.
    const otherPassage = { ...DEFAULT_ASK_WEIGHTS.passage, weights: DEFAULT_ASK_WEIGHTS.passage.weights.map((w) => w + 0.5) };
    expect(() => parseWeights(JSON.parse(JSON.stringify({ ...DEFAULT_ASK_WEIGHTS, passage: otherPassage, newsCorrection: correction })))).toThrow(/fit over another passage model; fit it again with npm run train:news-correction/);
    expect(() => parseWeights(JSON.parse(JSON.stringify({ ...DEFAULT_ASK_WEIGHTS, newsCorrection: { ...correction, passage: '' } })))).toThrow(/fingerprint of the passage model/);
    const cues = passageCues(PASSAGE_FEATURES);
    const x = correctionFeatures(new Array<number>(40).fill(0), cues, 0.5, 'person', true);
    expect(x).toEqual([0.5, 0, 0, 0, 0, 0, 0]);
    // Each cue read from its own passage feature: the story's share of the question, the paraphrase against the story's best.
    const named = new Array<number>(PASSAGE_FEATURES.length).fill(0);
    named[PASSAGE_FEATURES.indexOf('articleFirst')] = 1;
    named[PASSAGE_FEATURES.indexOf('overlap')] = 0.6;
    named[PASSAGE_FEATURES.indexOf('articleOverlap')] = 0.8;
    named[PASSAGE_FEATURES.indexOf('tlm:vsArticle')] = -0.25;
    expect(correctionFeatures(named, cues, 0.5, 'person', true)).toEqual([0.5, 1, 1, 0.6, 0, 0.8, -0.25]);
    expect(correctionFeatures(named, cues, 0.5, 'other', true)).toEqual([0.5, 1, 0, 0, 0, 0.8, -0.25]);
    expect(correctedScore(undefined, [], cues, 0.7, 'person', true)).toBe(0.7);
    const plain = new Array<number>(40).fill(1);
    expect(correctedScore(correction, plain, cues, 0.7, 'person', true)).toBeCloseTo(0.7 - 1 + 2);
    // A text without a headline (a reference article, not a news story) is not corrected.
    expect(correctedScore(correction, plain, cues, 0.7, 'person', false)).toBe(0.7);
    expect(correctionFeatures(plain, cues, 0.7, 'person', false)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(() => passageCues(['score'])).toThrow(/the passage features have no articleFirst/);
    const bad = (c: unknown): unknown => JSON.parse(JSON.stringify({ ...DEFAULT_ASK_WEIGHTS, newsCorrection: c }));
    expect(() => parseWeights(bad({ ...correction, features: ['score'] }))).toThrow(/news correction: features differ from the code's \(the file has 1 of the code's \d+; the code's next is "articleFirst"\); fit it again with npm run train:news-correction/);
    expect(() => parseWeights(bad({ ...correction, weights: [1, 2] }))).toThrow(/news correction: needs 7 finite weights/);
    expect(() => parseWeights(bad({ ...correction, l2: -1 }))).toThrow(/l2 must be a number of 0 or more/);
    expect(() => parseWeights(bad('yes'))).toThrow(/news correction: not an object/);
  });
});

describe('which pools the news correction reads (isNewsPool): decided once per pool, from what every news loader sets', () => {
  const parsed = (raw: string) => parseArticle('x', raw).article;
  const imported = parsed(renderArticleFile({ title: 'Harbour fees to rise', date: '2005-01-10', url: 'https://news.example/fees', paragraphs: ['The harbour board will raise mooring fees next year.', 'The new fee is 40 dollars a night.'] }));
  const importedTitleOnly = parsed(renderArticleFile({ title: 'Harbour fees to rise', date: '2005-01-10', paragraphs: ['The harbour board will raise mooring fees next year.', 'The new fee is 40 dollars a night.'] }));
  const wire = parsed('date 1987-03-20\nSALOMON SAID IT RECEIVED SUBPOENA\n\nNEW YORK, March 20 - Salomon said it was subpoenaed.\n\nIt will comply.');
  const reference = parsed('date 2020-01-01\n\nThe Riverton harbor was built in 1888 by the Lakeside Shipping Company, which ran it for a century.\n\nFerries leave every hour.');
  const byline = parsed('By John Smith\n\nThe harbour board will raise mooring fees next year.');
  const heading = parsed('# Meeting notes\n\nWe discussed the harbour fees.');

  it('GIVEN an article written by import (front-matter title and link, or title alone) or a wire story with a headline line THEN it is a news story; a dated reference text, a byline-first or a "# heading" file without a date is not', () => {
    expect(imported.headline).toBe(false);
    expect(isNewsStory(imported)).toBe(true);
    expect(isNewsStory(importedTitleOnly)).toBe(true);
    expect(isNewsStory(wire)).toBe(true);
    expect(isNewsStory(reference)).toBe(false);
    expect(isNewsStory(byline)).toBe(false);
    expect(isNewsStory(heading)).toBe(false);
  });

  it('GIVEN a pool THEN it is corrected as a whole when most of its stories are news, never passage by passage', () => {
    expect(isNewsPool([imported, wire, reference])).toBe(true);
    expect(isNewsPool([imported, reference, byline])).toBe(false);
    expect(isNewsPool([])).toBe(false);
  });
});

describe('the unseen measures are never trained on (bench/news-ask.ts refuseUnseen)', () => {
  it('GIVEN an unseen file by name, or training questions that share a story or an id with one THEN refused with the file named; a training file passes', () => {
    const unseen = readNewsQuestions(join(ROOT, 'bench', 'news-questions-2.jsonl'));
    expect(() => refuseUnseen('somewhere/news-questions-5.jsonl', [])).toThrow(/is an unseen measure/);
    expect(() => refuseUnseen('bench/news-questions-10.jsonl', [])).toThrow(/is an unseen measure/);
    expect(() => refuseUnseen('bench/news-questions-11.jsonl', [])).toThrow(/is an unseen measure/);
    const fourth = readNewsQuestions(join(ROOT, 'bench', 'news-questions-10.jsonl'));
    expect(() => refuseUnseen('mine.jsonl', [{ ...(unseen[1] as NewsQuestion), id: (fourth[0] as NewsQuestion).id, article: 'bbc-none-000' }])).toThrow(/belongs to the unseen measure news-questions-10\.jsonl/);
    const copied = [{ ...(unseen[0] as NewsQuestion), id: 'x99' }];
    expect(() => refuseUnseen('mine.jsonl', copied)).toThrow(/mine\.jsonl: question x99 \(.+\) belongs to the unseen measure news-questions-2\.jsonl: never train on it/);
    expect(() => refuseUnseen('bench/news-questions-4.jsonl', readNewsQuestions(join(ROOT, 'bench', 'news-questions-4.jsonl')))).not.toThrow();
  });
});

/** A tiny news archive: each lead restates its question, a later paragraph answers. */
const STORIES: Array<[string, string]> = [
  ['fees', 'date 2005-01-10\nHarbour fees to rise\n\nThe Riverton harbour board will raise mooring fees at the Riverton harbour next year, the harbour board said.\n\nBoard chairman Tom Baker said the new fee would be 40 dollars a night from April.\n\nSailors have complained for years about the state of the pier.'],
  ['ferry', 'date 2005-01-11\nFerry service cut\n\nThe Pine Island ferry service will be cut back this winter, the ferry company said on Monday.\n\nThe company said only 3 crossings a day would run from December, down from 8.\n\nIslanders said they would protest at the town hall.'],
  ['museum', 'date 2005-01-12\nMuseum names director\n\nThe Riverton maritime museum has named a new museum director after a long search.\n\nThe trustees chose Ada Berg, a curator from Oslo, who starts in March.\n\nThe museum reopens next month after repairs.'],
  ['bridge', 'date 2005-01-13\nBridge repairs delayed\n\nRepairs to the Riverton bridge have been delayed again, the council said.\n\nCouncil engineer Omar Haddad said work would now start on 14 June.\n\nDrivers must use the ferry until then.'],
];
const archiveDir = writeTempArchive('k18-news-corr', STORIES);
const corpus = basename(archiveDir);
const tmp = mkdtempSync(join(tmpdir(), 'k18-news-corr-'));
afterAll(() => {
  rmSync(archiveDir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});
const line = (id: string, article: string, type: string, question: string, answer: string): string => JSON.stringify({ id, corpus, article, type, question, answers: [answer] });
const FILE_A = join(tmp, 'a.jsonl');
const FILE_B = join(tmp, 'b.jsonl');
writeFileSync(FILE_A, [line('a1', 'fees', 'number', 'How much will the new mooring fee at the Riverton harbour be?', '40 dollars'), line('a2', 'ferry', 'number', 'How many Pine Island ferry crossings will run each day this winter?', '3 crossings')].join('\n') + '\n');
writeFileSync(FILE_B, [line('b1', 'museum', 'person', 'Who is the new director of the Riverton maritime museum?', 'Ada Berg'), line('b2', 'bridge', 'time', 'When will the delayed Riverton bridge repairs start?', '14 June')].join('\n') + '\n');

describe('the news correction trained on a tiny archive (news-correction-train.ts, npm run train:news-correction)', () => {
  const archive = loadArchive(archiveDir);
  const engine = new Engine(archive, PassageIndex.build(archive.articles));

  it('GIVEN a news question THEN its group is the pool ask re-ranks, scored by the passage model without a correction, right only at the answering paragraph, the lead marked as its story\'s first', () => {
    const g = { question: 'How much will the new mooring fee at the Riverton harbour be?', article: 'fees', answers: ['40 dollars'] };
    const group = correctionGroup(engine, g, DEFAULT_ASK_WEIGHTS);
    expect(group).toBeDefined();
    const { q, pool } = engine.askPool(g.question, 20);
    const { newsCorrection: _correction, ...uncorrected } = DEFAULT_ASK_WEIGHTS;
    const scored = scorePool(engine.index, pool, q, uncorrected);
    expect(group?.base).toEqual(scored.map((s) => s.score));
    // The committed weights carry a correction, and ask's scores of these news paragraphs are corrected ones.
    expect(DEFAULT_ASK_WEIGHTS.newsCorrection).toBeDefined();
    expect(scorePool(engine.index, pool, q, DEFAULT_ASK_WEIGHTS).map((s) => s.score)).not.toEqual(group?.base);
    expect(q.type).toBe('number');
    const right = pool.filter((_, i) => group?.positive[i]).map((r) => engine.index.passageText(r.passage));
    expect(right).toEqual([expect.stringContaining('40 dollars a night')]);
    const lead = pool.findIndex((r) => engine.index.passageText(r.passage).startsWith('The Riverton harbour board'));
    expect(group?.features[lead]?.[1]).toBe(1);
    expect(() => correctionGroup(engine, { ...g, article: 'no-such-story' }, DEFAULT_ASK_WEIGHTS)).toThrow(/article no-such-story is not in its archive/);
  });

  it('GIVEN two question files and their corpus THEN the script reports the leave-one-question-out table and writes weights that read back', () => {
    const out = join(tmp, 'w.json');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-news-correction.ts'), '--news', `${FILE_A},${FILE_B}`, '--news-corpus', archiveDir, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/4 questions asked from a\.jsonl, b\.jsonl/);
    expect(r.stdout).toMatch(/leave one question out/);
    expect(r.stdout).toMatch(/l2 Infinity +\d+ \/ \d+ +total \d+ \(se [\d.]+\)/);
    const written = parseWeights(JSON.parse(readFileSync(out, 'utf8')));
    expect(written.passage).toEqual(DEFAULT_ASK_WEIGHTS.passage);
    // Every lead here restates its question and a later paragraph answers: the fixture's pattern is
    // the one the correction learns, so a strength beats none on the left-out questions and it is kept.
    const total = (l2: string): number => Number(new RegExp(`l2 ${l2} +[\\d /]+ total (\\d+)`).exec(r.stdout)?.[1]);
    const chosen = /l2 ([\d.]+) +[\d /]+ total (\d+) \(se [\d.]+\) {2}<- chosen/.exec(r.stdout);
    expect(chosen).not.toBeNull();
    expect(Number(chosen?.[2])).toBeGreaterThan(total('Infinity'));
    const [, before = 0, after = 0] = (/right passage on top (\d+) -> (\d+) of 4/.exec(r.stdout) ?? []).map(Number);
    expect(after).toBeGreaterThan(before);
    expect(r.stdout).not.toMatch(/written without one/);
    expect(written.newsCorrection?.l2).toBe(Number(chosen?.[1]));
    expect(written.newsCorrection?.trainedOn).toBe(`a.jsonl, b.jsonl (4 questions, l2 ${chosen?.[1]} by leave-one-question-out)`);
    expect(written.newsCorrection?.passage).toBe(passageFingerprint(DEFAULT_ASK_WEIGHTS.passage));
  });

  it('GIVEN weights holding a stale correction (another feature list) THEN the script drops it and fits a new one', () => {
    const stale = join(tmp, 'stale.json');
    writeFileSync(stale, JSON.stringify({ ...DEFAULT_ASK_WEIGHTS, newsCorrection: { ...DEFAULT_ASK_WEIGHTS.newsCorrection, features: ['an old cue'] } }));
    expect(() => parseWeights(JSON.parse(readFileSync(stale, 'utf8')))).toThrow();
    const out = join(tmp, 'refit.json');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-news-correction.ts'), '--news', `${FILE_A},${FILE_B}`, '--news-corpus', archiveDir, '--weights', stale, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(parseWeights(JSON.parse(readFileSync(out, 'utf8'))).newsCorrection?.features).not.toContain('an old cue');
  });

  it('GIVEN --validate file THEN the script leaves one file out at a time and says so in the table and the weights file', () => {
    const out = join(tmp, 'w-file.json');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-news-correction.ts'), '--news', `${FILE_A},${FILE_B}`, '--news-corpus', archiveDir, '--validate', 'file', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^leave one file out \(/m);
    // The table is chooseCorrection's by file over these questions' groups, which here is not the by-question one.
    const groups = [FILE_A, FILE_B].map((f) => correctionGroups([{ engine, questions: readNewsQuestions(f) }], DEFAULT_ASK_WEIGHTS));
    const byFile = chooseCorrection(groups, undefined, 'file');
    const rows = [...r.stdout.matchAll(/^ {2}l2 (\S+) +([\d /]+?) +total (\d+)/gm)].map((m) => ({ l2: Number(m[1]), heldOut: (m[2] ?? '').split(' / ').map(Number), total: Number(m[3]) }));
    expect(rows).toEqual(byFile.table.map(({ l2, heldOut, total }) => ({ l2, heldOut, total })));
    expect(chooseCorrection(groups, undefined, 'question').table.map((t) => t.heldOut)).not.toEqual(rows.map((t) => t.heldOut));
    const written = parseWeights(JSON.parse(readFileSync(out, 'utf8')));
    expect(Number.isFinite(byFile.l2)).toBe(true);
    expect(written.newsCorrection?.l2).toBe(byFile.l2);
    expect(written.newsCorrection?.weights).toEqual(byFile.weights);
    expect(written.newsCorrection?.trainedOn).toBe(`a.jsonl, b.jsonl (4 questions, l2 ${byFile.l2} by leave-one-file-out)`);
  });

  it('GIVEN a bad command line or a bad file THEN a clear message and exit 1, nothing written', () => {
    expect(() => parseArgs(['--news', FILE_A, '--news-corpus', archiveDir])).toThrow(/at least two question files/);
    expect(() => parseArgs(['--news', `${FILE_A},${FILE_B}`])).toThrow(/--news-corpus DIR\[,DIR\] is needed/);
    expect(() => parseArgs(['--news', `${FILE_A},${FILE_B}`, '--news-corpus', archiveDir, '--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseArgs(['--news', `${FILE_A},${FILE_B}`, '--news', FILE_A, '--news-corpus', archiveDir])).toThrow(/--news is given twice/);
    expect(() => parseArgs(['--news'])).toThrow(/--news needs a value/);
    expect(() => parseArgs(['--news', `${FILE_A},${FILE_B}`, '--news-corpus', archiveDir, '--validate', 'fold'])).toThrow(/--validate must be question or file \(got fold\)/);
    expect(parseArgs(['--news', `${FILE_A},${FILE_B}`, '--news-corpus', archiveDir, '--validate', 'file']).validate).toBe('file');
    expect(parseArgs(['--news', `${FILE_A},${FILE_B}`, '--news-corpus', archiveDir]).validate).toBe('question');
    expect(() => parseArgs(['--news', `${FILE_A},${FILE_B}`, '--news-corpus', archiveDir, '--rule', 'median'])).toThrow(/--rule must be best or one-se \(got median\)/);
    expect(parseArgs(['--news', `${FILE_A},${FILE_B}`, '--news-corpus', archiveDir, '--rule', 'one-se']).rule).toBe('one-se');
    expect(parseArgs(['--news', `${FILE_A},${FILE_B}`, '--news-corpus', archiveDir]).rule).toBe('best');
    const broken = join(tmp, 'broken.jsonl');
    writeFileSync(broken, `${line('c1', 'fees', 'number', 'How much?', '40 dollars')}\n{"id": "c2", "corpus": "${corpus}"\n`);
    const out = join(tmp, 'never.json');
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-news-correction.ts'), ...args, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    const bad = run('--news', `${FILE_A},${broken}`, '--news-corpus', archiveDir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/broken\.jsonl:2: not JSON/);
    const unseen = run('--news', `${FILE_A},${join(ROOT, 'bench', 'news-questions-2.jsonl')}`, '--news-corpus', archiveDir);
    expect(unseen.status).toBe(1);
    expect(unseen.stderr).toMatch(/news-questions-2\.jsonl is an unseen measure/);
    const other = run('--news', `${FILE_A},${FILE_B}`, '--news-corpus', '/tmp/some-other-corpus');
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/which no --news-corpus folder is named/);
    expect(() => readFileSync(out)).toThrow();
  }, 120_000); // three spawned scripts on two shared cores
});

// study-news-correction's --cache: pools asked with one first stage are never read as another's.
describe('the study cache is keyed by the weights and the news files', () => {
  it('GIVEN a cache made with other weights, other files or no key THEN refused naming what differs; the same key THEN its pools', () => {
    const key = cacheKey('{"version":1}', ['a.jsonl', 'b.jsonl'], ['/corpus/x']);
    const text = JSON.stringify({ key, pools: [[1], [2]] });
    expect(readCache<number[][]>('c.json', text, cacheKey('{"version":1}', ['a.jsonl', 'b.jsonl'], ['/corpus/x']))).toEqual([[1], [2]]);
    expect(() => readCache('c.json', text, cacheKey('{"version":2}', ['a.jsonl', 'b.jsonl'], ['/corpus/x']))).toThrow(/c\.json was made with other weights/);
    expect(() => readCache('c.json', text, cacheKey('{"version":1}', ['a.jsonl'], ['/corpus/x']))).toThrow(/c\.json was made with other files \(cache \["a\.jsonl","b\.jsonl"\]; now \["a\.jsonl"\]\)/);
    expect(() => readCache('c.json', JSON.stringify([[1], [2]]), key)).toThrow(/c\.json holds no cache key/);
  });
});
