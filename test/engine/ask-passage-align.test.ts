import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import type { AlignTable } from '../../src/search/align.js';
import { questionView, scorePool, withAlign, type PassageChoice } from '../../src/search/answer.js';
import { ALIGN_PASSAGE_FEATURES, DEFAULT_ASK_WEIGHTS, PASSAGE_FEATURES, parseWeights, type AskWeights } from '../../src/search/ask-model.js';
import { alignPassageFeatures, type Collection } from '../../src/search/passage-align.js';
import { askedQuestions, passageGroup, type GoldQuestion } from '../../src/search/ask-train.js';
import { terms } from '../../src/text/tokenize.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

const at = (name: (typeof ALIGN_PASSAGE_FEATURES)[number]): number => PASSAGE_FEATURES.indexOf(name);
/** Every word equally likely in the archive; a prior of 5 words. */
const FLAT: Collection = { probability: () => 0.001, mu: 5 };
const TABLE: AlignTable = { trainedOn: 'fixture', pairs: 10, table: { found: { establish: 0.8, '': 0.1 } } };

describe('ask: passage evidence from the word translation table (passage-align.ts)', () => {
  it('GIVEN the features THEN they are appended at the end of PASSAGE_FEATURES and the committed weights carry them', () => {
    expect(PASSAGE_FEATURES.slice(-ALIGN_PASSAGE_FEATURES.length)).toEqual([...ALIGN_PASSAGE_FEATURES]);
    expect(DEFAULT_ASK_WEIGHTS.passage.features).toEqual([...PASSAGE_FEATURES]);
  });

  it('GIVEN a passage that says the question word in other words THEN its likelihood beats a passage that says neither, and the share said only in other words is the word\'s weight times t(q|s)', () => {
    const question = 'Who founded the Riverton club?';
    const q = questionView(question, terms(question), () => 1, TABLE);
    const paraphrase = { terms: ['tom', 'hale', 'establish', 'riverton', 'club'], article: 0 };
    const topicOnly = { terms: ['tom', 'hale', 'play', 'riverton', 'club'], article: 0 };
    const literal = { terms: ['tom', 'hale', 'found', 'riverton', 'club'], article: 1 };
    const [p, t, l] = alignPassageFeatures(q, [paraphrase, topicOnly, literal], FLAT);
    expect(p?.[0]).toBeGreaterThan(t?.[0] ?? Infinity);
    // "found" is one of three question words of weight 1; "establish" brings it up with 0.8.
    expect(p?.[3]).toBeCloseTo(0.8 / 3, 10);
    expect(t?.[3]).toBe(0);
    // A literal repeat is no paraphrase, and counts at least as much as one.
    expect(l?.[3]).toBe(0);
    expect(l?.[0]).toBeGreaterThan(p?.[0] ?? Infinity);
    // Against the pool's best (the literal passage) and against the best of its own article (the paraphrase).
    expect(l?.[1]).toBe(0);
    expect(p?.[1]).toBeLessThan(0);
    expect(p?.[2]).toBe(0);
    expect(t?.[2]).toBeCloseTo((t?.[0] ?? 0) - (p?.[0] ?? 0), 10);
    expect(l?.[2]).toBe(0);
  });

  it('GIVEN a word rare in the archive THEN missing it costs more than missing a common one (the collection smoothing)', () => {
    const question = 'Who founded the Riverton club?';
    const q = questionView(question, terms(question), () => 1, TABLE);
    const rareRiverton: Collection = { probability: (t) => (t === 'riverton' ? 1e-6 : 0.01), mu: 5 };
    const [noRiverton, noClub] = alignPassageFeatures(q, [{ terms: ['found', 'club'], article: 0 }, { terms: ['found', 'riverton'], article: 0 }], rareRiverton);
    expect(noClub?.[0]).toBeGreaterThan(noRiverton?.[0] ?? Infinity);
  });

  it('GIVEN no table, an empty table, an empty passage or a question of unknown words THEN the features are finite (all 0 without a table) and nothing throws', () => {
    const question = 'Who founded the Riverton club?';
    const plain = questionView(question, terms(question), () => 1);
    expect(alignPassageFeatures(plain, [{ terms: ['found'], article: 0 }], FLAT)).toEqual([[0, 0, 0, 0]]);
    const empty = questionView(question, terms(question), () => 1, { trainedOn: 'x', pairs: 0, table: {} });
    const read = alignPassageFeatures(empty, [{ terms: [], article: 0 }, { terms: ['zzz'], article: 3 }], FLAT);
    for (const row of read) for (const v of row) expect(Number.isFinite(v)).toBe(true);
    // No pool: no rows.
    expect(alignPassageFeatures(withAlign(plain, TABLE), [], FLAT)).toEqual([]);
    // A collection that knows nothing (an archive of empty passages: no prior, no word seen) and an empty passage.
    const nothing: Collection = { probability: () => 0, mu: 0 };
    for (const row of alignPassageFeatures(withAlign(plain, TABLE), [{ terms: [], article: 0 }, { terms: ['club'], article: 0 }], nothing)) {
      for (const v of row) expect(Number.isFinite(v)).toBe(true);
    }
  });
});

/**
 * One story whose lead repeats the question's words and whose later paragraph says its key word in
 * other words ("established" for "founded"), and a second story on another club.
 */
