import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { headNoun, judgeLabel, labelsAgree, loadNews, parseLabels, readNewsLabels, sameOrganisation, stem, wilson, type JudgeContext, type SpeakerLabel } from '../../bench/news-labels.js';
import { articleId, collect, speakerAccuracy, train } from '../../bench/quote-training.js';
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
    expect(() => parseLabels('{"corpus":"toy","article":"toy-1","quotes":[]}\nnot json', 'a.jsonl')).toThrow('a.jsonl:2: not a JSON line');
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
    const alone: JudgeContext = { bySurname: new Map([['robinson', new Set(['andy robinson'])]]) };
    const two: JudgeContext = { bySurname: new Map([['robinson', new Set(['andy robinson', 'jason robinson'])]]) };
    expect(judgeLabel(label('person', 'Andy Robinson'), 'Robinson', alone)).toBe(true);
    expect(judgeLabel(label('person', 'Andy Robinson'), 'Robinson', two)).toBe(false);
    // A label that gives the surname alone (the article never gives the full name) accepts the full name.
    expect(judgeLabel(label('person', 'Robinson'), 'Andy Robinson', alone)).toBe(true);
    expect(judgeLabel(label('person', 'Robinson'), 'Andy Robinson', two)).toBe(false);
    expect(judgeLabel(label('person', 'Fadhil al-Chalabi'), 'al-Chalabi', noOne)).toBe(true);
    expect(judgeLabel(label('person', 'Andy Robinson'), 'Jason', alone)).toBe(false);
    expect(judgeLabel(label('person', 'Juan Lechin Oquendo'), 'Lechin', noOne)).toBe(true);
    expect(judgeLabel(label('person', 'Juan Lechin Oquendo'), 'Juan', noOne)).toBe(false);
  });

  it('GIVEN an unnamed label THEN a description with its head noun is right, singular or plural, and a name is wrong', () => {
    expect(judgeLabel(label('unnamed', 'one of the dealers'), 'a dealer', noOne)).toBe(true);
    expect(judgeLabel(label('unnamed', 'a securities dealer at a major Swiss bank'), 'the dealer', noOne)).toBe(true);
    expect(judgeLabel(label('unnamed', 'officials'), 'a senior official', noOne)).toBe(true);
    expect(judgeLabel(label('unnamed', 'a board spokeswoman'), 'an analyst', noOne)).toBe(false);
    expect(judgeLabel(label('unnamed', 'one U.S. analyst'), 'James Baker', noOne)).toBe(false);
    expect(judgeLabel(label('unnamed', 'one U.S. analyst'), null, noOne)).toBe(false);
    expect(headNoun('one of the dealers')).toBe('dealer');
    expect(headNoun('an official with one U.S. vehicle manufacturer')).toBe('official');
    expect(['spokesmen', 'parties', 'witnesses', 'sources', 'boss'].map(stem)).toEqual(['spokesman', 'party', 'witness', 'source', 'boss']);
  });

  it('GIVEN an organisation label THEN its name without "the", a legal form or ticker, or its acronym is right', () => {
    expect(judgeLabel(label('organisation', 'Bundesbank'), 'the Bundesbank', noOne)).toBe(true);
    expect(sameOrganisation('Texaco Canada', 'Texaco Canada Inc')).toBe(true);
    expect(sameOrganisation('Sedgwick Group Plc <SDWK.L>', 'Sedgwick Group Plc')).toBe(true);
    expect(sameOrganisation('the EIU', 'Economist Intelligence Unit')).toBe(true);
    expect(sameOrganisation('Kraft Singles', 'Kraft Inc')).toBe(false);
    expect(judgeLabel(label('organisation', 'International Monetary Fund'), 'the report', noOne)).toBe(false);
  });

  it('GIVEN a none or skip label THEN nobody is right for none, and a skip is never right (it does not count)', () => {
    expect(judgeLabel(label('none', null), null, noOne)).toBe(true);
    expect(judgeLabel(label('none', null), 'Ann Sicotte', noOne)).toBe(false);
    expect(judgeLabel(label('skip', null), null, noOne)).toBe(false);
  });

  it('GIVEN two readers THEN they agree on the same type and the same speaker as the judge reads it', () => {
    expect(labelsAgree(label('unnamed', 'one of the dealers'), label('unnamed', 'dealers'), noOne)).toBe(true);
    expect(labelsAgree(label('person', 'Andy Robinson'), label('unnamed', 'the coach'), noOne)).toBe(false);
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
    expect(acc.get('news')).toEqual({ judged: 3, right: 3 - errors.length });
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
