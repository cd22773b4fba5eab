import { describe, expect, it } from 'vitest';
import { questionView, spanCandidates, spanFeatures, withPrior } from '../../src/search/answer.js';
import { DEFAULT_ASK_WEIGHTS, parseWeights, SPAN_FEATURES, TYPE_PRIOR_SPAN_FEATURES } from '../../src/search/ask-model.js';
import { answerScores, holdsAnswer, priorExamples, trainAskWeights, type GoldQuestion } from '../../src/search/ask-train.js';
import { typedCandidates } from '../../src/search/candidates.js';
import { candidateKind, countPrior, crossFitPrior, PRIOR_KINDS, priorLabel, priorOf, questionKeys, type PriorExample, type TypePrior } from '../../src/search/type-prior.js';
import { terms } from '../../src/text/tokenize.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

const K = (kind: (typeof PRIOR_KINDS)[number]): number => PRIOR_KINDS.indexOf(kind);
const f1 = (p: string, g: string): number => answerScores(p, [g]).f1;
const view = (question: string, prior?: TypePrior) => questionView(question, terms(question), () => 1, undefined, prior);
const keysOf = (question: string): string[] => {
  const q = view(question);
  return questionKeys(q.text, q.wh, q.terms);
};
const label = (kind: (typeof PRIOR_KINDS)[number]): number[] => PRIOR_KINDS.map((k) => (k === kind ? 1 : 0));

/** A tiny labelled set: which-river questions answered by places, what-company ones by names, what-year ones by times. */
function examples(): PriorExample[] {
  const out: PriorExample[] = [];
  const add = (source: string, question: string, kind: (typeof PRIOR_KINDS)[number]): void => {
    out.push({ source, keys: keysOf(question), label: label(kind) });
  };
  for (let i = 0; i < 6; i++) {
    add(`a${i}`, `Which river flows through town ${i}?`, 'place');
    add(`a${i}`, `What company bought firm ${i}?`, 'name');
    add(`a${i}`, `What year did dam ${i} open?`, 'time');
    add(`a${i}`, `What did inventor ${i} build?`, 'phrase');
  }
  return out;
}

