import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGoldSet } from '../../bench/quote-gold.js';
import { f1Of, fitKind, kindArticles, kindF1 } from '../../bench/quote-kind-training.js';
import type { LabelledArticle } from '../../bench/quote-training.js';
import { extractQuotes } from '../../src/quotes/extract.js';
import { DEFAULT_KIND_WEIGHTS, KIND_FEATURES, parseKindWeights, type KindWeights } from '../../src/quotes/quote-kind.js';

const fixture = new URL('./fixtures/kind-train.jsonl', import.meta.url).pathname;
const set = readGoldSet(fixture);
const labelled: LabelledArticle[] = set.articles.map((a) => ({ set, article: a.article, gold: a.gold }));
const articles = kindArticles(labelled);
const weightsOf = (w: Partial<Record<(typeof KIND_FEATURES)[number], number>>): KindWeights => ({
  version: 1,
  weights: Object.fromEntries(KIND_FEATURES.map((f) => [f, w[f] ?? 0])) as KindWeights['weights'],
});
const f1 = (w: KindWeights): number => f1Of(kindF1(articles, w).get(set.name) ?? { found: 0, right: 0, fp: 0, fn: 0 }).f1;

describe('quote kind weights', () => {
  it('GIVEN the committed weights file THEN it loads with a finite weight for every feature', () => {
    const raw = JSON.parse(readFileSync(new URL('../../src/quotes/kind-weights.json', import.meta.url), 'utf8')) as unknown;
    expect(Object.keys(parseKindWeights(raw).weights).sort()).toEqual([...KIND_FEATURES].sort());
  });

  it('GIVEN a weights file missing a feature or with a bad value THEN parseKindWeights names the problem', () => {
    expect(() => parseKindWeights({ version: 1, weights: { ...DEFAULT_KIND_WEIGHTS.weights, pre_that: 'low' } })).toThrow(/pre_that/);
    const { bias: _bias, ...noBias } = DEFAULT_KIND_WEIGHTS.weights;
    expect(() => parseKindWeights({ version: 1, weights: noBias })).toThrow(/bias/);
    expect(() => parseKindWeights({ version: 9, weights: DEFAULT_KIND_WEIGHTS.weights })).toThrow(/version/);
    expect(() => parseKindWeights('x')).toThrow(/not an object/);
  });
});

describe('train:quote-kind on a tiny fixture', () => {
  it('GIVEN all-zero weights THEN no quote is direct (the model has learnt nothing)', () => {
    expect(f1(weightsOf({}))).toBe(0);
  });

  it('GIVEN retraining from the fixture THEN the model beats the marks\' rules alone', () => {
    const rules = f1(weightsOf({ bias: -1, rule_direct: 2 }));
    const trained = fitKind(articles, { epochs: 300 });
    expect(f1(trained)).toBeGreaterThan(rules);
    expect(f1(trained)).toBeGreaterThanOrEqual(0.9);
    // Words quoted after the reporter's own "has"/"would" finish the reporter's sentence.
    expect(trained.weights.pre_auxiliary).toBeLessThan(0);
    expect(() => parseKindWeights(JSON.parse(JSON.stringify(trained)))).not.toThrow();
  });
});

describe('direct or partial with the committed weights', () => {
  const kindOf = (p: string, start: string): string | undefined => extractQuotes([p]).find((q) => q.text.startsWith(start))?.kind;

  it('GIVEN the second half of a quote split by its attribution THEN it is direct', () => {
    expect(kindOf('“Journalistically it’s horrifying,” Tapper said, “and I’m sure it will have an impact on the partnership.”', 'and I’m sure')).toBe('direct');
  });

  it('GIVEN quoted words that finish the reporter\'s sentence THEN they are partial', () => {
    expect(kindOf('Spokeswoman Haley Morris says the candidate has “always run a lean campaign and will continue to do so.”', 'always run')).toBe('partial');
  });

  it('GIVEN a sentence-initial quote with its attribution THEN it stays direct', () => {
    expect(kindOf('“We will appeal the ruling,” the lawyer said.', 'We will appeal')).toBe('direct');
  });
});
