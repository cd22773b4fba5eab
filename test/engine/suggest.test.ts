import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didYouMean, suggestArticles } from '../../src/archive/suggest.js';
import { autocompleteChoices } from '../../src/commands/autocomplete.js';
import type { Engine } from '../../src/engine.js';
import { answerType, hasAnswerType } from '../../src/search/question.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = writeArchive();
  engine = engineFor(dir);
});
afterAll(() => removeDir(dir));

const ids = (xs: ReadonlyArray<{ id: string }>): string[] => xs.map((x) => x.id);

describe('suggestArticles', () => {
  it('GIVEN nothing typed THEN it offers the newest articles first', () => {
    expect(ids(suggestArticles(engine.articles, ''))).toEqual([
      '2021/ferry-schedule',
      '2020/school-board',
      '2020/water-contract',
      '2020/ride-hailing',
      '2020/ice-subpoenas',
      '2019/cafe-closing',
    ]);
    expect(suggestArticles(engine.articles, '', 2)).toHaveLength(2);
  });

  it('GIVEN the start of an id THEN it offers the articles under it', () => {
    expect(ids(suggestArticles(engine.articles, '2020/'))).toEqual(['2020/ice-subpoenas', '2020/ride-hailing', '2020/school-board', '2020/water-contract']);
    expect(ids(suggestArticles(engine.articles, '2020/ICE'))).toEqual(['2020/ice-subpoenas']);
  });

  it('GIVEN words of a title, or their beginnings, accents or not THEN it offers that article with its title and date', () => {
    expect(suggestArticles(engine.articles, 'harbor')).toEqual([{ id: '2019/cafe-closing', title: 'Harbor café closes after forty years', date: '2019-11-03' }]);
    expect(ids(suggestArticles(engine.articles, 'cafe clo'))).toEqual(['2019/cafe-closing']);
    expect(ids(suggestArticles(engine.articles, 'Ride-hailing rally'))).toEqual(['2020/ride-hailing']);
    expect(suggestArticles(engine.articles, 'xylophone')).toEqual([]);
  });
});

describe('didYouMean', () => {
  it('GIVEN a near-miss id THEN it suggests the close one; nothing for a far one', () => {
    expect(didYouMean(engine.articles, '2020/ice-subpoena')).toEqual(['2020/ice-subpoenas']);
    expect(didYouMean(engine.articles, '2021/fery-schedule')).toEqual(['2021/ferry-schedule']);
    expect(didYouMean(engine.articles, 'zzzz')).toEqual([]);
  });
});

describe('autocompleteChoices', () => {
  it('GIVEN title words THEN the choice is labelled with title and date and its value is the id', () => {
    expect(autocompleteChoices({ engine }, 'article', 'harbor')).toEqual([{ name: 'Harbor café closes after forty years (2019-11-03)', value: '2019/cafe-closing' }]);
  });

  it('GIVEN many articles with long titles THEN at most 25 choices of at most 100 characters', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) {
      const title = `Council meeting ${i}: ${'residents speak about parking, bus lanes and the library budget, '.repeat(2)}`;
      files[`2022/council-${String(i).padStart(2, '0')}.txt`] = `---\ndate: 2022-01-${String((i % 28) + 1).padStart(2, '0')}\ntitle: "${title.trim()}"\n---\nThe council met.`;
    }
    const many = writeArchive(files);
    try {
      const ctx = { engine: engineFor(many) };
      for (const input of ['', '2022/', 'council', 'residents parking']) {
        const choices = autocompleteChoices(ctx, 'article', input);
        expect(choices.length).toBeGreaterThan(0);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value).toMatch(/^2022\/council-\d\d$/);
        }
      }
      expect(autocompleteChoices(ctx, 'article', 'council')[0]?.name).toMatch(/…$/);
    } finally {
      removeDir(many);
    }
  });

  it('GIVEN a speaker option THEN the quoted people whose names start so (the engine always has its quotes)', () => {
    expect(autocompleteChoices({ engine }, 'speaker', 'Hen')).toEqual([{ name: 'Henry Lucero', value: 'Henry Lucero' }]);
    expect(autocompleteChoices({ engine }, 'speaker', 'Zebulon')).toEqual([]);
  });
});

describe('answerType', () => {
  it('GIVEN question words THEN it says what kind of answer is wanted', () => {
    expect(answerType('When was Khan charged with murder?')).toBe('time');
    expect(answerType('What year did the café open?')).toBe('time');
    expect(answerType('How many drivers gathered?')).toBe('number');
    expect(answerType('Who is the mayor of Riverton?')).toBe('person');
    expect(answerType('Where do the ferries leave from?')).toBe('place');
    expect(answerType('In which city did ICE send subpoenas?')).toBe('place');
    expect(answerType('What did the council approve?')).toBe('other');
  });

  it('GIVEN a sentence THEN it tells whether it holds that kind of answer', () => {
    expect(hasAnswerType('time', 'Khan was charged with murder on January 10.', 'When was Khan charged?')).toBe(1);
    expect(hasAnswerType('time', 'Khan remains in custody.', 'When was Khan charged?')).toBe(0);
    expect(hasAnswerType('number', 'About 1,000 drivers gathered.', 'How many drivers?')).toBe(1);
    expect(hasAnswerType('person', 'The lease was signed by Anna Weiss.', 'Who signed the lease?')).toBe(1);
    // The full stop after a name is not part of it: the question already names her.
    expect(hasAnswerType('person', 'The lease was signed by Anna Weiss.', 'Who is Anna Weiss?')).toBe(0);
  });
});
