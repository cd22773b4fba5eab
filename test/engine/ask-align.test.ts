import { describe, expect, it } from 'vitest';
import { alignFeatures, DEFAULT_ALIGN_TRAIN, parseAlignTable, questionAlign, SELF_FLOOR, trainAlignTable, type AlignPair, type AlignTable } from '../../src/search/align.js';
import { questionView, scoreSentences, sentenceTerms } from '../../src/search/answer.js';
import { ALIGN_SENTENCE_FEATURES, DEFAULT_ASK_WEIGHTS, FRAME_SENTENCE_FEATURES, parseWeights, SENTENCE_FEATURES, type Ranker } from '../../src/search/ask-model.js';
import { alignPairs, crossFitAlign, headlinePairs, trainAskWeights, type GoldQuestion } from '../../src/search/ask-train.js';
import { terms } from '../../src/text/tokenize.js';
import { loadArchive } from '../../src/archive/load.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { headlineAlignPairs, NEWS_QUESTION_FILE, newsQuestionArticles } from '../../bench/news-articles.js';
import { join } from 'node:path';
import { ROOT } from '../spawn.js';

/** Twenty stories: the question says "founded", the answer sentence "established", or "won" and "victory"; each pair has its own topic and filler words. */
const FOUNDED: AlignPair[] = Array.from({ length: 20 }, (_, i) => ({
  question: [i % 2 ? 'win' : 'found', `topic${i}`],
  sentence: [i % 2 ? 'victori' : 'establish', `topic${i}`, `filler${i}`, `other${i}`],
  source: `story${i}`,
}));

const at = (name: (typeof ALIGN_SENTENCE_FEATURES)[number]): number => SENTENCE_FEATURES.indexOf(name);

