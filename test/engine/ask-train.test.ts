import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASK_WEIGHTS, OPEN_SPAN_FEATURES, parseWeights, PASSAGE_FEATURES, PICK_ONLY_SENTENCE_FEATURES, SENTENCE_FEATURES, SPAN_FEATURES, spanScore, trainConditionalLogit, type Group } from '../../src/search/ask-model.js';
import { answerScores, goldSentences, holdsAnswer, normalizeAnswer, sentenceGroup, trainAskWeights, trainSpanWeights, type GoldQuestion } from '../../src/search/ask-train.js';
import type { AnswerType } from '../../src/search/question.js';
import { ROOT } from '../spawn.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

/** A tiny reading-comprehension set, written for this test, in the shape of the SQuAD files. */
const DOCS = [
  {
    id: 'harbor',
    paragraphs: [
      'The Riverton harbor was built in 1888 by the Lakeside Shipping Company. It is the oldest harbor on the lake.',
      'Ferries leave the harbor every hour for Pine Island. The crossing takes forty minutes and costs 6 dollars.',
      'In 2015 the harbor was closed for repairs after a storm damaged the pier.',
    ],
  },
  {
    id: 'library',
    paragraphs: [
      'The Riverton library holds 120,000 books. It was designed by the architect Maria Lund.',
      'The library opened on 4 May 1921. Its reading room seats 200 people.',
    ],
  },
];
const QUESTIONS = [
  { question: 'When was the Riverton harbor built?', doc_id: 'harbor', paragraph_index: 0, answers: ['1888'] },
  { question: 'Who built the Riverton harbor?', doc_id: 'harbor', paragraph_index: 0, answers: ['Lakeside Shipping Company'] },
  { question: 'Where do ferries from the harbor go?', doc_id: 'harbor', paragraph_index: 1, answers: ['Pine Island'] },
  { question: 'How much does the ferry crossing cost?', doc_id: 'harbor', paragraph_index: 1, answers: ['6 dollars'] },
  { question: 'How long does the crossing take?', doc_id: 'harbor', paragraph_index: 1, answers: ['forty minutes'] },
  { question: 'Why was the harbor closed in 2015?', doc_id: 'harbor', paragraph_index: 2, answers: ['after a storm damaged the pier'] },
  { question: 'How many books does the library hold?', doc_id: 'library', paragraph_index: 0, answers: ['120,000'] },
  { question: 'Who designed the Riverton library?', doc_id: 'library', paragraph_index: 0, answers: ['Maria Lund'] },
  { question: 'When did the library open?', doc_id: 'library', paragraph_index: 1, answers: ['4 May 1921'] },
  { question: 'How many people does the reading room seat?', doc_id: 'library', paragraph_index: 1, answers: ['200'] },
];

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ask-train-'));
  writeFileSync(join(tmp, 'docs.jsonl'), DOCS.map((d) => JSON.stringify(d)).join('\n'));
  writeFileSync(join(tmp, 'questions.jsonl'), QUESTIONS.map((q) => JSON.stringify(q)).join('\n'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ask weights', () => {
  it('GIVEN the committed weights THEN they load and name the features the code computes', () => {
    expect(DEFAULT_ASK_WEIGHTS.sentence.features).toEqual([...SENTENCE_FEATURES]);
    expect(DEFAULT_ASK_WEIGHTS.trainedOn).toMatch(/squad/i);
  });

  it('GIVEN weights for other features or with a bad number THEN loading says to retrain', () => {
    const changed = { ...DEFAULT_ASK_WEIGHTS, sentence: { features: ['overlap'], weights: [1] } };
    expect(() => parseWeights(changed)).toThrow(/sentence features differ.*npm run train:ask/);
    const bad = { ...DEFAULT_ASK_WEIGHTS, passage: { ...DEFAULT_ASK_WEIGHTS.passage, weights: DEFAULT_ASK_WEIGHTS.passage.weights.map(() => Number.NaN) } };
    expect(() => parseWeights(JSON.parse(JSON.stringify(bad)))).toThrow(/passage needs \d+ finite numbers/);
    expect(() => parseWeights(null)).toThrow(/not an object/);
  });
});

