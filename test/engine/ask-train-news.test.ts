import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load.js';
import { Engine } from '../../src/engine.js';
import { DEFAULT_ASK_WEIGHTS, parseWeights, type Group } from '../../src/search/ask-model.js';
import { interleaved, newsPassageGroup, newsPassageGroups, trainAskWeights, type GoldQuestion, type NewsGold } from '../../src/search/ask-train.js';
import { PassageIndex } from '../../src/search/index.js';
import { UserError } from '../../src/errors.js';
import { writeTempArchive } from '../../bench/fixtures.js';
import { ROOT } from '../spawn.js';

/**
 * A tiny news archive in the shape the news question files ask about: each story's lead repeats
 * the question's words, a later paragraph answers (the pattern SQuAD's questions never show).
 */
const STORIES: Array<[string, string]> = [
  [
    'fees',
    'date 2005-01-10\nHarbour fees to rise\n\nThe Riverton harbour board will raise mooring fees at the Riverton harbour next year, the harbour board said.\n\nBoard chairman Tom Baker said the new fee would be 40 dollars a night from April.\n\nSailors have complained for years about the state of the pier.',
  ],
  [
    'ferry',
    'date 2005-01-11\nFerry service cut\n\nThe Pine Island ferry service will be cut back this winter, the ferry company said on Monday.\n\nThe company said only 3 crossings a day would run from December, down from 8.\n\nIslanders said they would protest at the town hall.',
  ],
  [
    'museum',
    'date 2005-01-12\nMuseum names director\n\nThe Riverton maritime museum has named a new museum director after a long search.\n\nThe trustees chose Ada Berg, a curator from Oslo, who starts in March.\n\nThe museum reopens next month after repairs.',
  ],
];
const NEWS: NewsGold[] = [
  { question: 'How much will the new mooring fee at the Riverton harbour be?', article: 'fees', answers: ['40 dollars'] },
  { question: 'How many Pine Island ferry crossings will run each day this winter?', article: 'ferry', answers: ['3 crossings'] },
  { question: 'Who is the new director of the Riverton maritime museum?', article: 'museum', answers: ['Ada Berg'] },
];

/** A SQuAD-shaped set for the rest of the training (the sentence and span models learn only from it). */
const DOCS = [
  { id: 'harbor', paragraphs: ['The Riverton harbor was built in 1888 by the Lakeside Shipping Company.', 'Ferries leave the harbor every hour for Pine Island. The crossing costs 6 dollars.'] },
  { id: 'library', paragraphs: ['The Riverton library holds 120,000 books. It was designed by Maria Lund.', 'The library opened on 4 May 1921.'] },
];
const SQUAD = [
  { question: 'When was the Riverton harbor built?', doc_id: 'harbor', paragraph_index: 0, answers: ['1888'] },
  { question: 'How much does the ferry crossing cost?', doc_id: 'harbor', paragraph_index: 1, answers: ['6 dollars'] },
  { question: 'Who designed the Riverton library?', doc_id: 'library', paragraph_index: 0, answers: ['Maria Lund'] },
  { question: 'When did the library open?', doc_id: 'library', paragraph_index: 1, answers: ['4 May 1921'] },
];