describe('ask: the learnt word translation table (align.ts)', () => {
  it('GIVEN the align features THEN they follow the pointer features, before the frame features (appended, older weights keep their places)', () => {
    const start = SENTENCE_FEATURES.indexOf('align:loglik');
    expect(SENTENCE_FEATURES[start - 1]).toBe('anaphor×subject');
    expect(SENTENCE_FEATURES.slice(start, start + ALIGN_SENTENCE_FEATURES.length)).toEqual([...ALIGN_SENTENCE_FEATURES]);
    expect(SENTENCE_FEATURES[start + ALIGN_SENTENCE_FEATURES.length]).toBe(FRAME_SENTENCE_FEATURES[0]);
  });

  it('GIVEN pairs where the question says "found" and the answer "establish" THEN EM gives t(found|establish) the most, and words of one story stay out', () => {
    const table = trainAlignTable(FOUNDED, 'fixture');
    expect(table.pairs).toBe(20);
    const row = table.table['found'] ?? {};
    const [top] = Object.entries(row).sort((a, b) => b[1] - a[1]);
    expect(top?.[0]).toBe('establish');
    expect(top?.[1]).toBeGreaterThan(0.5);
    // Each topic word stands in one story only (minCount 3): not in the table, on either side.
    expect(Object.keys(table.table).some((q) => q.startsWith('topic'))).toBe(false);
    expect(Object.keys(row).some((s) => s.startsWith('filler') || s.startsWith('topic'))).toBe(false);
    // The same pairs from one source: "found" is then one story's word too.
    expect(trainAlignTable(FOUNDED.map((p) => ({ ...p, source: 'one' })), 'fixture').table['found']).toBeUndefined();
    // Deterministic.
    expect(trainAlignTable(FOUNDED, 'fixture')).toEqual(table);
  });

  it('GIVEN a table THEN it round-trips through JSON, alone and inside the ask weights', () => {
    const table = trainAlignTable(FOUNDED, 'fixture');
    expect(parseAlignTable(JSON.parse(JSON.stringify(table)))).toEqual(table);
    const weights = { ...DEFAULT_ASK_WEIGHTS, align: table };
    expect(parseWeights(JSON.parse(JSON.stringify(weights))).align).toEqual(table);
  });

  it.each([
    ['not an object', 'table', /align table is not an object/],
    ['no trainedOn', { pairs: 1, table: {} }, /align table needs trainedOn/],
    ['a fractional pair count', { trainedOn: 'x', pairs: 1.5, table: {} }, /needs pairs/],
    ['no table', { trainedOn: 'x', pairs: 1 }, /needs table/],
    ['a row that is a list', { trainedOn: 'x', pairs: 1, table: { found: [0.5] } }, /entry "found" is not an object/],
    ['a probability above 1', { trainedOn: 'x', pairs: 1, table: { found: { establish: 2 } } }, /t\("found" \| "establish"\) must be a probability/],
    ['a probability that is text', { trainedOn: 'x', pairs: 1, table: { found: { establish: '0.5' } } }, /must be a probability/],
    ['a NULL share of 0', { trainedOn: 'x', pairs: 1, table: { found: { '': 0 } } }, /t\("found" \| ""\) must be a probability/],
  ])('GIVEN a table with %s THEN loading says what is wrong and to retrain', (_, doc, message) => {
    expect(() => parseAlignTable(doc)).toThrow(message);
    expect(() => parseWeights({ ...DEFAULT_ASK_WEIGHTS, align: doc })).toThrow(/retrain with npm run train:ask/);
  });

  it('GIVEN a question word said in other words THEN the sentence that says it gains on the one that only repeats the topic, and changes rank', () => {
    const table: AlignTable = { trainedOn: 'fixture', pairs: 10, table: { found: { establish: 0.8, '': 0.1 } } };
    const question = 'Who founded the Riverton club?';
    const passage = 'The Riverton club is the oldest club in the county. Tom Hale established it in 1921.';
    const plain = questionView(question, terms(question), () => 1);
    const aligned = questionView(question, terms(question), () => 1, table);
    const without = scoreSentences(passage, plain);
    const withTable = scoreSentences(passage, aligned);
    for (const name of ALIGN_SENTENCE_FEATURES) expect(without.map((s) => s.features[at(name)]), name).toEqual([0, 0]);
    // "found" is the question's key word, unmatched literally in both; only the second says it in other words.
    expect(withTable[1]?.features[at('align:unmatched')]).toBeCloseTo(0.8 / 3, 10);
    expect(withTable[0]?.features[at('align:unmatched')]).toBe(0);
    expect(withTable[1]?.features[at('align:focus')]).toBeCloseTo(0.8, 10);
    expect(withTable[0]?.features[at('align:focus')]).toBe(0);
    // The first sentence repeats two question words: its Model-1 likelihood is the passage's best.
    expect(withTable[0]?.features[at('align:vsBest')]).toBe(0);
    // A model that reads overlap and the paraphrase: the table turns the choice.
    const weights = new Array<number>(SENTENCE_FEATURES.length).fill(0);
    weights[SENTENCE_FEATURES.indexOf('overlap')] = 1;
    weights[at('align:unmatched')] = 4;
    const sentence: Ranker = { features: [...SENTENCE_FEATURES], weights };
    const best = (scored: ReturnType<typeof scoreSentences>): number => scored.indexOf(scored.reduce((a, b) => (b.score > a.score ? b : a)));
    expect(best(scoreSentences(passage, plain, { ...DEFAULT_ASK_WEIGHTS, sentence }))).toBe(0);
    expect(best(scoreSentences(passage, aligned, { ...DEFAULT_ASK_WEIGHTS, sentence }))).toBe(1);
  });

  it('GIVEN a pointer sentence THEN pairGain is what the sentence before adds in other words', () => {
    const table: AlignTable = { trainedOn: 'fixture', pairs: 10, table: { found: { establish: 0.8 } } };
    const q = { align: questionAlign(table, ['found', 'club']), weight: () => 1, total: 2, focus: 'found' };
    const [first, second] = alignFeatures(q, [new Set(['establish', 'hale']), new Set(['club', 'oldest'])], [0, 1]);
    expect(second?.[4]).toBeCloseTo(0.8 / 2, 10);
    expect(first?.[4]).toBe(0);
    // Not a pointer: nothing from the sentence before.
    expect(alignFeatures(q, [new Set(['establish']), new Set(['club'])], [0, 0])[1]?.[4]).toBe(0);
  });

  it('GIVEN a question word the table does not know THEN its literal repeat still counts in the likelihood', () => {
    const table: AlignTable = { trainedOn: 'fixture', pairs: 1, table: {} };
    const q = { align: questionAlign(table, ['riverton']), weight: () => 1, total: 1, focus: undefined };
    const [has, lacks] = alignFeatures(q, [new Set(['riverton', 'club']), new Set(['club'])], [0, 0]);
    expect(has?.[0]).toBeGreaterThan(lacks?.[0] ?? 1);
    expect(lacks?.[0]).toBe(0);
  });

  it('GIVEN a word whose answers mostly say it otherwise THEN its NULL share is kept below the pruning threshold, and a self-translation below SELF_FLOOR is dropped without changing what the question reads', () => {
    // "rise" is said as "rose" in the answers; the sentence word "rise" stands mostly beside "fell" for "fall" questions: t(rise|rise) is tiny.
    const pairs: AlignPair[] = Array.from({ length: 24 }, (_, i) => ({
      question: [i % 2 ? 'rise' : 'fall', `topic${i}`],
      sentence: i % 2 ? (i % 6 === 1 ? ['rise', 'rose', `topic${i}`] : ['rose', `topic${i}`]) : ['fell', 'rise', `topic${i}`],
      source: `story${i}`,
    }));
    const table = trainAlignTable(pairs, 'fixture', { minCount: 3 });
    const row = table.table['rise'] ?? {};
    expect(row['rose']).toBeGreaterThan(0.9);
    // t(rise|rise) is learnt below SELF_FLOOR, which questionAlign reads instead: not stored.
    expect(Object.hasOwn(row, 'rise')).toBe(false);
    expect(questionAlign(table, ['rise'])?.by.get('rise')).toEqual([[0, SELF_FLOOR]]);
    // The same reading as with the small entry stored (any value under the floor, or under the pruning threshold).
    for (const small of [1e-4, DEFAULT_ALIGN_TRAIN.minProbability / 2, SELF_FLOOR - 1e-4]) {
      const stored: AlignTable = { ...table, table: { ...table.table, rise: { ...row, rise: small } } };
      expect(questionAlign(table, ['rise', 'fall', 'topic1'])).toEqual(questionAlign(stored, ['rise', 'fall', 'topic1']));
    }
    // NULL: kept for every word of the table, whatever its size.
    expect(row['']).toBeGreaterThan(0);
    expect(table.table['fall']?.['']).toBeGreaterThan(0);
    expect(parseAlignTable(JSON.parse(JSON.stringify(table)))).toEqual(table);
  });

  it('GIVEN a known word the table learnt no self-translation for THEN its literal repeat still says it (at least SELF_FLOOR); a larger learnt one stays', () => {
    const table: AlignTable = { trainedOn: 'fixture', pairs: 10, table: { rise: { rose: 0.9 }, win: { win: 0.8, victori: 0.2 } } };
    const a = questionAlign(table, ['rise', 'win']);
    expect(a?.by.get('rise')).toEqual([[0, SELF_FLOOR]]);
    expect(a?.by.get('win')).toEqual([[1, 0.8]]);
    const q = { align: a, weight: () => 1, total: 2, focus: undefined };
    const [repeats, lacks] = alignFeatures(q, [new Set(['rise', 'win']), new Set(['win'])], [0, 0]);
    expect(repeats?.[0]).toBeGreaterThan(lacks?.[0] ?? 1);
    // Literal words are never "said in other words".
    expect(repeats?.[1]).toBe(0);
  });

  it('GIVEN t(q|NULL) THEN a framing word the sentence lacks costs less than one without a NULL share (the NULL path is read)', () => {
    const withNull: AlignTable = { trainedOn: 'fixture', pairs: 10, table: { name: { name: 0.6, '': 0.3 }, club: { club: 0.9 } } };
    const withoutNull: AlignTable = { trainedOn: 'fixture', pairs: 10, table: { name: { name: 0.6 }, club: { club: 0.9 } } };
    const read = (table: AlignTable): number => alignFeatures({ align: questionAlign(table, ['name', 'club']), weight: () => 1, total: 2, focus: undefined }, [new Set(['club'])], [0])[0]?.[0] ?? 0;
    expect(questionAlign(withNull, ['name', 'club'])?.nulls).toEqual([0.3, 0]);
    expect(read(withNull)).toBeGreaterThan(read(withoutNull));
  });

  it('GIVEN cross-fitting THEN the table an article is read with never learnt from that article; one without pairs gets the whole table', () => {
    const pairs = [
      { question: ['axe'], sentence: ['drop', 'coach'], source: 'a1' },
      ...['a2', 'a3', 'a4', 'a5'].map((source) => ({ question: ['win'], sentence: ['victori', 'coach'], source })),
    ];
    const { all, of } = crossFitAlign(pairs, 'fixture', { minCount: 1 }, 5);
    expect(all.table['axe']?.['drop']).toBeGreaterThan(0);
    expect(of('a1')?.table['axe']).toBeUndefined();
    expect(of('a2')?.table['axe']?.['drop']).toBeGreaterThan(0);
    expect(of('a2')?.pairs).toBe(4);
    expect(of('elsewhere')).toBe(all);
  });
});

