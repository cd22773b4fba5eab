import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { headNoun, judgeContext, judgeLabel, labelsAgree, loadNews, ownerWords, parseLabels, readNewsLabels, sameOrganisation, stem, wilson, type JudgeContext, type SpeakerLabel } from '../../bench/news-labels.js';
import { articleFolds, articleId, collect, foldGroups, foldOf, readLabelled, speakerAccuracy, train, trainingArgs } from '../../bench/quote-training.js';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { DEFAULT_WEIGHTS } from '../../src/quotes/ranker.js';

// A tiny corpus folder of invented articles, in the archive's file format, and label files keyed to it.
const root = mkdtempSync(join(tmpdir(), 'news-labels-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const corpora = join(root, 'corpora');
mkdirSync(join(corpora, 'toy'), { recursive: true });
writeFileSync(
  join(corpora, 'toy', 'toy-1.txt'),
  ` date 2005-02-01\nHarbour plan divides the council\n\n"We will not sign this plan as it stands," said Marta Quillon, the council leader.\n\nThe harbour board backed the plan. "It is the only way to keep the port open," said a board spokeswoman.\n\n"Nobody asked the fishermen," said Quillon.\n`,
);
writeFileSync(
  join(corpora, 'toy', 'toy-3.txt'),
  ` date 2005-02-03\nBexley orders climb\n\nBexley Instruments Corp said orders rose in March. "Orders are up again," said Bexley.\n\n"We are hiring," said Mrs Venn. Ruth Venn runs the Trent site for the company.\n`,
);
writeFileSync(
  join(corpora, 'toy', 'toy-4.txt'),
  ` date 2005-02-04\nTwo Bexleys report\n\nBexley Instruments Corp and Bexley Motors both reported on Monday. "Orders are up," said Bexley.\n\nRuth Venn and Alan Venn spoke for the staff. "We are hiring," said Venn.\n`,
);
writeFileSync(
  join(corpora, 'toy', 'toy-5.txt'),
  ` date 2005-02-05\nBexley orders climb\n\nBexley Instruments Corp said orders rose in March. "Orders are up," said Bexley.\n\nBexley Motors said sales fell.\n`,
);
writeFileSync(join(corpora, 'toy', 'toy-2.txt'), ` date 2005-02-02\nRivers swell after rain\n\nRain fell all week. "The water is still rising," said Owen Pellor, a local farmer.\n`);

const labelFile = (name: string, lines: readonly unknown[]): string => {
  const path = join(root, name);
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
};

/** The key of the extracted quote starting with `start` in a toy article: what a labeller's template holds. */
function keyOf(id: string, start: string): { paragraph: number; open: number } {
  const [news] = loadNews([{ file: 'x', corpus: 'toy', article: id, quotes: [] }], corpora);
  const q = attributeArticle(news?.article.paragraphs ?? []).find((s) => s.text.startsWith(start));
  if (!q) throw new Error(`no quote "${start}" in ${id}`);
  return { paragraph: q.paragraph, open: q.open };
}

const noOne: JudgeContext = { bySurname: new Map() };
const label = (type: SpeakerLabel['type'], speaker: string | null): SpeakerLabel => ({ paragraph: 2, open: 0, speaker, type });

describe('hand-labelled news: reading label files', () => {
  it('GIVEN a malformed line THEN the error names the file, the line and what is wrong', () => {
    expect(() => parseLabels('{"corpus":"toy","article":"toy-1","quotes":[]}\nnot json', 'a.jsonl')).toThrow('a.jsonl:2: not JSON');
    expect(() => parseLabels('{"corpus":"toy","article":"toy-1"}', 'a.jsonl')).toThrow(/a.jsonl:1: "quotes" must be a list/);
    expect(() => parseLabels('{"corpus":"toy","article":"toy-1","quotes":[{"paragraph":2,"open":0,"speaker":null,"type":null}]}', 'a.jsonl')).toThrow(/quote 1: "type" must be one of person, organisation, unnamed, none, skip \(got null\)/);
    expect(() => parseLabels('{"corpus":"toy","article":"toy-1","quotes":[{"paragraph":2,"open":0,"speaker":"","type":"person"}]}', 'a.jsonl')).toThrow(/a person label needs a "speaker"/);
    expect(() => parseLabels('{"corpus":"toy","article":"toy-1","quotes":[{"paragraph":0,"open":0,"speaker":null,"type":"none"}]}', 'a.jsonl')).toThrow(/"paragraph" must be a 1-based/);
    expect(() => parseLabels('{"corpus":"../x","article":"toy-1","quotes":[]}', 'a.jsonl')).toThrow(/"corpus" must be a folder name/);
    const twice = '{"corpus":"toy","article":"toy-1","quotes":[{"paragraph":2,"open":0,"speaker":null,"type":"none"},{"paragraph":2,"open":0,"speaker":null,"type":"skip"}]}';
    expect(() => parseLabels(twice, 'a.jsonl')).toThrow(/quote 2: paragraph 2 offset 0 is labelled twice/);
  });

  it('GIVEN one article in two files, or a folder without label files THEN reading them fails with a clear message', () => {
    const a = labelFile('dup-a.jsonl', [{ corpus: 'toy', article: 'toy-2', quotes: [] }]);
    const b = labelFile('dup-b.jsonl', [{ corpus: 'toy', article: 'toy-2', quotes: [] }]);
    expect(() => readNewsLabels([a, b])).toThrow(/dup-b.jsonl: article toy\/toy-2 is labelled in .*dup-a.jsonl too/);
    mkdirSync(join(root, 'empty'), { recursive: true });
    expect(() => readNewsLabels([join(root, 'empty')])).toThrow(/no label files/);
  });

  it('GIVEN a label of an article the corpus folder lacks THEN loading names the article and the folder', () => {
    expect(() => loadNews([{ file: 'l.jsonl', corpus: 'toy', article: 'toy-9', quotes: [] }], corpora)).toThrow(/l.jsonl: article toy-9 not readable in .*toy/);
  });
});

describe('hand-labelled news: judging a speaker', () => {
  it('GIVEN a person label THEN the same folded name is right and another name or nobody is wrong', () => {
    expect(judgeLabel(label('person', 'José Ortíz'), 'Jose Ortiz', noOne)).toBe(true);
    expect(judgeLabel(label('person', 'José Ortíz'), 'Ana Ortiz', noOne)).toBe(false);
    expect(judgeLabel(label('person', 'José Ortíz'), null, noOne)).toBe(false);
    expect(judgeLabel(label('person', 'Dan Vole'), 'Finance Minister Dan Vole', noOne)).toBe(false);
  });

  it('GIVEN a surname on one side THEN it is right only when no other person the article names shares it', () => {
    const alone: JudgeContext = { bySurname: new Map([['harle', new Set(['tom harle'])]]) };
    const two: JudgeContext = { bySurname: new Map([['harle', new Set(['tom harle', 'ben harle'])]]) };
    expect(judgeLabel(label('person', 'Tom Harle'), 'Harle', alone)).toBe(true);
    expect(judgeLabel(label('person', 'Tom Harle'), 'Harle', two)).toBe(false);
    // A label that gives the surname alone (the article never gives the full name) accepts the full name.
    expect(judgeLabel(label('person', 'Harle'), 'Tom Harle', alone)).toBe(true);
    expect(judgeLabel(label('person', 'Harle'), 'Tom Harle', two)).toBe(false);
    expect(judgeLabel(label('person', 'Samir al-Tavrani'), 'al-Tavrani', noOne)).toBe(true);
    expect(judgeLabel(label('person', 'Tom Harle'), 'Ben', alone)).toBe(false);
    expect(judgeLabel(label('person', 'Pia Dovan Rusk'), 'Dovan', noOne)).toBe(true);
    expect(judgeLabel(label('person', 'Pia Dovan Rusk'), 'Pia', noOne)).toBe(false);
  });

  it('GIVEN an unnamed label THEN a description with its head noun is right, singular or plural, and a name is wrong', () => {
    expect(judgeLabel(label('unnamed', 'one of the dealers'), 'a dealer', noOne)).toBe(true);
    expect(judgeLabel(label('unnamed', 'a grain dealer at a large Lundian bank'), 'the dealer', noOne)).toBe(true);
    expect(judgeLabel(label('unnamed', 'officials'), 'a senior official', noOne)).toBe(true);
    expect(judgeLabel(label('unnamed', 'a board spokeswoman'), 'an analyst', noOne)).toBe(false);
    expect(judgeLabel(label('unnamed', 'one Norland analyst'), 'Carl Brenning', noOne)).toBe(false);
    expect(judgeLabel(label('unnamed', 'one Norland analyst'), null, noOne)).toBe(false);
    expect(headNoun('one of the dealers')).toBe('dealer');
    expect(headNoun('an official with one Lundian tractor maker')).toBe('official');
    expect(['spokesmen', 'parties', 'witnesses', 'sources', 'boss'].map(stem)).toEqual(['spokesman', 'party', 'witness', 'source', 'boss']);
  });

  it('GIVEN an organisation label THEN its name without "the", a legal form or ticker, or its acronym is right', () => {
    expect(judgeLabel(label('organisation', 'Kronbank'), 'the Kronbank', noOne)).toBe(true);
    expect(sameOrganisation('Moravel Canada', 'Moravel Canada Inc')).toBe(true);
    expect(sameOrganisation('Harlow Group Plc <HRLW.L>', 'Harlow Group Plc')).toBe(true);
    expect(sameOrganisation('the PTU', 'Port Transit Union')).toBe(true);
    expect(sameOrganisation('Dunmore Singles', 'Dunmore Inc')).toBe(false);
    expect(judgeLabel(label('organisation', 'Northern Fisheries Fund'), 'the report', noOne)).toBe(false);
  });

  it('GIVEN the short form an article uses for an organisation THEN a leading run of its words is right unless another name starts so, and a generic word alone never', () => {
    const toy = (id: string, labels: SpeakerLabel[]): JudgeContext => {
      const [news] = loadNews([{ file: 'x', corpus: 'toy', article: id, quotes: labels }], corpora);
      if (!news) throw new Error(id);
      return news.context;
    };
    const bexley = label('organisation', 'Bexley Instruments Corp');
    const one = toy('toy-3', [bexley]);
    expect(judgeLabel(bexley, 'Bexley', one)).toBe(true);
    expect(judgeLabel(bexley, 'Bexley Instruments', one)).toBe(true);
    expect(judgeLabel(bexley, 'Instruments', one)).toBe(false);
    // Another organisation of the article starts with the same word: "Bexley" is not this one's short form.
    const two = toy('toy-4', [bexley, label('organisation', 'Bexley Motors')]);
    expect(judgeLabel(bexley, 'Bexley', two)).toBe(false);
    // The same when only the name scan finds the other organisation (it is not labelled).
    expect(judgeLabel(bexley, 'Bexley', toy('toy-5', [bexley]))).toBe(false);
    const party = label('organisation', 'Thrift Party');
    const ctx: JudgeContext = { bySurname: new Map(), named: new Set(['thrift party']) };
    expect(judgeLabel(party, 'Thrift', ctx)).toBe(true);
    expect(judgeLabel(label('organisation', 'National Growers Union'), 'National', { bySurname: new Map(), named: new Set() })).toBe(false);
    expect(judgeLabel(label('organisation', 'Group of Eleven'), 'Group', { bySurname: new Map(), named: new Set() })).toBe(false);
    expect(judgeLabel(label('organisation', 'Chamber of Weavers'), 'Chamber', { bySurname: new Map(), named: new Set() })).toBe(false);
    // An alias is not a short form: it stays wrong.
    expect(judgeLabel(label('organisation', 'Norland Central Reserve'), 'Cenres', { bySurname: new Map(), named: new Set() })).toBe(false);
  });

  it('GIVEN a person the article names with an honorific THEN "Mrs Venn" is the surname rule: right alone, wrong beside another Venn (a real toy article)', () => {
    const ctxOf = (id: string): JudgeContext => loadNews([{ file: 'x', corpus: 'toy', article: id, quotes: [label('person', 'Ruth Venn')] }], corpora)[0]?.context ?? noOne;
    expect(judgeLabel(label('person', 'Ruth Venn'), 'Mrs Venn', ctxOf('toy-3'))).toBe(true);
    expect(judgeLabel(label('person', 'Ruth Venn'), 'Venn', ctxOf('toy-3'))).toBe(true);
    expect(judgeLabel(label('person', 'Ruth Venn'), 'Venn', ctxOf('toy-4'))).toBe(false);
    expect(judgeLabel(label('person', 'Ruth Venn'), 'Mrs Venn', ctxOf('toy-4'))).toBe(false);
    // The honorific is dropped before the full names are compared too.
    expect(judgeLabel(label('person', 'Ruth Venn'), 'Mrs Ruth Venn', ctxOf('toy-4'))).toBe(true);
    expect(judgeLabel(label('person', 'Ann Cole'), 'Dr Ann Cole', noOne)).toBe(true);
    expect(judgeLabel(label('person', 'Ann Cole'), 'Dr Ann Colby', noOne)).toBe(false);
    expect(judgeContext(loadNews([{ file: 'x', corpus: 'toy', article: 'toy-4', quotes: [] }], corpora)[0]?.article ?? { id: '', paragraphs: [] } as never, []).bySurname.get('venn')?.size).toBe(2);
  });

  it('GIVEN a speaker as the store shows it THEN the dateline and the ticker are not part of the judged name', () => {
    expect(judgeLabel(label('organisation', 'Quarrow Corp'), 'March 17 - Quarrow Corp', noOne)).toBe(true);
    expect(judgeLabel(label('organisation', 'Fenwick Motors Corp'), 'June 2 - Fenwick Motors Corp <FWM>', noOne)).toBe(true);
    expect(judgeLabel(label('person', 'Paula Quist'), 'Paula Quist.', noOne)).toBe(true);
  });

  it('GIVEN an unnamed label THEN a prediction folded equal to it is right even capitalised, and a capitalised description no one is named by is judged by its head', () => {
    expect(judgeLabel(label('unnamed', 'Guild delegates'), 'Guild delegates', noOne)).toBe(true);
    expect(judgeLabel(label('unnamed', "LUNTA's spokesman"), "LUNTA's spokesman", noOne)).toBe(true);
    expect(judgeLabel(label('unnamed', 'one of the diplomats'), 'Diplomats', noOne)).toBe(true);
    // A name the article gives is no description, whatever its words.
    const named: JudgeContext = { bySurname: new Map(), named: new Set(['dealer corp']) };
    expect(judgeLabel(label('unnamed', 'a dealer'), 'Dealer Corp', named)).toBe(false);
  });

  it('GIVEN two descriptions with the same head THEN they must share their owner when both name one (an organisation, nationality or place)', () => {
    expect(judgeLabel(label('unnamed', 'a Moravel spokesman'), 'a Corvale spokesman', noOne)).toBe(false);
    expect(judgeLabel(label('unnamed', 'a senior Norland official'), 'a Lundian official', noOne)).toBe(false);
    expect(judgeLabel(label('unnamed', 'a Moravel spokesman'), 'the Moravel spokesman', noOne)).toBe(true);
    expect(judgeLabel(label('unnamed', 'a senior Norland official'), 'one of the Norland officials', noOne)).toBe(true);
    // One side names no owner: the head alone decides, as before.
    expect(judgeLabel(label('unnamed', 'a Moravel spokesman'), 'a spokesman', noOne)).toBe(true);
    expect(judgeLabel(label('unnamed', 'a senior Norland official'), 'Senior officials', noOne)).toBe(true);
    expect(judgeLabel(label('unnamed', "LUNTA's spokesman"), 'a Corvale spokesman', noOne)).toBe(false);
    expect([...ownerWords('a grain dealer at a large Lundian bank')]).toEqual([]);
  });

  it('GIVEN a description with a participle or a "by" phrase after its noun THEN its head noun is the noun before it', () => {
    expect(headNoun('a Norland negotiator taking part in the port talks')).toBe('negotiator');
    expect(headNoun('a banker involved in the rescue')).toBe('banker');
    expect(headNoun('an investor group led by a fund manager')).toBe('group');
    expect(headNoun('one official attending the talks')).toBe('official');
    expect(headNoun('an analyst quoted')).toBe('analyst');
    expect(headNoun('an analyst')).toBe('analyst');
    // Before the noun a participle modifies it.
    expect(headNoun('a leading economist')).toBe('economist');
    expect(headNoun('a newly elected mayor')).toBe('mayor');
    expect(headNoun('coastal shipping sources')).toBe('source');
    expect(headNoun('a Lundian trading house official')).toBe('official');
    expect(judgeLabel(label('unnamed', 'a Norland negotiator taking part in the port talks'), 'a Norland negotiator', noOne)).toBe(true);
  });

  it('GIVEN a none or skip label THEN nobody is right for none, and a skip is never right (it does not count)', () => {
    expect(judgeLabel(label('none', null), null, noOne)).toBe(true);
    expect(judgeLabel(label('none', null), 'Ilsa Marrow', noOne)).toBe(false);
    expect(judgeLabel(label('skip', null), null, noOne)).toBe(false);
  });

  it('GIVEN two readers THEN they agree on the same type and the same speaker as the judge reads it', () => {
    expect(labelsAgree(label('unnamed', 'one of the dealers'), label('unnamed', 'dealers'), noOne)).toBe(true);
    expect(labelsAgree(label('person', 'Tom Harle'), label('unnamed', 'the coach'), noOne)).toBe(false);
    expect(labelsAgree(label('none', null), label('none', null), noOne)).toBe(true);
  });

  it('GIVEN counts THEN the Wilson interval brackets the rate and narrows with more quotes', () => {
    const [lo, hi] = wilson(90, 100);
    expect(lo).toBeCloseTo(0.826, 2);
    expect(hi).toBeCloseTo(0.945, 2);
    const [lo2, hi2] = wilson(900, 1000);
    expect(hi2 - lo2).toBeLessThan(hi - lo);
    expect(wilson(0, 0)).toEqual([0, 1]);
  });
});

describe('hand-labelled news: scoring and training by key', () => {
  const lead = keyOf('toy-1', 'We will not');
  const board = keyOf('toy-1', 'It is the only');
  const fishermen = keyOf('toy-1', 'Nobody asked');
  const farmer = keyOf('toy-2', 'The water');
  const labels = labelFile('toy.jsonl', [
    {
      corpus: 'toy',
      article: 'toy-1',
      quotes: [
        { q: 'Q1', ...lead, speaker: 'Marta Quillon', type: 'person' },
        { q: 'Q2', ...board, speaker: 'a board spokeswoman', type: 'unnamed' },
        { q: 'Q3', ...fishermen, speaker: 'Marta Quillon', type: 'person' },
        // A key no extracted quote has: not judged.
        { q: 'Q4', paragraph: 2, open: 3, speaker: null, type: 'none' },
      ],
    },
    { corpus: 'toy', article: 'toy-2', quotes: [{ q: 'Q1', ...farmer, speaker: 'Owen Pellor', type: 'skip' }] },
  ]);
  const news = loadNews(readNewsLabels([labels]), corpora);

  it('GIVEN labels keyed to the extracted quotes THEN the committed weights are judged on the labelled quotes only (skips and unknown keys left out)', () => {
    const errors: string[] = [];
    const outcomes = new Map<string, boolean>();
    const acc = speakerAccuracy(news, DEFAULT_WEIGHTS, errors, outcomes);
    // The committed weights credit all three labelled speakers of toy-1.
    expect(errors).toEqual([]);
    expect(acc.get('news')).toEqual({ judged: 3, right: 3 });
    expect([...outcomes.keys()].sort()).toEqual([`news|toy/toy-1#${fishermen.paragraph}#${fishermen.open}`, `news|toy/toy-1#${lead.paragraph}#${lead.open}`, `news|toy/toy-1#${board.paragraph}#${board.open}`].sort());
    expect(news.map(articleId)).toEqual(['toy/toy-1', 'toy/toy-2']);
  });

  it('GIVEN the labelled news THEN training collects examples from them and the trained weights credit the labelled speakers', () => {
    const examples = collect(news, DEFAULT_WEIGHTS);
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) expect(e.y.some(Boolean) && !e.y.every(Boolean)).toBe(true);
    const trained = train(news, DEFAULT_WEIGHTS, 2, { epochs: 50 });
    expect(speakerAccuracy(news, trained).get('news')).toEqual({ judged: 3, right: 3 });
  });
});

describe('hand-labelled news: folds by near-duplicate group', () => {
  // Two reissues of one story (a word changed, the same two quotes) and an unrelated story.
  const story = (lead: string): string =>
    ` date 2005-03-01\nMill to close\n\nThe Tarn mill ${lead} close in May. "We have looked at every other way to keep it open," said Ina Holt.\n\n"The town will lose three hundred jobs at once," said Ben Oake.\n`;
  mkdirSync(join(corpora, 'dup'), { recursive: true });
  // Ids chosen so that their own hashes fall in different folds: only the grouping keeps them together.
  const ids = ['mill-a', 'mill-b', 'mill-c', 'mill-d', 'mill-e', 'mill-f'];
  const [first, second] = ids.flatMap((x) => ids.map((y) => [x, y] as const)).find(([x, y]) => x < y && foldOf(`dup/${x}`, 5) !== foldOf(`dup/${y}`, 5)) ?? ['', ''];
  writeFileSync(join(corpora, 'dup', `${first}.txt`), story('will'));
  writeFileSync(join(corpora, 'dup', `${second}.txt`), story('is to'));
  writeFileSync(join(corpora, 'dup', 'other.txt'), ` date 2005-03-02\nRain\n\n"The river is rising fast tonight," said Owen Pellor.\n`);
  const news = loadNews(
    [first, second, 'other'].map((article) => ({ file: 'x', corpus: 'dup', article, quotes: [] })),
    corpora,
  );

  it('GIVEN two articles sharing two quoted strings THEN they are one group and share a fold for every k; an unrelated article stays apart', () => {
    expect(foldOf(`dup/${first}`, 5)).not.toBe(foldOf(`dup/${second}`, 5));
    const groups = foldGroups(news);
    expect(groups.get(`dup/${first}`)).toBe(groups.get(`dup/${second}`));
    expect(groups.get('dup/other')).toBe('dup/other');
    for (const k of [2, 3, 5, 7]) {
      const folds = articleFolds(news, k);
      expect(folds.get(`dup/${first}`)).toBe(folds.get(`dup/${second}`));
    }
    // No group straddles folds.
    const folds = articleFolds(news, 5);
    for (const [id, group] of groups) expect(folds.get(id)).toBe(folds.get(group));
  });

  it('GIVEN two articles with the same body under other headlines and ids, sharing one quoted string only THEN the body alone makes them one group', () => {
    const body = `\n\nThe ferry to Kell will stop in June. "We cannot run it at a loss any longer," said Rona Fenn.\n`;
    writeFileSync(join(corpora, 'dup', 'ferry-1.txt'), ` date 2005-03-03\nFerry to stop${body}`);
    writeFileSync(join(corpora, 'dup', 'ferry-2.txt'), ` date 2005-03-04\nKell ferry ends in June${body}`);
    writeFileSync(join(corpora, 'dup', 'ferry-3.txt'), ` date 2005-03-05\nFerry talks\n\nThe council met the ferry firm. "We cannot run it at a loss any longer," said Rona Fenn again.\n`);
    const ferries = loadNews(
      ['ferry-1', 'ferry-2', 'ferry-3'].map((article) => ({ file: 'x', corpus: 'dup', article, quotes: [] })),
      corpora,
    );
    const groups = foldGroups(ferries);
    expect(groups.get('dup/ferry-2')).toBe('dup/ferry-1');
    // One shared quoted string and another body: not a duplicate.
    expect(groups.get('dup/ferry-3')).toBe('dup/ferry-3');
  });

  it('GIVEN three sets of different sizes THEN collect gives each set the same total weight', () => {
    const [toy1, toy2] = loadNews(readNewsLabels([join(root, 'toy.jsonl')]), corpora);
    if (!toy1 || !toy2) throw new Error('toy labels');
    const as = (name: string, a: typeof toy1): typeof toy1 => ({ ...a, set: { name } });
    const sets = [[as('a', toy1)], [as('b', toy1), as('b', toy1)], [as('c', toy1), as('c', toy1), as('c', toy1)]];
    const sizes = sets.map((s) => collect(s, DEFAULT_WEIGHTS).length);
    const all = collect(sets.flat(), DEFAULT_WEIGHTS);
    expect(all.length).toBe(sizes.reduce((x, y) => x + y, 0));
    let from = 0;
    const totals = sizes.map((n) => {
      const t = all.slice(from, from + n).reduce((s, e) => s + e.weight, 0);
      from += n;
      return t;
    });
    expect(sizes[0]).toBeGreaterThan(0);
    expect(sizes[2]).toBe(3 * (sizes[0] ?? 0));
    for (const t of totals) expect(t).toBeCloseTo(1000 / 3, 6);
  });

  it('GIVEN an annotated file, labelled news and a news weight of 0.5 THEN the news weighs half as much as the file in total', () => {
    const annotated = readLabelled([new URL('./fixtures/speaker-train.jsonl', import.meta.url).pathname]);
    const news = loadNews(readNewsLabels([join(root, 'toy.jsonl')]), corpora);
    const nFile = collect(annotated, DEFAULT_WEIGHTS).length;
    const nNews = collect(news, DEFAULT_WEIGHTS).length;
    expect(nFile).toBeGreaterThan(0);
    expect(nNews).toBeGreaterThan(0);
    const total = (es: ReturnType<typeof collect>): number => es.reduce((s, e) => s + e.weight, 0);
    const half = collect([...annotated, ...news], DEFAULT_WEIGHTS, 0.5);
    expect(total(half.slice(0, nFile))).toBeCloseTo(1000 / 1.5, 6);
    expect(total(half.slice(nFile))).toBeCloseTo(500 / 1.5, 6);
    // The default keeps every set equal.
    const even = collect([...annotated, ...news], DEFAULT_WEIGHTS);
    expect(total(even.slice(0, nFile))).toBeCloseTo(total(even.slice(nFile)), 6);
  });

  it('GIVEN --news-weight THEN it must be a positive number and needs --news-labels', () => {
    const args = (extra: readonly string[]): ReturnType<typeof trainingArgs> => trainingArgs(['a.jsonl', '--news-labels', 'L', '--corpora', 'C', ...extra], 'usage', 'out.json');
    expect(args(['--news-weight', '0.25']).newsWeight).toBe(0.25);
    expect(args([]).newsWeight).toBe(1);
    // Bad values exit the process with a message: the command-line test below runs them in a child.
  });
});

describe('hand-labelled news: command lines', () => {
  const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const run = (script: string, args: readonly string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'bench', script), ...args], { cwd: repo, encoding: 'utf8', timeout: 120_000 });

  it('GIVEN two label folders after one --news-labels THEN train:quotes stops with a message saying how to pass both, before training', () => {
    mkdirSync(join(root, 'labels-a'), { recursive: true });
    mkdirSync(join(root, 'labels-b'), { recursive: true });
    const r = run('train-quotes.ts', ['--news-labels', join(root, 'labels-a'), join(root, 'labels-b'), '--corpora', corpora, '--out', join(root, 'w.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('labels-b is a folder, not an annotated file: pass each label folder or file after its own --news-labels');
  });

  // Six child processes (each a tsx start-up): the suite's 20 s default is too tight on a loaded machine.
  it('GIVEN a bad --news-weight THEN train:quotes stops with a message before reading anything', () => {
    for (const bad of ['0', '-1', 'half']) {
      const r = run('train-quotes.ts', ['--news-labels', join(root, 'toy.jsonl'), '--corpora', corpora, '--news-weight', bad, '--out', join(root, 'w.json')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('--news-weight must be a positive number');
    }
    for (const tail of [[], ['--folds', '5']]) {
      const missing = run('train-quotes.ts', ['--news-labels', join(root, 'toy.jsonl'), '--corpora', corpora, '--out', join(root, 'w.json'), '--news-weight', ...tail]);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('--news-weight needs a value');
    }
    const r = run('train-quotes.ts', [new URL('./fixtures/speaker-train.jsonl', import.meta.url).pathname, '--news-weight', '0.5', '--out', join(root, 'w.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--news-weight is for --news-labels PATH');
  }, 120_000);

  it('GIVEN --agree before a label path THEN eval-news-labels reads the later path as labels, not as a second reader', () => {
    const one = labelFile('agree-1.jsonl', [{ corpus: 'toy', article: 'toy-2', quotes: [{ paragraph: 2, open: 0, speaker: null, type: 'skip' }] }]);
    const two = labelFile('agree-2.jsonl', [{ corpus: 'toy', article: 'toy-3', quotes: [{ paragraph: 2, open: 0, speaker: null, type: 'skip' }] }]);
    const r = run('eval-news-labels.ts', [one, '--agree', one, two, '--corpora', corpora]);
    expect(r.stderr).toBe('');
    // The committed weights' figure says it is in sample on the labels they were trained on.
    expect(r.stdout).toMatch(/committed weights \(in sample on the labels they were trained on[^\n]*\): 2 articles/u);
    expect(r.stdout).toContain('inter-reader agreement (1 articles labelled twice)');
  });
});