const NEWS: Record<string, string> = {
  'riverton.txt': `date 2005-02-01
Riverton club celebrates

The Riverton club, the county's oldest club, celebrated its centenary with a dinner for members.

Tom Hale, a mill owner, established the club in 1905 with two friends.

The club's ground stands beside the river.`,
  'harbour.txt': `date 2005-03-09
Harbour club news

The Harbour club elected a new chairman at its annual meeting.`,
};

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = writeArchive(NEWS);
  engine = engineFor(dir);
});
afterAll(() => removeDir(dir));

describe('ask: the translation features in the passage model (scorePool)', () => {
  const question = 'Who founded the Riverton club?';
  const choices = (weights: AskWeights, table: AlignTable | undefined): PassageChoice[] => {
    const { q, pool } = engine.askPool(question, 20);
    return scorePool(engine.index, pool, withAlign(q, table), weights);
  };
  const text = (c: PassageChoice | undefined): string => (c ? engine.index.passageText(c.ranked.passage) : '');

  it('GIVEN a lead that repeats the question and a later paragraph that says "founded" in other words THEN with a table the later one has the paraphrase evidence and a passage model that weighs it ranks that paragraph first', () => {
    const plain = choices(DEFAULT_ASK_WEIGHTS, undefined);
    const aligned = choices(DEFAULT_ASK_WEIGHTS, TABLE);
    const answer = aligned.find((c) => text(c).includes('established'));
    const lead = aligned.find((c) => text(c).includes('centenary'));
    expect(answer && lead).toBeTruthy();
    // Without a table the features are 0 everywhere.
    for (const c of plain) for (const name of ALIGN_PASSAGE_FEATURES) expect(c.features[at(name)], name).toBe(0);
    // ... and the vector keeps its length (scorePool skips the translation work, not the features).
    for (const c of [...plain, ...aligned]) expect(c.features).toHaveLength(PASSAGE_FEATURES.length);
    expect(answer?.features[at('tlm:otherWords')]).toBeGreaterThan(0);
    expect(lead?.features[at('tlm:otherWords')]).toBe(0);
    expect(answer?.features[at('tlm:vsArticle')]).toBe(0);
    expect(lead?.features[at('tlm:vsArticle')]).toBeLessThan(0);
    // A passage model weighing the paraphrase evidence (beside the committed weights) turns the choice.
    const passage = { ...DEFAULT_ASK_WEIGHTS.passage, weights: DEFAULT_ASK_WEIGHTS.passage.weights.map((w, i) => (i === at('tlm:vsArticle') ? 20 : i === at('tlm:otherWords') ? 20 : w)) };
    // Without the news correction: this is about the passage model's own features, and the
    // correction (which also moves the lead down) would decide the order on its own.
    const { newsCorrection: _correction, ...uncorrected } = DEFAULT_ASK_WEIGHTS;
    const weighed: AskWeights = { ...uncorrected, passage };
    const order = (cs: PassageChoice[]): string[] => [...cs].sort((a, b) => b.score - a.score).map(text);
    const before = order(choices(weighed, undefined));
    const after = order(choices(weighed, TABLE));
    expect(before[0]).not.toContain('established');
    expect(after[0]).toContain('established');
  });

  it('GIVEN weights written before the features (a passage vector 4 short) THEN loading says to retrain', () => {
    const old = JSON.parse(JSON.stringify(DEFAULT_ASK_WEIGHTS)) as AskWeights;
    old.passage.features = old.passage.features.slice(0, -ALIGN_PASSAGE_FEATURES.length);
    old.passage.weights = old.passage.weights.slice(0, -ALIGN_PASSAGE_FEATURES.length);
    expect(() => parseWeights(old)).toThrow(/passage features differ from the code's \(the file has \d+ of the code's \d+; the code's next is "[^"]+"\); retrain/);
  });
});

describe('ask training: the passage features read each question with its own table', () => {
  it('GIVEN a table per article (as cross-fitting gives) THEN the passage group of each question carries that table\'s evidence and none from another\'s', () => {
    const gold: GoldQuestion[] = [
      { question: 'Who founded the Riverton club?', article: 'riverton', paragraph: 3, answers: ['Tom Hale'] },
      { question: 'Who founded the Harbour club?', article: 'harbour', paragraph: 2, answers: ['the Harbour club'] },
    ];
    const tableOf = (g: GoldQuestion): AlignTable | undefined => (g.article === 'riverton' ? TABLE : undefined);
    const groups = [...askedQuestions(engine, gold, tableOf)].map((a) => ({ g: a.g, group: passageGroup(engine, a.g, a.q, a.pool, DEFAULT_ASK_WEIGHTS) }));
    expect(groups.map((x) => x.g.article)).toEqual(['riverton', 'harbour']);
    const column = (rows: number[][], name: (typeof ALIGN_PASSAGE_FEATURES)[number]): number[] => rows.map((x) => x[at(name)] ?? NaN);
    const [riverton, harbour] = groups;
    // Read with TABLE: the paragraph saying "established" says "founded" in other words.
    expect(Math.max(...column(riverton?.group.features ?? [], 'tlm:otherWords'))).toBeGreaterThan(0);
    // Read with no table (not the engine's): every translation feature is 0.
    for (const name of ALIGN_PASSAGE_FEATURES) expect(column(harbour?.group.features ?? [], name).every((v) => v === 0), name).toBe(true);
  });
});
