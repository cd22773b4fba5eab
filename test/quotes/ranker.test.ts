import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGoldSet } from '../../bench/quote-gold.js';
import { featureMask, speakerAccuracy, train, type LabelledArticle } from '../../bench/quote-training.js';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { DEFAULT_WEIGHTS, FEATURES, parseWeights, type SpeakerWeights } from '../../src/quotes/ranker.js';

const fixture = new URL('./fixtures/speaker-train.jsonl', import.meta.url).pathname;
const set = readGoldSet(fixture);
const articles: LabelledArticle[] = set.articles.map((a) => ({ set, article: a.article, gold: a.gold }));
const zero: SpeakerWeights = { version: 1, weights: Object.fromEntries(FEATURES.map((f) => [f, 0])) as SpeakerWeights['weights'] };
const accuracy = (w: SpeakerWeights): number => {
  const s = speakerAccuracy(articles, w).get(set.name) ?? { judged: 0, right: 0 };
  return s.right / Math.max(1, s.judged);
};

describe('speaker ranker weights', () => {
  it('GIVEN the committed weights file THEN it loads with a finite weight for every feature', () => {
    const raw = JSON.parse(readFileSync(new URL('../../src/quotes/speaker-weights.json', import.meta.url), 'utf8')) as unknown;
    const w = parseWeights(raw);
    expect(Object.keys(w.weights).sort()).toEqual([...FEATURES].sort());
    expect(w.weights).toEqual(DEFAULT_WEIGHTS.weights);
  });

  it('GIVEN a weights file missing a feature or with a bad value THEN parseWeights names the problem', () => {
    expect(() => parseWeights({ version: 1, weights: { ...DEFAULT_WEIGHTS.weights, slot_tail: 'high' } })).toThrow(/slot_tail/);
    expect(() => parseWeights({ version: 2, weights: DEFAULT_WEIGHTS.weights })).toThrow(/version/);
    expect(() => parseWeights(null)).toThrow(/not an object/);
  });
});

describe('train:quotes on a tiny fixture', () => {
  it('GIVEN all-zero weights THEN nobody is credited (the model has learnt nothing)', () => {
    expect(accuracy(zero)).toBe(0);
  });

  it('GIVEN retraining from zero on the fixture THEN the model credits the right speakers', () => {
    const trained = train(articles, zero, 3, { epochs: 200 });
    expect(accuracy(trained)).toBeGreaterThanOrEqual(0.9);
    // The learnt weights favour an attribution right at the quote over nobody.
    expect(trained.weights.slot_tail).toBeGreaterThan(trained.weights.null);
    expect(() => parseWeights(JSON.parse(JSON.stringify(trained)))).not.toThrow();
  });

  it('GIVEN --without slot_tail THEN training leaves that weight at zero and still learns the others', () => {
    const mask = featureMask('slot_tail');
    if (!(mask instanceof Set)) throw new Error(mask.error);
    const trained = train(articles, DEFAULT_WEIGHTS, 1, { epochs: 100, without: mask });
    expect(trained.weights.slot_tail).toBe(0);
    expect(trained.weights.null).not.toBe(0);
  });

  it('GIVEN --without with an unknown feature THEN the message names it; a list is read by commas', () => {
    expect(featureMask('slot_tail,bogus_feature')).toEqual({ error: expect.stringMatching(/no feature "bogus_feature"/) });
    expect([...(featureMask(' slot_tail, salience ') as Set<string>)]).toEqual(['slot_tail', 'salience']);
    expect(featureMask(undefined)).toEqual(new Set());
  });

  it('GIVEN the committed weights THEN the fixture is attributed right too', () => {
    expect(accuracy(DEFAULT_WEIGHTS)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('attribution through the ranker', () => {
  const speakerOf = (paragraphs: string[], start: string): string | null | undefined => attributeArticle(paragraphs).find((q) => q.text.startsWith(start))?.speaker;

  it('GIVEN "Said one Lundian economist of Brandt\'s speech" THEN the speaker stays unnamed: "a Lundian economist"', () => {
    const ps = ['Finance Minister Oskar Brandt came under fire on Tuesday.', 'Said one Lundian economist of Brandt\'s budget speech, "His timing could not have been worse."'];
    expect(speakerOf(ps, 'His timing')).toBe('a Lundian economist');
  });

  it('GIVEN "Her statement said" THEN the woman named before, not "her statement"', () => {
    const ps = ['Senator Mary Lowe criticised the plan on Friday.', 'Her statement said: "This plan fails the families it claims to help."'];
    expect(speakerOf(ps, 'This plan fails')).toBe('Mary Lowe');
  });

  it('GIVEN a headline in capitals THEN it is never a speaker', () => {
    const ps = ['ST. AUBIN WELCOMES MARLOW CHOICE', 'TALLINA, June 2 - Senate farm committee chairman Claude St. Aubin said he welcomed the choice.', '"I warmly welcome the appointment," St. Aubin said.'];
    expect(speakerOf(ps, 'I warmly welcome')).toBe('Claude St. Aubin');
  });

  it('GIVEN an acronym that speaks THEN its capitals stay (NASA, not Nasa)', () => {
    expect(speakerOf(['"We are ready to launch," NASA said on Tuesday.'], 'We are ready')).toBe('NASA');
  });
});