const archiveDir = writeTempArchive('k17-news-train', STORIES);
const tmp = mkdtempSync(join(tmpdir(), 'k17-news-train-'));
afterAll(() => {
  rmSync(archiveDir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});
const archive = loadArchive(archiveDir);
const engine = new Engine(archive, PassageIndex.build(archive.articles));

describe('news questions as passage-model training (ask-train.ts)', () => {
  it('GIVEN a news question THEN its group is the pool ask re-ranks, right only where the expected story\'s paragraph holds an answer (not its lead)', () => {
    const g = NEWS[0] as NewsGold;
    const { q, pool } = engine.askPool(g.question, 20);
    const group = newsPassageGroup(engine, g, q, pool, DEFAULT_ASK_WEIGHTS);
    expect(group.features).toHaveLength(pool.length);
    const right = pool.filter((_, i) => group.positive[i]).map((r) => engine.index.passageText(r.passage));
    expect(right).toEqual([expect.stringContaining('40 dollars a night')]);
    expect(group.key).toBe('fees');
  });

  it('GIVEN a weight THEN each question\'s group comes that many times; a weight that is not a whole number ≥ 1, or an article the archive lacks, is refused', () => {
    const groups = newsPassageGroups([{ engine, questions: NEWS }], DEFAULT_ASK_WEIGHTS, 3);
    expect(groups.map((copies) => copies.length)).toEqual([3, 3, 3]);
    for (const copies of groups) expect(new Set(copies).size).toBe(1);
    for (const bad of [0, 1.5, Number.NaN]) expect(() => newsPassageGroups([{ engine, questions: NEWS }], DEFAULT_ASK_WEIGHTS, bad)).toThrow(UserError);
    const lost = { ...(NEWS[0] as NewsGold), article: 'no-such-story' };
    expect(() => newsPassageGroups([{ engine, questions: [lost] }], DEFAULT_ASK_WEIGHTS, 1)).toThrow(/article no-such-story is not in its archive/);
  });

  it('GIVEN news copies THEN they are spread evenly among the SQuAD groups, each question\'s copies together, nothing lost', () => {
    const base: Group[] = Array.from({ length: 9 }, (_, i) => ({ features: [[i]], positive: [true] }));
    const extra: Group[][] = [0, 1].map((k) => [0, 1].map(() => ({ features: [[100 + k]], positive: [true] })));
    const mixed = interleaved(base, extra).map((g) => g.features[0]?.[0]);
    expect(mixed).toEqual([0, 1, 2, 100, 100, 3, 4, 5, 101, 101, 6, 7, 8]);
    expect(interleaved(base, [])).toEqual(base);
  });

  it('GIVEN trainAskWeights with news questions THEN only the passage model changes, the sentence and span models stay the kept ones, and the report counts the news groups', () => {
    const squadArchive = writeTempArchive(
      'k17-news-squad',
      DOCS.map((d) => [d.id, `${d.paragraphs.join('\n\n')}`] as [string, string]),
    );
    try {
      const squadEngine = new Engine(loadArchive(squadArchive), PassageIndex.build(loadArchive(squadArchive).articles));
      const gold: GoldQuestion[] = SQUAD.map((q) => ({ question: q.question, article: q.doc_id, paragraph: q.paragraph_index + 1, answers: q.answers }));
      const opts = { trees: false, passageOnly: DEFAULT_ASK_WEIGHTS };
      const without = trainAskWeights(squadEngine, gold, 'tiny', opts);
      const withNews = trainAskWeights(squadEngine, gold, 'tiny', { ...opts, news: [{ engine, questions: NEWS }], newsWeight: 5 });
      expect(withNews.weights.sentence).toEqual(DEFAULT_ASK_WEIGHTS.sentence);
      expect(withNews.weights.span).toEqual(without.weights.span);
      expect(withNews.weights.passage.weights).not.toEqual(without.weights.passage.weights);
      expect(without.report.newsAsked).toBeUndefined();
      expect(withNews.report).toMatchObject({ newsAsked: 3, newsGroups: 3 });
      expect(withNews.report.newsAccuracy).toBeGreaterThanOrEqual(0);
    } finally {
      rmSync(squadArchive, { recursive: true, force: true });
    }
  });
});

describe('npm run train:ask -- … --news FILE --news-corpus DIR', () => {
  const corpus = basename(archiveDir);
  const file = join(tmp, 'news.jsonl');
  writeFileSync(
    file,
    NEWS.map((q, i) => JSON.stringify({ id: `t${i + 1}`, corpus, article: q.article, type: i === 2 ? 'person' : 'number', question: q.question, answers: q.answers })).join('\n'),
  );
  writeFileSync(join(tmp, 'docs.jsonl'), DOCS.map((d) => JSON.stringify(d)).join('\n'));
  writeFileSync(join(tmp, 'questions.jsonl'), SQUAD.map((q) => JSON.stringify(q)).join('\n'));
  const kept = join(tmp, 'kept.json');
  writeFileSync(kept, JSON.stringify(DEFAULT_ASK_WEIGHTS));
  const train = (...extra: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts'), join(tmp, 'docs.jsonl'), join(tmp, 'questions.jsonl'), '--linear', '--passage-only', kept, ...extra], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('GIVEN a news file and its corpus THEN the passage model also learns from it and the weights say so', () => {
    const out = join(tmp, 'out.json');
    const run = train('--out', out, '--news', file, '--news-corpus', archiveDir, '--news-weight', '4');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/news questions \(passage model only, weight 4\): 3 of 3 asked have a right passage in their pool; training accuracy on those [01]\.\d{3}/);
    const written = parseWeights(JSON.parse(readFileSync(out, 'utf8')));
    expect(written.trainedOn).toMatch(/; passage model also on news: news\.jsonl \(3 questions, weight 4\)$/);
    expect(written.sentence).toEqual(DEFAULT_ASK_WEIGHTS.sentence);
  }, 120_000); // spawned trainings on two shared cores

  it('GIVEN a bad news option, a bad file or a missing corpus THEN the script stops with a message saying which', () => {
    const bad = join(tmp, 'bad.jsonl');
    writeFileSync(bad, `${readFileSync(file, 'utf8').split('\n')[0] ?? ''}\n{"id": "t2", "corpus"`);
    const lost = join(tmp, 'lost.jsonl');
    writeFileSync(lost, JSON.stringify({ id: 'x1', corpus, article: 'no-such-story', type: 'person', question: 'Who runs the harbour?', answers: ['Tom Baker'] }));
    const cases: Array<[string[], RegExp]> = [
      [['--news', file], /--news needs --news-corpus DIR/],
      [['--news', file, '--news-corpus', '/nowhere/bbc'], new RegExp(`questions ask about corpus ${corpus}, which no --news-corpus folder is named \\(given: bbc\\)`)],
      [['--news', bad, '--news-corpus', archiveDir], /--news: .*bad\.jsonl:2: not JSON/],
      [['--news', join(tmp, 'absent.jsonl'), '--news-corpus', archiveDir], /--news: .*absent\.jsonl/],
      [['--news', lost, '--news-corpus', archiveDir], /question x1 names article no-such-story, which .* does not hold/],
      [['--news', file, '--news-corpus', archiveDir, '--news-weight', '0.5'], /--news-weight needs a whole number of 1 or more \(got 0\.5\)/],
      [['--news-corpus', archiveDir], /--news-corpus and --news-weight go with --news/],
      [['--news', file, '--news', file, '--news-corpus', archiveDir], /--news is given twice/],
    ];
    for (const [extra, message] of cases) {
      const run = train(...extra);
      expect(run.status, extra.join(' ')).toBe(1);
      expect(run.stderr).toMatch(message);
    }
  }, 120_000); // spawned trainings on two shared cores
});