describe('ask training with the translation table', () => {
  const DOCS = {
    'harbor.txt': 'date 2020-01-01\n\nThe Riverton harbor was established in 1888 by the Lakeside Shipping Company. It is the oldest harbor on the lake.\n\nFerries leave the harbor every hour for Pine Island.\n',
    'library.txt': 'date 2020-01-01\n\nThe Riverton library holds 120,000 books. It was designed by the architect Maria Lund.\n\nThe library was established on 4 May 1921.\n',
  };
  const gold: GoldQuestion[] = [
    { question: 'When was the Riverton harbor founded?', article: 'harbor', paragraph: 1, answers: ['1888'] },
    { question: 'Who founded the Riverton harbor?', article: 'harbor', paragraph: 1, answers: ['Lakeside Shipping Company'] },
    { question: 'Where do ferries from the harbor go?', article: 'harbor', paragraph: 2, answers: ['Pine Island'] },
    { question: 'Who designed the Riverton library?', article: 'library', paragraph: 1, answers: ['Maria Lund'] },
    { question: 'When was the library founded?', article: 'library', paragraph: 2, answers: ['4 May 1921'] },
  ];

  it('GIVEN gold questions THEN each pairs its terms with the terms of the sentences that hold an answer', () => {
    const dir = writeArchive(DOCS);
    try {
      const pairs = alignPairs(engineFor(dir), gold);
      expect(pairs).toHaveLength(5);
      expect(pairs[0]).toEqual({ source: 'harbor', question: terms(gold[0]?.question ?? ''), sentence: sentenceTerms('The Riverton harbor was established in 1888 by the Lakeside Shipping Company.') });
      expect(pairs[0]?.sentence).toContain('establish');
    } finally {
      removeDir(dir);
    }
  });

  it('GIVEN train:ask THEN the weights carry the table learnt from all the questions; align: false carries none', () => {
    const dir = writeArchive(DOCS);
    try {
      const engine = engineFor(dir);
      const { weights, report } = trainAskWeights(engine, gold, 'tiny fixture', { trees: false, pick: false, alignOptions: { minCount: 1 } });
      expect(report.align).toEqual({ pairs: 5, extra: 0, words: Object.keys(weights.align?.table ?? {}).length, folds: 5 });
      expect(weights.align?.table['found']?.['establish']).toBeGreaterThan(0);
      expect(parseWeights(JSON.parse(JSON.stringify(weights)))).toEqual(weights);
      const none = trainAskWeights(engine, gold, 'tiny fixture', { trees: false, pick: false, align: false });
      expect(none.weights.align).toBeUndefined();
      expect(none.report.align).toBeUndefined();
      // The engine reads questions with its weights' table.
      engine.askWeights = weights;
      expect(engine.askPool('Who founded the Riverton harbor?', 5).q.align?.by.get('establish')).toBeDefined();
    } finally {
      removeDir(dir);
    }
  });
});