describe('ask: the learnt answer-type prior (type-prior.ts)', () => {
  it('GIVEN the span feature THEN it is appended at the end of SPAN_FEATURES, and the committed weights name it and carry a prior', () => {
    expect(SPAN_FEATURES.slice(-TYPE_PRIOR_SPAN_FEATURES.length)).toEqual([...TYPE_PRIOR_SPAN_FEATURES]);
    expect(DEFAULT_ASK_WEIGHTS.span.features).toEqual([...SPAN_FEATURES]);
    expect(DEFAULT_ASK_WEIGHTS.typePrior?.questions).toBeGreaterThan(1000);
  });

  it('GIVEN a question THEN its keys go from the wh-word to the word after it to the head noun or, without one, its last word', () => {
    expect(keysOf('Which river flows through Paris?')).toEqual(['w:which', 'n:which river', 'h:what river']);
    expect(keysOf('What did Tesla invent?')).toEqual(['w:what', 'n:what did', 'h:what invent']);
    expect(keysOf('How many people live there?')[1]).toBe('n:how many');
  });

  it('GIVEN a gold answer in its sentence THEN its label is the kind of the candidate that matches it, else a plain phrase', () => {
    const paragraph = 'The Thames flows through London. The bridge opened in 1894. Pupils must sit quietly.';
    expect(priorLabel(paragraph, ['1894'], holdsAnswer, f1)).toEqual(label('time'));
    expect(priorLabel(paragraph, ['quietly'], holdsAnswer, f1)).toEqual(label('phrase'));
    expect(priorLabel(paragraph, ['London'], holdsAnswer, f1)?.[K('place')]).toBe(1);
    expect(priorLabel(paragraph, ['Berlin'], holdsAnswer, f1)).toBeUndefined();
    const kinds = typedCandidates('Marco Tardelli left Acme Widgets for Italy.').map(candidateKind);
    expect(kinds).toEqual(expect.arrayContaining(['person', 'place', 'name']));
  });

  it('GIVEN a tiny labelled set THEN the prior learns each wording\'s kind, and an unseen head backs off to its wh-phrase', () => {
    const prior = countPrior(examples(), 2);
    const river = priorOf(prior, keysOf('Which river is the longest?')) ?? [];
    expect(Math.max(...river)).toBe(river[K('place')]);
    expect(river[K('place')]).toBeGreaterThan(0.7);
    const company = priorOf(prior, keysOf('What company makes the car?')) ?? [];
    expect(Math.max(...company)).toBe(company[K('name')]);
    const year = priorOf(prior, keysOf('What year was it built?')) ?? [];
    expect(Math.max(...year)).toBe(year[K('time')]);
    // "which lake" never seen: the which-level (all place) decides.
    const lake = priorOf(prior, keysOf('Which lake is the deepest?')) ?? [];
    expect(Math.max(...lake)).toBe(lake[K('place')]);
    for (const p of [river, company, year, lake]) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(priorOf(undefined, keysOf('Which river?'))).toBeUndefined();
  });

  it('GIVEN the cross-fitting THEN a question\'s prior never counted its own article, and the backoff strength is chosen', () => {
    const set = examples();
    // One article whose which-river question is answered by a person: only the prior that counted it knows.
    set.push({ source: 'odd', keys: keysOf('Which river god is this?'), label: label('person') });
    const fit = crossFitPrior(set, 5);
    expect(fit.all.questions).toBe(set.length);
    const own = fit.of('odd');
    expect(own?.questions).toBeLessThan(set.length);
    const keys = keysOf('Which river god is this?');
    expect(priorOf(own, keys)?.[K('person')] ?? 1).toBeLessThan(priorOf(fit.all, keys)?.[K('person')] ?? 0);
    expect([0.5, 1, 2, 4, 8, 16]).toContain(fit.all.alpha);
    // An article the prior never counted reads the whole prior.
    expect(fit.of('never-seen')).toBe(fit.all);
  });

  it('GIVEN a prior THEN each span candidate reads the mass of its kind (a place name the place mass, a plain phrase the phrase mass); without one 0', () => {
    const prior = countPrior(examples(), 2);
    const q = view('Which river flows through Town 7?', prior);
    const sentence = 'The Danube River flows through Town 7 on its way east.';
    const candidates = spanCandidates(sentence, q);
    const k = SPAN_FEATURES.indexOf('prior:kind');
    const danube = candidates.findIndex((c) => c.text === 'Danube River');
    const east = candidates.findIndex((c) => c.kind === 'phrase' && c.text === 'east');
    expect(danube).toBeGreaterThanOrEqual(0);
    expect(east).toBeGreaterThanOrEqual(0);
    const x = spanFeatures(sentence, candidates, q);
    expect(x[danube]?.[k]).toBeCloseTo(q.prior?.[K('place')] ?? -1, 10);
    expect(x[east]?.[k]).toBeCloseTo(q.prior?.[K('phrase')] ?? -1, 10);
    for (const row of spanFeatures(sentence, candidates, withPrior(q, undefined))) expect(row[k]).toBe(0);
  });

  it('GIVEN weights with a bad prior THEN loading says what is wrong and to retrain', () => {
    const good = { ...DEFAULT_ASK_WEIGHTS, typePrior: countPrior(examples(), 2) };
    expect(parseWeights(JSON.parse(JSON.stringify(good))).typePrior?.alpha).toBe(2);
    const kinds = { ...good, typePrior: { ...good.typePrior, kinds: ['person'] } };
    expect(() => parseWeights(kinds)).toThrow(/answer-type prior: its kinds differ.*npm run train:ask/);
    const negative = { ...good, typePrior: { ...good.typePrior, counts: { '': PRIOR_KINDS.map(() => -1) } } };
    expect(() => parseWeights(negative)).toThrow(/counts of "" need 7 numbers of 0 or more/);
    const alpha = { ...good, typePrior: { ...good.typePrior, alpha: 0 } };
    expect(() => parseWeights(alpha)).toThrow(/alpha must be a positive number/);
  });

  it('GIVEN a tiny archive and questions THEN training counts the prior from the gold answers, stores it, and the engine reads questions with it', () => {
    const dir = writeArchive({
      'harbor.txt': 'date 2020-01-01\n\nThe Riverton harbor was built in 1888 by the Lakeside Shipping Company. It is the oldest harbor on the lake.\n\nIn 2015 the harbor was closed for repairs after a storm damaged the pier.\n',
      'library.txt': 'date 2020-01-01\n\nThe Riverton library opened on 4 May 1921. It was designed by the architect Maria Lund.\n',
    });
    try {
      const engine = engineFor(dir);
      const id = (name: string): string => engine.index.articles.find((a) => a.title.toLowerCase().includes(name) || a.id.includes(name))?.id ?? name;
      const gold: GoldQuestion[] = [
        { question: 'What year was the Riverton harbor built?', article: id('harbor'), paragraph: 1, answers: ['1888'] },
        { question: 'What year was the harbor closed?', article: id('harbor'), paragraph: 2, answers: ['2015'] },
        { question: 'What year did the library open?', article: id('library'), paragraph: 1, answers: ['1921'] },
        { question: 'What architect designed the library?', article: id('library'), paragraph: 1, answers: ['Maria Lund'] },
      ];
      const ex = priorExamples(engine, gold);
      expect(ex).toHaveLength(4);
      expect(ex[0]?.label[K('time')]).toBe(1);
      expect(ex[3]?.label[K('person')]).toBe(1);
      const { weights } = trainAskWeights(engine, gold, 'tiny fixture', { trees: false, pick: false, align: false });
      expect(weights.typePrior?.questions).toBe(4);
      const loaded = parseWeights(JSON.parse(JSON.stringify(weights)));
      const p = priorOf(loaded.typePrior, keysOf('What year was the pier built?')) ?? [];
      expect(Math.max(...p)).toBe(p[K('time')]);
      engine.askWeights = loaded;
      expect(engine.askPool('What year was the pier built?', 5).q.prior).toEqual(p);
      expect(trainAskWeights(engine, gold, 'tiny fixture', { trees: false, pick: false, align: false, typePrior: false }).weights.typePrior).toBeUndefined();
    } finally {
      removeDir(dir);
    }
  });
});
