import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load.js';
import { CONFIDENT_OVERLAP, CONFIDENT_UNTYPED_OVERLAP, Engine, SHORT_STORY } from '../../src/engine.js';
import { questionView, scorePool, typedAnswers } from '../../src/search/answer.js';
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

  it('GIVEN the shapes news readers use (cost as a verb, a share of exports, blame, a village, an MEP) THEN the type is the one meant; near misses ("what part", "what ground") stay open', () => {
    expect(answerType('What would it cost to buy every gadget on the list?')).toBe('number');
    expect(answerType('What part of the Earth is larger than the crust?')).toBe('other');
    expect(answerType('What part did he play in the film?')).toBe('other');
    expect(answerType('What did the steel maker blame for its weak outlook?')).toBe('cause');
    expect(answerType('What did the minister say about the outlook?')).toBe('other');
    expect(answerType('In which village was the singer burgled?')).toBe('place');
    expect(answerType('Which MEP called the plan an insult?')).toBe('person');
    expect(answerType('Which MPs voted against the bill?')).toBe('person');
    expect(answerType('What economic growth does the government aim for?')).toBe('number');
    expect(answerType('What economic policy did he favour?')).toBe('other');
    expect(answerType('Which stadium hosted the final?')).toBe('place');
    expect(answerType('What ground did the judge give for the ruling?')).toBe('other');
  });

  it('GIVEN "how much/many" followed by an auxiliary THEN there is no head word (the auxiliary is not what is asked about)', () => {
    const head = (q: string): string | undefined => whPhrase(q, new Set(terms(q))).head;
    expect(head('How much will the adapter sell for?')).toBeUndefined();
    expect(head('How much does a probationer earn?')).toBeUndefined();
    expect(head('How many will the committee give away?')).toBeUndefined();
    expect(head('How many people live in Riverton?')).toBe(terms('people')[0]);
  });
});

describe('a name holding the which-phrase\'s noun can be the answer (answer.ts typedAnswers)', () => {
  const view = (question: string) => questionView(question, terms(question), () => 1);
  it('GIVEN "Which bank…" THEN "First National Bank" is a typed answer; a name holding another question word stays the subject', () => {
    const sentence = 'The subsidiary of Security Pacific Corp goes to First National Bank, the staff said.';
    const typed = (q: string) => typedAnswers(sentence, view(q)).map((c) => c.text);
    expect(typed('Which bank is buying the Security Pacific subsidiary?')).toEqual(['First National Bank']);
    // "Who" has a verb or no head: a name holding a question word is the question's subject.
    expect(typed('Who is buying the Security Pacific subsidiary from the bank?')).toEqual([]);
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
    for (const id of ['a1', 'a2']) expect(byId.get(id)).toMatchObject({ sentence: true, miss: null, answerRank: 1, articleFirst: true, firstPass: { storyRank: 1, answerInPool: true } });
    // The lighthouse question shares "Riverton" with story 2 only: the story is first in the pool, no paragraph of it answers.
    expect(byId.get('a3')?.firstPass).toEqual({ storyRank: 1, answerInPool: false });
    const s = summarize(results);
    expect([s.n, s.sentence, s.top5]).toEqual([3, 2, 2]);
    expect(s.misses.get('notRetrieved')).toBe(1);
    expect(s.retrieval).toEqual({ misses: 1, answerInPool: 0, storyOnly: 1, storyAbsent: 0, otherStoryFirst: 0 });
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
    // --rule-only: the same questions and top sentences, the reply decided by the fixed rule alone.
    const ruled = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'eval-news-ask.ts'), named, archive, '--rule-only'], { cwd: ROOT, encoding: 'utf8' });
    expect(ruled.status).toBe(0);
    expect(ruled.stdout).toMatch(/questions 3 {2}top-sentence accuracy 0\.667 \(2\/3\).*right but unsure \d+\)/);
    expect(ok.stdout).toMatch(/retrieval misses 1: the story's answering paragraph in the re-ranked pool 0, the story there without it 1, the story not there 0; another story first in the first pass 0/);
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
    // Bad options: a clear message and exit 1.
    const script = join(ROOT, 'bench', 'eval-news-ask.ts');
    const opt = (...extra: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, named, archive, ...extra], { cwd: ROOT, encoding: 'utf8' });
    for (const [extra, message] of [[['--weights'], /--weights needs a file/], [['--verbos'], /unknown option --verbos/]] as const) {
      const r = opt(...extra);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    const noCorpus = spawnSync(process.execPath, ['--import', 'tsx', script, named], { cwd: ROOT, encoding: 'utf8' });
    expect(noCorpus.status).toBe(1);
    expect(noCorpus.stderr).toMatch(/usage: npm run eval:news-ask/);
  }, 120_000); // spawned scripts on two shared cores

  it('GIVEN the repository question files THEN all eleven read without error (40 questions each, 20 in the eighth), ids unique across them, half of files 2-11 from each corpus, each written from articles the earlier files do not use', () => {
    const files = ['news-questions.jsonl', 'news-questions-2.jsonl', 'news-questions-3.jsonl', 'news-questions-4.jsonl', 'news-questions-5.jsonl', 'news-questions-6.jsonl', 'news-questions-7.jsonl', 'news-questions-8.jsonl', 'news-questions-9.jsonl', 'news-questions-10.jsonl', 'news-questions-11.jsonl'].map((f) => readNewsQuestions(join(ROOT, 'bench', f)));
    expect(files.map((f) => f.length)).toEqual([40, 40, 40, 40, 40, 40, 40, 20, 40, 40, 40]);
    expect(new Set(files.flat().map((q) => q.id)).size).toBe(420);
    for (const file of files.slice(1)) expect(file.filter((q) => q.corpus === 'bbc')).toHaveLength(file.length / 2);
    const used = new Set<string>();
    for (const file of files) {
      expect(file.filter((q) => used.has(q.article))).toEqual([]);
      for (const q of file) used.add(q.article);
    }
    // Files 4-11 mix the kinds of question a reader asks.
    for (const file of files.slice(3)) expect(new Set(file.map((q) => q.type)).size).toBeGreaterThanOrEqual(5);
  });
});