describe('training', { timeout: 120_000 }, () => { // spawned scripts on two shared cores
  it('GIVEN groups where one feature marks the right item THEN the conditional logit learns a positive weight for it', () => {
    const groups = Array.from({ length: 50 }, (_, i) => ({
      features: [[1, i % 3], [0, (i + 1) % 3], [0, (i + 2) % 3]],
      positive: [true, false, false],
    }));
    const w = trainConditionalLogit(groups, 2);
    expect(w[0]).toBeGreaterThan(1);
    expect(Math.abs(w[1] ?? 0)).toBeLessThan(w[0] ?? 0);
  });

  it('GIVEN span groups where a context feature marks the right candidate THEN only open questions learn it; typed ones keep it at 0', () => {
    const at = (name: string): number => SPAN_FEATURES.indexOf(name as (typeof SPAN_FEATURES)[number]);
    const vector = (on: string[]): number[] => SPAN_FEATURES.map((f) => (on.includes(f) ? 1 : 0));
    const groups = (kind: string): Group[] =>
      Array.from({ length: 40 }, (_, i) => ({
        features: [vector(['boundaryRight', kind]), vector(i % 2 ? [kind] : ['phrase']), vector(['phrase', 'length2'])],
        positive: [true, false, false],
      }));
    const byType = new Map<AnswerType, Group[]>([['other', groups('phrase')], ['person', groups('name')]]);
    const { weights } = trainSpanWeights(byType);
    expect(weights.other[at('boundaryRight')]).toBeGreaterThan(0.5);
    expect(Math.abs(weights.person[at('boundaryRight')] ?? 1)).toBe(0);
    for (const t of ['person', 'time', 'number', 'place', 'cause'] as const) {
      for (const f of OPEN_SPAN_FEATURES) expect(Math.abs(DEFAULT_ASK_WEIGHTS.span.weights[t][at(f)] ?? 1)).toBe(0);
    }
  });

  it('GIVEN open-question span groups whose right candidate no weighted sum can pick THEN boosted trees learn it, and the weights file keeps them', () => {
    const vector = (on: string[]): number[] => SPAN_FEATURES.map((f) => (on.includes(f) ? 1 : 0));
    // Right: a name right after the question's word, or a plain phrase that is not; never the other two.
    const groups: Group[] = Array.from({ length: 200 }, (_, i) =>
      i % 2
        ? { features: [vector(['name', 'adjacentAfter']), vector(['name']), vector(['phrase', 'adjacentAfter'])], positive: [true, false, false] }
        : { features: [vector(['phrase']), vector(['phrase', 'adjacentAfter']), vector(['name'])], positive: [true, false, false] },
    );
    const linear = trainSpanWeights(new Map<AnswerType, Group[]>([['other', groups]]));
    const boosted = trainSpanWeights(new Map<AnswerType, Group[]>([['other', groups]]), ['other']);
    expect(linear.trees.other).toBeUndefined();
    expect(boosted.trees.other?.length).toBeGreaterThan(0);
    const weights = { ...DEFAULT_ASK_WEIGHTS, span: { ...DEFAULT_ASK_WEIGHTS.span, weights: boosted.weights, trees: boosted.trees } };
    const picks = (g: Group): number => g.features.map((x) => spanScore(weights.span, 'other', x)).reduce((best, s, i, all) => (s > (all[best] ?? -Infinity) ? i : best), 0);
    const linearOnly = { ...weights, span: { ...weights.span, weights: linear.weights, trees: {} } };
    const linearPicks = (g: Group): number => g.features.map((x) => spanScore(linearOnly.span, 'other', x)).reduce((best, s, i, all) => (s > (all[best] ?? -Infinity) ? i : best), 0);
    expect(groups.filter((g) => linearPicks(g) === 0).length).toBeLessThan(groups.length);
    expect(groups.filter((g) => picks(g) === 0).length).toBe(groups.length);
    expect(parseWeights(JSON.parse(JSON.stringify(weights))).span.trees?.other?.length).toBe(boosted.trees.other?.length);
    expect(() => parseWeights(JSON.parse(JSON.stringify({ ...weights, span: { ...weights.span, trees: { sometimes: [] } } })))).toThrow(/span trees for an unknown answer type/);
  });

  it('GIVEN a tiny question set THEN retraining gives weights that load and answer its questions', () => {
    const dir = writeArchive(Object.fromEntries(DOCS.map((d) => [`${d.id}.txt`, `date 2020-01-01\n\n${d.paragraphs.join('\n\n')}\n`])));
    try {
      const engine = engineFor(dir);
      const gold: GoldQuestion[] = QUESTIONS.map((q) => ({ question: q.question, article: q.doc_id, paragraph: q.paragraph_index + 1, answers: q.answers }));
      const { weights, report } = trainAskWeights(engine, gold, 'tiny fixture');
      expect(report.questions).toBe(QUESTIONS.length);
      expect(report.sentenceGroups).toBe(QUESTIONS.length);
      expect(weights.pick?.features).toEqual([...SENTENCE_FEATURES]);
      expect(report.pickAccuracy).toBeGreaterThan(0);
      // The pick-only features: the pick model learns them, the sentence model (read by the passage model) never does.
      const pickOnly = PICK_ONLY_SENTENCE_FEATURES.map((f) => SENTENCE_FEATURES.indexOf(f));
      expect(pickOnly.some((k) => (weights.pick?.weights[k] ?? 0) !== 0)).toBe(true);
      expect(pickOnly.map((k) => weights.sentence.weights[k])).toEqual(pickOnly.map(() => 0));
      for (const tree of weights.sentence.trees ?? []) expect(tree.feature.filter((k) => pickOnly.includes(k))).toEqual([]);
      expect(trainAskWeights(engine, gold, 'tiny fixture', { pick: false, trees: false }).weights.pick).toBeUndefined();
      expect(parseWeights(JSON.parse(JSON.stringify(weights)))).toEqual(weights);
      engine.askWeights = weights;
      const r = engine.ask({ question: 'Who designed the Riverton library?' });
      expect(r.hits[0]?.answerSpan?.text).toBe('Maria Lund');
    } finally {
      removeDir(dir);
    }
  });

  it('GIVEN a gold paragraph longer than one passage whose answer stands in a later window THEN the gold sentences are that window\'s (ask chooses within any window)', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `The harbor board met again in week ${i + 1} and talked about the weather and the boats.`).join(' ');
    const long = `${filler} The new pier was opened by mayor Tom Hale in 1999.`;
    const dir = writeArchive({ 'pier.txt': `date 2020-01-01\n\n${long}\n` });
    try {
      const engine = engineFor(dir);
      expect(engine.index.articlePassages(0).length).toBeGreaterThan(1);
      const g: GoldQuestion = { question: 'Who opened the new pier?', article: 'pier', paragraph: 1, answers: ['Tom Hale'] };
      const { q } = engine.askPool(g.question, 20);
      const gold = goldSentences(engine, g, q);
      expect(gold?.positive.some(Boolean)).toBe(true);
    } finally {
      removeDir(dir);
    }
  });

  it('GIVEN other retrieved passages THEN the sentence group adds their sentences as wrong items, but none that holds the answer text', () => {
    const dir = writeArchive(Object.fromEntries(DOCS.map((d) => [`${d.id}.txt`, `date 2020-01-01\n\n${d.paragraphs.join('\n\n')}\n`])));
    try {
      const engine = engineFor(dir);
      // "harbor" is in every harbor paragraph, so the pool holds all three.
      const g: GoldQuestion = { question: 'When did the Riverton harbor close for repairs?', article: 'harbor', paragraph: 1, answers: ['2015'] };
      const { q, pool } = engine.askPool(g.question, 20);
      const gold = goldSentences(engine, g, q);
      expect(gold?.positive).toEqual([false, false]);
      // A second answer text that a sentence of the first paragraph holds ("It is the oldest harbor on the lake.").
      const g2: GoldQuestion = { ...g, paragraph: 3, answers: ['2015', 'oldest harbor'] };
      const own = goldSentences(engine, g2, q);
      expect(own?.positive).toEqual([true]);
      const group = sentenceGroup(engine, g2, q, pool, 4);
      expect(group?.positive[0]).toBe(true);
      expect(group?.positive.slice(1).every((p) => !p)).toBe(true);
      // The gold paragraph's one sentence, then the sentences of the other paragraphs that mention the harbor.
      const others = pool.filter((r) => engine.index.passages[r.passage]?.paragraph !== 3).slice(0, 4);
      const expected = others.flatMap((r) => engine.index.passageText(r.passage).split(/(?<=\.)\s+/)).filter((t) => !holdsAnswer(t, g2.answers));
      expect(expected.length).toBeLessThan(others.flatMap((r) => engine.index.passageText(r.passage).split(/(?<=\.)\s+/)).length);
      expect(group?.features.length).toBe(1 + expected.length);
      expect(sentenceGroup(engine, g2, q, pool, 0)?.features.length).toBe(1);
    } finally {
      removeDir(dir);
    }
  });

  it('GIVEN the npm script on data files THEN it writes a weights file the engine can load', () => {
    const out = join(tmp, 'weights.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts'), join(tmp, 'docs.jsonl'), join(tmp, 'questions.jsonl'), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/trained on 10 questions/);
    expect(run.stdout).toMatch(/sentence trees: \d+ \(validation top-1/);
    const written = parseWeights(JSON.parse(readFileSync(out, 'utf8')));
    expect(written.trainedOn).toBe('questions.jsonl (all)');
    expect(Array.isArray(written.sentence.trees) && Array.isArray(written.passage.trees)).toBe(true);
    expect(run.stdout).toMatch(/pick model \(the sentence shown, gold paragraphs only\): training accuracy \d/);
    expect(written.pick?.features).toEqual([...SENTENCE_FEATURES]);
    const linear = join(tmp, 'linear.json');
    const run2 = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts'), join(tmp, 'docs.jsonl'), join(tmp, 'questions.jsonl'), '--out', linear, '--linear'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run2.stdout).not.toMatch(/trees:/);
    const plain = parseWeights(JSON.parse(readFileSync(linear, 'utf8')));
    expect(plain.sentence.trees).toBeUndefined();
    expect(plain.sentence.weights).toEqual(written.sentence.weights);
  });

  it('GIVEN the script without its data paths THEN it says how to call it', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/usage: npm run train:ask -- DOCS.jsonl QUESTIONS.jsonl/);
  });

  it('GIVEN --sentence-pool with something other than a whole number THEN the script says what it needs', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts'), join(tmp, 'docs.jsonl'), join(tmp, 'questions.jsonl'), '--sentence-pool', 'two'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--sentence-pool needs a whole number/);
  });
});

