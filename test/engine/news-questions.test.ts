import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load.js';
import { Engine } from '../../src/engine.js';
import { typedCandidates } from '../../src/search/candidates.js';
import { PassageIndex } from '../../src/search/index.js';
import { answerType, whPhrase } from '../../src/search/question.js';
import { terms } from '../../src/text/tokenize.js';
import { evalNews, readNewsQuestions, summarize } from '../../bench/news-ask.js';
import { writeTempArchive } from '../../bench/fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('news question shapes (question.ts)', () => {
  it('GIVEN "what" with an amount a story reports (profit, ceiling, fees), before or after the copula THEN the question asks for a number', () => {
    expect(answerType('What profit does the airline now expect for the year?')).toBe('number');
    expect(answerType("What is OPEC's current production ceiling?")).toBe('number');
    expect(answerType('What were the annual carriage fees for the channels?')).toBe('number');
    expect(answerType('What will be the new dividend?')).toBe('number');
    // A company named after its trade is no amount.
    expect(answerType('Which films were made by what production company?')).toBe('other');
    expect(answerType('What production company made the film?')).toBe('other');
  });

  it('GIVEN "what" with a verb of causing (slowed, sparked, drove) THEN the question asks for a cause; "what made" and "what was" do not', () => {
    expect(answerType('What slowed West German growth, according to the minister?')).toBe('cause');
    expect(answerType('What sparked the sell-off in bank shares?')).toBe('cause');
    expect(answerType('What drove residents to the suburbs?')).toBe('cause');
    expect(answerType('What was the hit that made the singer famous?')).toBe('other');
  });

  it('GIVEN "which" with an organisation or people in the plural (airlines, banks, groups) THEN the question asks for a name', () => {
    expect(answerType('Which other airlines did the Commission warn?')).toBe('person');
    expect(answerType('Which banks lent the money?')).toBe('person');
    expect(answerType('Which bank is buying the subsidiary?')).toBe('person');
    expect(answerType('Which carmaker cut its prices?')).toBe('person');
    expect(answerType('Which colour did the team wear?')).toBe('other');
  });

  it('GIVEN "how much/many" followed by an auxiliary THEN there is no head word (the auxiliary is not what is asked about)', () => {
    const head = (q: string): string | undefined => whPhrase(q, new Set(terms(q))).head;
    expect(head('How much will the adapter sell for?')).toBeUndefined();
    expect(head('How much does a probationer earn?')).toBeUndefined();
    expect(head('How many will the committee give away?')).toBeUndefined();
    expect(head('How many people live in Riverton?')).toBe(terms('people')[0]);
  });
});