describe('ask reads a short top story whole, and does not present a restating sentence as the answer (engine.ts)', () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `Section ${String.fromCharCode(65 + i)} of the long report covers the fleet's routine maintenance.`).join('\n\n');
  const dir = writeTempArchive('k17-story', [
    [
      'short',
      'date 2005-03-27\nLufthansa counts the cost\n\nLufthansa cancelled flights at Frankfurt airport after the arrival of Air Force One.\n\nThe airline may sue the federal agencies.\n\nThe toll was 77 in all, affecting about 5,000 passengers, a spokesman said.',
    ],
    ['long', `date 2005-03-28\nLufthansa fleet report\n\nLufthansa cancelled flights to Berlin for the fleet report.\n\n${body(24)}\n\nIn all 12 were grounded.`],
    ['harbour', 'date 2005-01-11\nHarbour news\n\nThe Riverton harbour reopened to ships, officials in Riverton said, and the harbour master welcomed the first ferry.'],
    ['other', 'date 2005-01-12\nMarket report\n\nWheat prices fell in Chicago after rain in Kansas.'],
  ]);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const archive = loadArchive(dir);
  const engine = new Engine(archive, PassageIndex.build(archive.articles));
  const paragraphsOf = (pool: ReadonlyArray<{ passage: number }>, article: string) =>
    pool.map((r) => engine.index.passages[r.passage]).filter((p) => p !== undefined && engine.index.articles[p.article]?.id === article).map((p) => p?.paragraph);

  it('GIVEN the top story is short THEN its paragraphs without the question\'s words join the pool, and the one with the amount is among the hits', () => {
    const question = 'How many Lufthansa flights were cancelled at Frankfurt?';
    const { pool } = engine.askPool(question, 20);
    expect(paragraphsOf(pool, 'short')).toEqual(expect.arrayContaining([2, 3, 4]));
    const hits = engine.ask({ question, limit: 10 }).hits;
    expect(hits.some((h) => h.article === 'short' && h.paragraph === 4 && h.answer.includes('77 in all'))).toBe(true);
  });

  it('GIVEN the top story is longer than SHORT_STORY passages THEN only the paragraphs the first pass found are read', () => {
    expect(engine.index.articlePassages(archive.articles.findIndex((a) => a.id === 'long')).length).toBeGreaterThan(SHORT_STORY);
    const { pool } = engine.askPool('How many Lufthansa flights to Berlin were cancelled for the fleet report?', 20);
    const long = paragraphsOf(pool, 'long');
    expect(long).toContain(2);
    expect(long).not.toContain(28);
  });

  it('GIVEN a when-question whose best sentence restates most of it but names no date THEN the reply is unsure; with a date it is an answer', () => {
    const question = 'When did the Riverton harbour reopen to ships after the storm?';
    const { q, pool } = engine.askPool(question, 20);
    const top = scorePool(engine.index, pool, q, engine.askWeights).sort((a, b) => b.score - a.score)[0];
    expect(top?.best.typed).toEqual([]);
    // The old rule (half the question's words without a candidate) would have called it an answer.
    expect(top?.best.overlap).toBeGreaterThanOrEqual(CONFIDENT_OVERLAP);
    expect(top?.best.overlap).toBeLessThan(CONFIDENT_UNTYPED_OVERLAP);
    expect(engine.ask({ question }).confident).toBe(false);
    expect(engine.ask({ question: 'How many Lufthansa flights were cancelled at Frankfurt?' }).confident).toBe(true);
  });
});