describe('headline / lead pairs (train:ask --align-headlines)', () => {
  it('GIVEN news articles THEN each headline pairs with the first sentence of the story (after a headline paragraph too); a story without one gives none', () => {
    const dir = writeArchive();
    try {
      const articles = loadArchive(dir).articles;
      const pairs = headlinePairs(articles);
      const cafe = pairs.find((p) => p.source === '2019/cafe-closing');
      expect(cafe).toEqual({ source: '2019/cafe-closing', question: terms('Harbor café closes after forty years'), sentence: sentenceTerms('The Café Lune on Water Street served its last breakfast on Sunday after forty years in business.') });
      const rally = pairs.find((p) => p.source === '2020/ride-hailing');
      // Paragraph 1 is the headline itself: the lead is paragraph 2.
      expect(rally?.sentence).toEqual(sentenceTerms('About 1,000 ride-hailing drivers gathered downtown on Tuesday to protest a proposed 3.5 percent fee on every trip.'));
      expect(headlinePairs([{ id: 'empty', title: 'Nothing here', date: null, paragraphs: [], headline: false }])).toEqual([]);
    } finally {
      removeDir(dir);
    }
  });

  it('GIVEN articles news questions are asked about THEN their headline / lead pairs are left out; every news question file is read', () => {
    const dir = writeArchive();
    const bench = mkdtempSync(join(tmpdir(), 'news-articles-'));
    try {
      const articles = loadArchive(dir).articles;
      const all = headlinePairs(articles);
      const without = headlinePairs(articles, new Set(['2019/cafe-closing']));
      expect(without).toHaveLength(all.length - 1);
      expect(without.some((p) => p.source === '2019/cafe-closing')).toBe(false);
      const question = (id: string, article: string): string => JSON.stringify({ id, corpus: 'fixture', article, type: 'person', question: 'Who?', answers: ['Someone'] });
      writeFileSync(join(bench, 'news-questions.jsonl'), `${question('a1', '2019/cafe-closing')}\n`);
      writeFileSync(join(bench, 'news-questions-9.jsonl'), `${question('b1', 'bbc-tech-001')}\n\n`);
      writeFileSync(join(bench, 'other.jsonl'), `${question('c1', 'not-a-question-file')}\n`);
      expect([...newsQuestionArticles(bench)].sort()).toEqual(['2019/cafe-closing', 'bbc-tech-001']);
      // A bad line names its file and line (readNewsQuestions' checks).
      writeFileSync(join(bench, 'news-questions-8.jsonl'), `${question('v1', 'bbc-tech-002')}\n{"id": "x"}\n`);
      expect(() => newsQuestionArticles(bench)).toThrow(/news-questions-8\.jsonl:2: "corpus" must be a non-empty string/);
      writeFileSync(join(bench, 'news-questions-8.jsonl'), `${JSON.stringify({ ...(JSON.parse(question('v1', 'x')) as object), article: '' })}\n`);
      expect(() => newsQuestionArticles(bench)).toThrow(/news-questions-8\.jsonl:1: "article" must be a non-empty string/);
      writeFileSync(join(bench, 'news-questions-8.jsonl'), 'not json\n');
      expect(() => newsQuestionArticles(bench)).toThrow(/news-questions-8\.jsonl:1: not JSON/);
      // The repository's own question files: every article they name is excluded.
      const asked = newsQuestionArticles(join(ROOT, 'bench'));
      const named = readdirSync(join(ROOT, 'bench'))
        .filter((n) => NEWS_QUESTION_FILE.test(n))
        .flatMap((n) => readFileSync(join(ROOT, 'bench', n), 'utf8').split('\n').filter((l) => l.trim()))
        .map((l) => (JSON.parse(l) as { article: string }).article);
      expect(named.length).toBeGreaterThanOrEqual(120);
      for (const a of named) expect(asked.has(a), a).toBe(true);
    } finally {
      removeDir(dir);
      removeDir(bench);
    }
  });

  it('GIVEN archive folders THEN headlineAlignPairs (the benches\' one loader) leaves the question files\' stories out; an unreadable or story-less folder is named', () => {
    const dir = writeArchive();
    const empty = writeArchive({});
    const bench = mkdtempSync(join(tmpdir(), 'news-articles-'));
    try {
      const all = headlinePairs(loadArchive(dir).articles);
      writeFileSync(join(bench, 'news-questions-9.jsonl'), `${JSON.stringify({ id: 'a1', corpus: 'fixture', article: '2019/cafe-closing', type: 'other', question: 'What?', answers: ['x'] })}\n`);
      const pairs = headlineAlignPairs([dir], bench);
      expect(pairs).toEqual(all.filter((p) => p.source !== '2019/cafe-closing'));
      expect(pairs).toHaveLength(all.length - 1);
      expect(headlineAlignPairs([dir, dir], bench)).toHaveLength(2 * pairs.length);
      expect(() => headlineAlignPairs([dir, empty], bench)).toThrow(new RegExp(`${empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no article with a headline and a first sentence`));
      expect(() => headlineAlignPairs([join(empty, 'missing')], bench)).toThrow(/missing: /);
    } finally {
      removeDir(dir);
      removeDir(empty);
      removeDir(bench);
    }
  });

  it('GIVEN the npm script with --align-headlines THEN the table also learns from the archive; a folder without stories or no folder is refused', () => {
    const data = writeArchive({});
    const news = writeArchive();
    try {
      writeFileSync(join(data, 'docs.jsonl'), JSON.stringify({ id: 'harbor', paragraphs: ['The Riverton harbor was established in 1888 by the Lakeside Shipping Company.'] }));
      writeFileSync(join(data, 'questions.jsonl'), JSON.stringify({ question: 'When was the Riverton harbor founded?', doc_id: 'harbor', paragraph_index: 0, answers: ['1888'] }));
      const script = (...extra: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts'), join(data, 'docs.jsonl'), join(data, 'questions.jsonl'), '--out', join(data, 'w.json'), '--linear', ...extra], { cwd: ROOT, encoding: 'utf8' });
      const run = script('--align-headlines', news);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(new RegExp(`from 1 question / answer-sentence pairs and ${headlinePairs(loadArchive(news).articles).length} headline / lead pairs`));
      expect(script('--align-headlines', join(data, 'missing')).stderr).toMatch(/--align-headlines: .*missing/);
      expect(script('--align-headlines').stderr).toMatch(/--align-headlines needs archive folders/);
    } finally {
      removeDir(data);
      removeDir(news);
    }
  });
});