describe('wire-copy stock codes are not answer names (candidates.ts)', () => {
  it('GIVEN "Citicorp <CCI>" or "<GM.N>" THEN the code is no candidate; a company name in brackets and the offsets stay', () => {
    const s = 'Citicorp <CCI> staff said the unit goes to First National Bank <BCLJ.J>, not to <Ford Motor Co> or General Motors Corp <GM.N>.';
    const names = typedCandidates(s).filter((c) => c.kind === 'name');
    expect(names.map((c) => c.text)).toEqual(['Citicorp', 'First National Bank', 'Ford Motor Co', 'General Motors Corp']);
    for (const c of names) expect(s.slice(c.start, c.end)).toBe(c.text);
  });

  it('GIVEN a who-question over a wire story THEN the answer is the buyer named in the story, not the seller\'s stock code', () => {
    const dir = writeTempArchive('k17-ticker', [
      [
        'wire-1',
        'date 1987-06-19\nCITICORP STAFF CHALLENGE SALE\n\nJOHANNESBURG, June 19 - Staff of the U.S. bank Citicorp <CCI> said they will challenge the sale of its South African subsidiary.\n\nThe staff were not consulted on the sale of the subsidiary to First National Bank <BCLJ.J>, they said.',
      ],
      ['other-1', 'date 1987-06-20\nGRAIN PRICES FALL\n\nCHICAGO, June 20 - Wheat prices fell on the Chicago Board of Trade after rain in Kansas.'],
    ]);
    try {
      const archive = loadArchive(dir);
      const r = new Engine(archive, PassageIndex.build(archive.articles)).ask({ question: "Which bank is buying Citicorp's South African subsidiary?" });
      const spans = r.hits.map((h) => h.answerSpan?.text);
      expect(r.answerType).toBe('person');
      expect(spans).not.toContain('CCI');
      expect(spans).toContain('First National Bank');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('eval:news-ask on a question file (bench/news-ask.ts)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'k17-news-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const archive = writeTempArchive('k17-news-archive', [
    ['story-1', 'date 2005-01-10\nLufthansa counts cost of visit\n\nLufthansa may sue after the arrival of the president disrupted flights at Frankfurt.\n\nThe airline said it had to cancel 77 flights, affecting about 5,000 passengers.'],
    ['story-2', 'date 2005-01-11\nHarbour reopens\n\nThe Riverton harbour reopened on Monday after repairs costing £2m.'],
  ]);
  afterAll(() => rmSync(archive, { recursive: true, force: true }));
  const good = [
    { id: 'a1', corpus: 'news', article: 'story-1', type: 'number', question: 'How many Lufthansa flights were cancelled?', answers: ['77'] },
    { id: 'a2', corpus: 'news', article: 'story-2', type: 'time', question: 'When did the Riverton harbour reopen?', answers: ['Monday'] },
    { id: 'a3', corpus: 'news', article: 'story-2', type: 'person', question: 'Who painted the Riverton lighthouse?', answers: ['Anna Weiss'] },
  ];

  it('GIVEN a well-formed file THEN every question is read and scored, and a question nothing answers is a notRetrieved miss', () => {
    const path = join(tmp, 'good.jsonl');
    writeFileSync(path, good.map((q) => JSON.stringify(q)).join('\n') + '\n\n');
    const questions = readNewsQuestions(path);
    expect(questions.map((q) => q.id)).toEqual(['a1', 'a2', 'a3']);
    const a = loadArchive(archive);
    const results = evalNews(new Map([['news', new Engine(a, PassageIndex.build(a.articles))]]), questions);
    const byId = new Map(results.map((r) => [r.question.id, r]));
    expect(byId.get('a3')).toMatchObject({ sentence: false, miss: 'notRetrieved', answerRank: null });
    for (const id of ['a1', 'a2']) expect(byId.get(id)).toMatchObject({ sentence: true, miss: null, answerRank: 1, articleFirst: true });
    const s = summarize(results);
    expect([s.n, s.sentence, s.top5]).toEqual([3, 2, 2]);
    expect(s.misses.get('notRetrieved')).toBe(1);
  });

  it('GIVEN the npm script on the file THEN it prints the summary line; on a malformed line it stops with the file, line and what is wrong', () => {
    const path = join(tmp, 'news.jsonl');
    writeFileSync(path, good.map((q) => JSON.stringify(q)).join('\n'));
    const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'eval-news-ask.ts'), file, join(archive, '..', archive.split('/').pop() ?? '')], { cwd: ROOT, encoding: 'utf8' });
    // The corpus name is the folder's basename: rename the questions' corpus to it.
    const named = join(tmp, 'named.jsonl');
    writeFileSync(named, good.map((q) => JSON.stringify({ ...q, corpus: archive.split('/').pop() })).join('\n'));
    const ok = run(named);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/questions 3 {2}top-sentence accuracy 0\.667 \(2\/3\)/);
    expect(ok.stdout).toMatch(/misses: notRetrieved 1/);
    const cases: Array<[string, RegExp]> = [
      ['{"id": "b1", "corpus": "news"', /bad\.jsonl:2: not JSON/],
      [JSON.stringify({ ...good[0], id: 'b2', answers: [] }), /bad\.jsonl:2: "answers" must be a non-empty list/],
      [JSON.stringify({ ...good[0], id: 'b3', type: 'who' }), /bad\.jsonl:2: "type" must be one of person, time, number, place, cause, other \(got "who"\)/],
      [JSON.stringify({ ...good[0], id: 'b4', question: '' }), /bad\.jsonl:2: "question" must be a non-empty string/],
      [JSON.stringify(good[0]), /bad\.jsonl:2: id "a1" is used twice/],
      ['[1, 2]', /bad\.jsonl:2: not a JSON object/],
    ];
    for (const [line, message] of cases) {
      const bad = join(tmp, 'bad.jsonl');
      writeFileSync(bad, `${JSON.stringify(good[0])}\n${line}\n`);
      const r = run(bad);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(run(path).status).toBe(0);
  });

  it('GIVEN the repository question files THEN both read without error, 40 questions each, ids unique across both, half of the second from each corpus', () => {
    const first = readNewsQuestions(join(ROOT, 'bench', 'news-questions.jsonl'));
    const second = readNewsQuestions(join(ROOT, 'bench', 'news-questions-2.jsonl'));
    expect([first.length, second.length]).toEqual([40, 40]);
    expect(new Set([...first, ...second].map((q) => q.id)).size).toBe(80);
    expect(second.filter((q) => q.corpus === 'bbc')).toHaveLength(20);
    // Written from articles the first file does not use.
    const used = new Set(first.map((q) => q.article));
    expect(second.filter((q) => used.has(q.article))).toEqual([]);
  });
});