describe('training the passage model alone', { timeout: 120_000 }, () => { // spawned scripts on two shared cores
  it('GIVEN --passage-only with a weights file THEN the sentence and span models are that file\'s and only the passage model is retrained', () => {
    const full = join(tmp, 'full.json');
    const base = DEFAULT_ASK_WEIGHTS;
    const kept = join(tmp, 'kept.json');
    // A base whose sentence and span models differ from anything training would give: scaled copies.
    const scaled = { ...base, sentence: { ...base.sentence, weights: base.sentence.weights.map((w) => w * 0.5) }, span: { ...base.span } };
    writeFileSync(kept, JSON.stringify(scaled));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts'), join(tmp, 'docs.jsonl'), join(tmp, 'questions.jsonl'), '--out', full, '--passage-only', kept], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/trained on 10 questions/);
    expect(run.stdout).toMatch(/sentence and span models kept from .*kept\.json/);
    const written = parseWeights(JSON.parse(readFileSync(full, 'utf8')));
    expect(written.sentence).toEqual(scaled.sentence);
    expect(written.span.weights).toEqual(base.span.weights);
    expect(written.passage.weights).not.toEqual(base.passage.weights);
    expect(written.passage.weights.some((w) => w !== 0)).toBe(true);
    // The kept models keep saying what they were trained on; only the passage model is new.
    // (The committed file of the three-step recipe also names its span-only step.)
    expect(written.trainedOn).toMatch(/^squad-questions-dev\.jsonl \(all\)(?:; span model: [^;]+)?; passage model: .+/);
  });

  it('GIVEN study:passages on a set with a held-out article THEN it reports held-out recall and the answer sentence for every feature set, and refuses an unknown feature', () => {
    const museum = { id: 'museum', paragraphs: ['The Riverton museum shows old ships and maps.', 'The museum was founded in 1902 by the painter Ada Berg.'] };
    const asks = [
      { question: 'Who founded the Riverton museum?', doc_id: 'museum', paragraph_index: 1, answers: ['Ada Berg'] },
      { question: 'When was the museum founded?', doc_id: 'museum', paragraph_index: 1, answers: ['1902'] },
    ];
    writeFileSync(join(tmp, 'docs3.jsonl'), [...DOCS, museum].map((d) => JSON.stringify(d)).join('\n'));
    writeFileSync(join(tmp, 'questions3.jsonl'), [...QUESTIONS, ...asks].map((q) => JSON.stringify(q)).join('\n'));
    const study = (...extra: string[]): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'study-passages.ts'), join(tmp, 'docs3.jsonl'), join(tmp, 'questions3.jsonl'), ...extra], { cwd: ROOT, encoding: 'utf8' });
    const run = study('--linear', '--without', 'siblings,uniqueCover');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/train 10 questions, held-out 2/);
    expect(run.stdout).toMatch(/label gold, without \[\] {2}linear\nall +n +2 +recall@1 [01]\.\d{3} +recall@5 [01]\.\d{3} +sentence [01]\.\d{3}/);
    expect(run.stdout).toMatch(/label gold, without \[siblings, uniqueCover\]/);
    const bad = study('--without', 'nope');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--without: no passage feature nope/);
    // The training variants: a second model over the first one's top 2, same-article groups, own weights for open questions, fit settings.
    const variants = study('--linear', '--rerank', '2', '--article-groups', '--split-other', '--epochs', '5', '--l2', '0.001');
    expect(variants.stderr).toBe('');
    expect(variants.stdout).toMatch(/rerank top 2: linear\n\nlabel gold, without \[\] {2}linear\nall +n +2 +recall@1 [01]\.\d{3} +recall@5 [01]\.\d{3} +sentence [01]\.\d{3}/);
    for (const [flag, value, message] of [
      ['--rerank', 'two', /--rerank needs a whole number ≥ 0 \(got two\)/],
      ['--epochs', '1.5', /--epochs needs a whole number/],
      ['--l2', '-1', /--l2 needs a number ≥ 0 \(got -1\)/],
    ] as const) {
      const refused = study(flag, value);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(message);
    }
  });

  it('GIVEN eval:ask --misses THEN each question whose answer sentence is lost is one JSON line with the winning and the gold passage and their named features, and the answered ones are not there', () => {
    const asks = [
      { question: 'When was the Riverton harbor built?', doc_id: 'harbor', paragraph_index: 0, answers: ['1888'] },
      // A gold answer no sentence holds: always lost.
      { question: 'Who designed the Riverton library?', doc_id: 'library', paragraph_index: 0, answers: ['a committee of citizens'] },
    ];
    writeFileSync(join(tmp, 'docs-misses.jsonl'), DOCS.map((d) => JSON.stringify(d)).join('\n'));
    writeFileSync(join(tmp, 'questions-misses.jsonl'), asks.map((q) => JSON.stringify(q)).join('\n'));
    const out = join(tmp, 'misses.jsonl');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'eval-ask.ts'), join(tmp, 'docs-misses.jsonl'), join(tmp, 'questions-misses.jsonl'), '--misses', out], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/all +n +2 +recall@1/);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    const miss = lines[0] as { loss: string; question: string; answers: string[]; winner: { article: string; best: string; features: Record<string, number> }; gold: { article: string; paragraph: number; rank: number } };
    expect(miss.question).toBe('Who designed the Riverton library?');
    expect(miss.answers).toEqual(['a committee of citizens']);
    expect(['wrongSentence', 'wrongPassageTop5', 'wrongPassage']).toContain(miss.loss);
    expect(Object.keys(miss.winner.features)).toEqual([...PASSAGE_FEATURES]);
    expect(miss.winner.best.length).toBeGreaterThan(0);
    expect(miss.gold).toMatchObject({ article: 'library', paragraph: 1 });
    expect(miss.loss === 'wrongSentence').toBe(miss.gold.rank === 1);
  });

  it('GIVEN --passage-only without a file, or with one that is not weights THEN the script says so', () => {
    const bad = join(tmp, 'not-weights.json');
    writeFileSync(bad, '{"version": 1}');
    for (const [extra, message] of [[[], /--passage-only: needs the weights file/], [[bad], /--passage-only: ask weights: sentence features differ/]] as const) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts'), join(tmp, 'docs.jsonl'), join(tmp, 'questions.jsonl'), '--passage-only', ...extra], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(message);
    }
  });

  it('GIVEN --no-prior with --passage-only weights that have a prior THEN the script refuses: the kept span model reads that prior', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts'), join(tmp, 'docs.jsonl'), join(tmp, 'questions.jsonl'), '--no-prior', '--passage-only', join(ROOT, 'src', 'search', 'ask-weights.json')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--no-prior trains the span model without a prior, which --passage-only keeps/);
  });

  it('GIVEN --part train with --passage-only weights trained on all questions (the committed ones) THEN the script refuses: a held-out measure would read models that saw it', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts'), join(tmp, 'docs.jsonl'), join(tmp, 'questions.jsonl'), '--part', 'train', '--passage-only', join(ROOT, 'src', 'search', 'ask-weights.json')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--passage-only with --part train: .*trained on all questions/);
  });
});

describe('SQuAD answer scores', () => {
  it('GIVEN predictions THEN exact match and token F1 follow the SQuAD normalisation', () => {
    expect(normalizeAnswer('The  Denver Broncos!')).toBe('denver broncos');
    expect(answerScores('the Denver Broncos', ['Denver Broncos'])).toEqual({ em: 1, f1: 1 });
    expect(answerScores('Broncos', ['Denver Broncos']).f1).toBeCloseTo(2 / 3);
    expect(answerScores('Panthers', ['Denver Broncos', 'Broncos'])).toEqual({ em: 0, f1: 0 });
  });
});
