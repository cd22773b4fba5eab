import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/archive/parse.js';
import type { Article } from '../../src/archive/types.js';
import { isUserError } from '../../src/errors.js';
import { buildRegistry } from '../../src/quotes/registry.js';
import { distance } from 'fastest-levenshtein';
import { editDistance, QUOTES_VERSION, QuoteStore } from '../../src/quotes/store.js';

const article = (id: string, text: string): Article => parseArticle(id, text).article;

// Small articles in the style of wire copy: dates, quotes, speakers with titles.
const ARTICLES: Article[] = [
  article(
    'city/budget',
    `date 2021-03-02

Council passes budget

Mayor Bill de Vasuro defended the budget on Tuesday.

“This budget keeps every library open,” de Vasuro said. “It protects the parks too.”

Budget director Ana Ruiz said the city “will not raise property taxes this year.”`,
  ),
  article(
    'city/transit',
    `date 2021-04-10

Subway plan

“We need a second tunnel under the river,” De Vasuro told reporters on Friday.

Transit chief Omar Haddad disagreed. “The tunnel would take fifteen years to build,” he said.`,
  ),
  article(
    'sports/final',
    `date 2021-05-01

Final goes to overtime

“We never stopped believing,” said coach John Smith after the final.`,
  ),
  article(
    'business/merger',
    `date 2021-06-15

Merger approved

“The merger creates a stronger bank,” chief executive Mary Smith said in a statement.

“Nothing changes for customers,” Smith added.`,
  ),
];

const store = QuoteStore.build(ARTICLES);

// A story in which one speaker says `n` things, each in a paragraph of its own.
const quoted = (id: string, name: string, n: number): Article =>
  article(id, `date 2021-05-0${n}\n\nStory ${id}\n\n${Array.from({ length: n }, (_, i) => `“Remark number ${i + 1} is about the budget,” ${name} said.`).join('\n\n')}`);

const userErrorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (isUserError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a UserError');
};

describe('buildRegistry', () => {
  it('GIVEN "De Vasuro", "de Vasuro" and "Bill de Vasuro" THEN one speaker, Bill de Vasuro', () => {
    const { entries, canonical } = buildRegistry([
      { name: 'Bill de Vasuro', role: 'Mayor', article: 'a' },
      { name: 'De Vasuro', role: null, article: 'b' },
      { name: 'de Vasuro', role: null, article: 'c' },
    ]);
    expect(entries).toEqual([{ name: 'Bill de Vasuro', quotes: 3, articles: 3, roles: ['Mayor'] }]);
    expect(canonical.get('de vasuro')).toBe('Bill de Vasuro');
  });

  it('GIVEN two people with the same surname in different articles THEN they stay apart, and the bare surname too', () => {
    const { entries } = buildRegistry([
      { name: 'John Smith', role: 'coach', article: 'a' },
      { name: 'Mary Smith', role: 'chief executive', article: 'b' },
      { name: 'Smith', role: null, article: 'c' },
    ]);
    expect(entries.map((e) => e.name).sort()).toEqual(['John Smith', 'Mary Smith', 'Smith']);
  });

  it('GIVEN a bare surname that is also a month THEN it joins the one full name only where an article names both', () => {
    const apart = buildRegistry([
      { name: 'Ruth May', role: 'councillor', article: 'a' },
      { name: 'May', role: null, article: 'b' },
    ]);
    expect(apart.entries.map((e) => e.name).sort()).toEqual(['May', 'Ruth May']);
    const together = buildRegistry([
      { name: 'Ruth May', role: 'councillor', article: 'a' },
      { name: 'May', role: null, article: 'a' },
    ]);
    expect(together.entries.map((e) => e.name)).toEqual(['Ruth May']);
    // Any other surname still joins the one full name that ends with it.
    const other = buildRegistry([
      { name: 'Ruth Kellow', role: 'councillor', article: 'a' },
      { name: 'Kellow', role: null, article: 'b' },
    ]);
    expect(other.entries.map((e) => e.name)).toEqual(['Ruth Kellow']);
  });

  it('GIVEN a name seen only in capitals and in mixed case THEN the mixed-case form is shown', () => {
    const { entries } = buildRegistry([
      { name: 'HENRY LUDERO', role: null, article: 'a' },
      { name: 'HENRY LUDERO', role: null, article: 'b' },
      { name: 'Henry Ludero', role: null, article: 'c' },
    ]);
    expect(entries.map((e) => e.name)).toEqual(['Henry Ludero']);
  });
});