describe('the seeded article draw (bench/draw-news.ts)', () => {
  it('GIVEN a seed THEN the same stories come out in the same order, short stories and excluded ones never; another seed reorders', () => {
    const para = (i: number, k: number) => `Story ${i} paragraph ${k} tells what the council decided about the harbour, the budget and the roads in plain words for readers.`;
    const stories: Array<[string, string]> = Array.from({ length: 12 }, (_, i) => [`s${String(i).padStart(2, '0')}`, `date 2005-01-01\nStory ${i}\n\n${[1, 2, 3, 4, 5, 6, 7, 8].map((k) => para(i, k)).join('\n\n')}`]);
    stories.push(['tiny', 'date 2005-01-01\nTiny\n\nOne short paragraph.']);
    const dir = writeTempArchive('k17-draw', stories);
    const tmp = mkdtempSync(join(tmpdir(), 'k17-draw-q-'));
    try {
      const exclude = join(tmp, 'used.jsonl');
      writeFileSync(exclude, `${JSON.stringify({ article: 's03' })}\n`);
      const draw = (seed: string) => {
        const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'draw-news.ts'), dir, '--seed', seed, '--per-corpus', '11', '--exclude', exclude], { cwd: ROOT, encoding: 'utf8' });
        expect(r.stderr).toBe('');
        return r.stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
      };
      const first = draw('1617');
      expect(first).toHaveLength(11);
      expect(new Set(first)).toEqual(new Set(stories.map(([id]) => id).filter((id) => id !== 'tiny' && id !== 's03')));
      expect(draw('1617')).toEqual(first);
      expect(draw('7')).not.toEqual(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000); // spawned scripts on two shared cores
});

describe('a story filed twice is shown once (engine.ts ask)', () => {
  it('GIVEN two copies of a story under different ids THEN no two hits of an answer show the same text, and the other story still shows', () => {
    const story = 'date 2005-01-10\nHarbour reopens\n\nThe Riverton harbour reopened on Monday after repairs.\n\nThe repairs cost £2m, the council said.';
    const dir = writeTempArchive('k17-dup', [
      ['copy-a', story],
      ['copy-b', story],
      ['other', 'date 2005-02-01\nHarbour fees\n\nHarbour fees in Riverton rise next month, the harbour master said.'],
    ]);
    try {
      const archive = loadArchive(dir);
      const hits = new Engine(archive, PassageIndex.build(archive.articles)).ask({ question: 'When did the Riverton harbour reopen?', limit: 10 }).hits;
      const texts = hits.map((h) => h.text);
      expect(new Set(texts).size).toBe(texts.length);
      expect(hits.filter((h) => h.text.includes('reopened on Monday'))).toHaveLength(1);
      expect(hits.some((h) => h.article === 'other')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