describe('QuoteStore.build', () => {
  it('GIVEN the fixture articles THEN every quote has its article, date, paragraph and canonical speaker', () => {
    expect(store.quotesOfArticle('city/budget').map(({ start: _s, end: _e, ...q }) => q)).toEqual([
      { article: 'city/budget', date: '2021-03-02', paragraph: 3, text: 'This budget keeps every library open', speaker: 'Bill de Vasuro', role: 'Mayor', kind: 'direct' },
      { article: 'city/budget', date: '2021-03-02', paragraph: 3, text: 'It protects the parks too.', speaker: 'Bill de Vasuro', role: 'Mayor', kind: 'direct' },
      { article: 'city/budget', date: '2021-03-02', paragraph: 4, text: 'will not raise property taxes this year.', speaker: 'Ana Ruiz', role: 'Budget director', kind: 'partial' },
    ]);
  });

  it('GIVEN "De Vasuro told reporters" in an article without his full name THEN the registry gives Bill de Vasuro', () => {
    expect(store.quotesOfArticle('city/transit')[0]?.speaker).toBe('Bill de Vasuro');
  });

  it('GIVEN a pronoun after a named person THEN that person', () => {
    expect(store.quotesOfArticle('city/transit')[1]).toMatchObject({ speaker: 'Omar Haddad', role: 'chief' });
  });
});

describe('QuoteStore.speakers', () => {
  it('GIVEN the fixtures THEN the most quoted first, with quote and article counts', () => {
    expect(store.speakers(2)).toEqual([
      { name: 'Bill de Vasuro', quotes: 3, articles: 2, roles: ['Mayor'] },
      { name: 'Mary Smith', quotes: 2, articles: 1, roles: ['chief executive'] },
    ]);
  });
});

describe('QuoteStore.quotesBySpeaker', () => {
  it('GIVEN a surname in any case THEN the one speaker with it, newest first', () => {
    expect(store.quotesBySpeaker('DE VASURO').map((q) => q.article)).toEqual(['city/transit', 'city/budget', 'city/budget']);
  });

  it('GIVEN a topic THEN only that speaker’s quotes sharing its words, best first', () => {
    expect(store.quotesBySpeaker('Bill de Vasuro', { topic: 'tunnel river' }).map((q) => q.text)).toEqual(['We need a second tunnel under the river']);
    expect(store.quotesBySpeaker('Bill de Vasuro', { topic: 'parks' }).map((q) => q.text)).toEqual(['It protects the parks too.']);
  });

  it('GIVEN a limit THEN at most that many', () => {
    expect(store.quotesBySpeaker('Bill de Vasuro', { limit: 1 })).toHaveLength(1);
  });
});

describe('QuoteStore.resolveSpeaker', () => {
  it('GIVEN an unknown name close to a speaker THEN a UserError that suggests the close names', () => {
    expect(userErrorOf(() => store.resolveSpeaker('Omar Hadad'))).toBe('no quotes from Omar Hadad; did you mean Omar Haddad?');
  });

  it('GIVEN a name far from every speaker THEN a UserError without suggestions', () => {
    expect(userErrorOf(() => store.resolveSpeaker('Zzyzx Quorble'))).toBe('no quotes from Zzyzx Quorble');
  });

  it('GIVEN a surname two speakers share THEN the most quoted, and the other named with its count', () => {
    expect(store.lookupSpeaker('smith')).toEqual({ name: 'Mary Smith', others: [{ name: 'John Smith', quotes: 1 }] });
  });

  it('GIVEN a form of address before a surname THEN it is ignored', () => {
    expect(store.resolveSpeaker('Mr. de Vasuro')).toBe('Bill de Vasuro');
    expect(store.resolveSpeaker('Ms Smith')).toBe('Mary Smith');
  });

  it('GIVEN a misspelt surname THEN did you mean the speaker', () => {
    expect(userErrorOf(() => store.resolveSpeaker('Haddat'))).toBe('no quotes from Haddat; did you mean Omar Haddad?');
  });

  it('GIVEN a surname with two neighbouring letters swapped THEN did you mean the speaker (one edit, not two)', () => {
    expect(userErrorOf(() => store.resolveSpeaker('Smtih'))).toBe('no quotes from Smtih; did you mean Mary Smith, John Smith?');
  });

  it('GIVEN a misspelt surname that is also a one-word speaker THEN the most quoted carrier of it first', () => {
    const brants = QuoteStore.build([
      quoted('b1', 'Tony Brant', 3),
      quoted('b2', 'Ian Brant', 2),
      quoted('b3', 'Brant', 1),
    ]);
    expect(userErrorOf(() => brants.resolveSpeaker('Barnt'))).toBe('no quotes from Barnt; did you mean Tony Brant, Ian Brant, Brant?');
    expect(userErrorOf(() => store.resolveSpeaker('Hdadad'))).toBe('no quotes from Hdadad; did you mean Omar Haddad?');
  });

  it('GIVEN two swaps or a swap of letters apart THEN not one edit', () => {
    expect(editDistance('smith', 'smtih')).toBe(1);
    // Two swaps ("msiht"), a swap of letters apart ("shitm"), a swap plus a change ("smtiz"): plain Levenshtein.
    for (const typed of ['msiht', 'shitm', 'smtiz', 'smitj']) expect(editDistance('smith', typed)).toBe(distance('smith', typed));
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
  });

  it('GIVEN accents and other case THEN the canonical name', () => {
    expect(store.resolveSpeaker('ána ruíz')).toBe('Ana Ruiz');
  });
});

describe('QuoteStore.suggestSpeakers', () => {
  it('GIVEN the start of any part of a name THEN those speakers, most quoted first', () => {
    expect(store.suggestSpeakers('sm')).toEqual(['Mary Smith', 'John Smith']);
    expect(store.suggestSpeakers('vas')).toEqual(['Bill de Vasuro']);
    expect(store.suggestSpeakers('')).toHaveLength(5);
  });

  it('GIVEN a whole surname THEN the same speakers in the same order as a lookup', () => {
    const found = store.lookupSpeaker('smith');
    expect(store.suggestSpeakers('smith')).toEqual([found.name, ...found.others.map((o) => o.name)]);
  });

  it('GIVEN the start of the whole name THEN it ranks before a match inside', () => {
    expect(store.suggestSpeakers('jo')[0]).toBe('John Smith');
  });
});

describe('QuoteStore.toJSON', () => {
  it('GIVEN a store THEN JSON text round-trips to a store that answers the same', () => {
    const back = QuoteStore.fromJSON(JSON.parse(JSON.stringify(store)) as unknown);
    expect(back.quotes).toEqual(store.quotes);
    expect(back.speakers(10)).toEqual(store.speakers(10));
    expect(back.suggestSpeakers('sm')).toEqual(['Mary Smith', 'John Smith']);
  });

  it('GIVEN something else THEN fromJSON throws', () => {
    expect(() => QuoteStore.fromJSON({ version: 2 })).toThrow(/QuoteStore/);
    const model = (JSON.parse(JSON.stringify(store)) as { model: string }).model;
    expect(() => QuoteStore.fromJSON({ version: QUOTES_VERSION, model, articles: [], speakers: [], quotes: [[0, 1, 'x', null, null, 'direct', 0, 1]] })).toThrow(/missing article/);
  });

  it('GIVEN a store saved by an older version THEN fromJSON refuses it, so the cache is rebuilt', () => {
    const old = { ...(JSON.parse(JSON.stringify(store)) as Record<string, unknown>), version: QUOTES_VERSION - 1 };
    expect(() => QuoteStore.fromJSON(old)).toThrow(new RegExp(`version ${QUOTES_VERSION}`));
  });

  it('GIVEN a store saved with other speaker weights THEN fromJSON refuses it, so retrained weights rebuild the cache', () => {
    const other = { ...(JSON.parse(JSON.stringify(store)) as Record<string, unknown>), model: 'other-weights' };
    expect(() => QuoteStore.fromJSON(other)).toThrow(/speaker weights/);
  });
});
