import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { consoleAnswer, runConsole, splitLine } from '../../src/cli/console.js';
import { answerLine, runCli, EXIT } from '../../src/cli/run.js';
import { loadCommands } from '../../src/commands/registry.js';
import type { CommandSpec } from '../../src/commands/command.js';
import { silentLogger } from '../../src/log.js';
import { engineFor, memoryIO, removeDir, writeArchive } from '../helpers/archive.js';

let dir: string;
let cacheDir: string;
let commands: Map<string, CommandSpec>;

beforeAll(async () => {
  dir = writeArchive();
  cacheDir = writeArchive({});
  commands = await loadCommands();
});
afterAll(() => {
  removeDir(dir);
  removeDir(cacheDir);
});

/** Runs one command line in-process against the fixture archive (cache in a temp folder). */
async function cli(argv: string[], stdin = '') {
  const io = memoryIO(stdin);
  const code = await runCli(['--archive', dir, '--cache', join(cacheDir, 'index.json'), ...argv], io, silentLogger);
  return { code, out: io.out(), err: io.err() };
}

const json = (s: string): unknown => JSON.parse(s);

/** Interface §2's Hit, checked field by field. */
function expectHit(h: unknown): void {
  expect(h).toMatchObject({
    article: expect.any(String),
    title: expect.any(String),
    paragraph: expect.any(Number),
    text: expect.any(String),
    score: expect.any(Number),
  });
  const hit = h as { date: unknown; paragraph: number; url?: unknown };
  expect(hit.date === null || (typeof hit.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(hit.date))).toBe(true);
  expect(Number.isInteger(hit.paragraph) && hit.paragraph >= 1).toBe(true);
  if ('url' in hit) expect(typeof hit.url).toBe('string');
}

/** A plausible value for a required option, from its spec, so new commands are swept too. */
function sampleValue(name: string, spec: CommandSpec['options'][string]): string {
  if (spec.autocomplete === 'article') return '2020/ice-subpoenas';
  if (spec.autocomplete === 'speaker') return 'Henry Lucero';
  if (spec.type === 'integer') return String(spec.min ?? 1);
  if (spec.type === 'boolean') return 'true';
  return /question/.test(name) ? 'When was Khan charged with murder?' : 'subpoenas';
}

describe('every registered command', () => {
  it('GIVEN the registry THEN it holds at least search, ask, article and stats', () => {
    expect([...commands.keys()]).toEqual(expect.arrayContaining(['search', 'ask', 'article', 'stats']));
  });

  it('GIVEN its required options THEN it answers with exit 0 as text and as one JSON document', async () => {
    for (const [name, command] of commands) {
      const argv = [name];
      for (const [opt, spec] of Object.entries(command.options)) if (spec.required) argv.push(`--${opt}`, sampleValue(opt, spec));
      // Long commands (reindex) report progress on stderr as lines ending in "…"; nothing else goes there.
      const noProgress = (err: string): string => err.split('\n').filter((l) => l && !l.endsWith('…')).join('\n');
      const text = await cli(argv);
      expect({ name, code: text.code, err: noProgress(text.err) }).toEqual({ name, code: EXIT.ok, err: '' });
      expect(text.out.trim().length).toBeGreaterThan(0);
      const asJson = await cli([...argv, '--json']);
      expect({ name, code: asJson.code, err: noProgress(asJson.err) }).toEqual({ name, code: EXIT.ok, err: '' });
      expect(() => json(asJson.out)).not.toThrow();
    }
  });

  it('GIVEN a missing required option THEN it exits 1 naming the option on stderr', async () => {
    for (const [name, command] of commands) {
      const required = Object.entries(command.options).filter(([, s]) => s.required);
      if (required.length === 0) continue;
      const r = await cli([name]);
      expect(r.code).toBe(EXIT.badInput);
      expect(r.out).toBe('');
      expect(r.err).toMatch(new RegExp(`^error: ${name}: option "${required[0]?.[0]}" is required`));
    }
  });

  it('GIVEN an option it does not have THEN it exits 1 listing the ones it has', async () => {
    for (const name of commands.keys()) {
      const r = await cli([name, '--colour', 'red']);
      expect(r.code).toBe(EXIT.badInput);
      expect(r.err).toMatch(new RegExp(`${name}: unknown option "colour"`));
    }
  });

  it('GIVEN a missing archive folder THEN it exits 2 with the folder on stderr', async () => {
    for (const name of commands.keys()) {
      const io = memoryIO();
      const code = await runCli(['--archive', '/nonexistent/archive', '--cache', join(cacheDir, 'x.json'), name, '--json'], io, silentLogger);
      expect(code).toBe(EXIT.badSetup);
      expect(io.out()).toBe('');
      expect(io.err()).toMatch(/archive folder not found: \/nonexistent\/archive/);
    }
  });
});

describe('search (command line)', () => {
  it('GIVEN --json THEN stdout is {hits: [Hit…]} best first, as interface §2 says', async () => {
    const r = await cli(['search', '--query', 'subpoenas', '--limit', '3', '--json']);
    expect(r.code).toBe(0);
    const body = json(r.out) as { hits: unknown[] };
    expect(Object.keys(body)).toEqual(['hits']);
    expect(body.hits).toHaveLength(3);
    body.hits.forEach(expectHit);
    expect(body.hits[0]).toMatchObject({ article: '2020/ice-subpoenas', date: '2020-01-18' });
  });

  it('GIVEN an article with a url THEN its hits carry the url', async () => {
    const body = json((await cli(['search', 'Café', 'Lune', '--json'])).out) as { hits: Array<{ article: string; url?: string }> };
    expect(body.hits[0]).toMatchObject({ article: '2019/cafe-closing', url: 'https://example.com/news/harbor-cafe' });
  });

  it('GIVEN loose words THEN they are the query', async () => {
    const loose = await cli(['search', 'water', 'contract', '--json']);
    const named = await cli(['search', '--query', 'water contract', '--json']);
    expect(loose.out).toBe(named.out);
    expect((await cli(['search', 'water', '--query', 'contract'])).err).toMatch(/not both/);
  });

  it('GIVEN text output THEN each hit shows title, date and citation', async () => {
    const r = await cli(['search', 'Bellmont', '--limit', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1\. Council approves budget after long night — 2020-03-05 \[2020\/water-contract ¶2\]\n {3}The council approved/);
  });

  it('GIVEN no match THEN it says so and exits 0', async () => {
    const r = await cli(['search', 'xylophone']);
    expect(r).toMatchObject({ code: 0, out: 'No passages match.\n' });
    expect(json((await cli(['search', 'xylophone', '--json'])).out)).toEqual({ hits: [] });
  });

  it('GIVEN bad input THEN it exits 1 with a clear message and nothing on stdout', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['search', '--query', '   '], /query is empty/],
      [['search', 'the', 'of'], /only common words/],
      [['search', '--query', 'x'.repeat(301)], /too long/],
      [['search', 'council', '--from', '2020-02-30'], /bad from date "2020-02-30"/],
      [['search', 'council', '--to', '13/45/2020'], /bad to date "13\/45\/2020"/],
      [['search', 'council', '--from', '2021', '--to', '2020'], /"from" \(2021\) is after "to" \(2020\)/],
      [['search', 'council', '--limit', '0'], /option "limit" must be from 1 to 25 \(got 0\)/],
      [['search', 'council', '--limit', '26'], /option "limit" must be from 1 to 25 \(got 26\)/],
      [['search', 'council', '--limit', 'five'], /option "limit" must be a whole number/],
      [['search', 'council', '--limit'], /option --limit needs a value/],
      [['frobnicate'], /unknown command "frobnicate"; commands: .*search/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(argv);
      expect({ argv, code: r.code, out: r.out }).toEqual({ argv, code: EXIT.badInput, out: '' });
      expect(r.err).toMatch(/^error: /);
      expect(r.err).toMatch(message);
    }
  });
});

describe('ask (command line)', () => {
  it('GIVEN --json THEN each hit is a Hit with the answering sentence', async () => {
    const r = await cli(['ask', 'When', 'was', 'Khan', 'charged', 'with', 'murder?', '--json']);
    expect(r.code).toBe(0);
    const body = json(r.out) as { hits: Array<{ answer: string; text: string }> };
    body.hits.forEach(expectHit);
    expect(body.hits[0]?.answer).toBe('Khan was charged with murder on January 10 and remains in custody.');
    for (const h of body.hits) expect(h.text).toContain(h.answer);
  });

  it('GIVEN text output THEN the answer is shown under the citation', async () => {
    const r = await cli(['ask', '--question', 'When was Khan charged with murder?', '--limit', '1']);
    expect(r.out).toMatch(/\[2020\/ice-subpoenas ¶3\]\n {3}Answer: Khan was charged with murder on \*\*January 10\*\*/);
  });
});

describe('article (command line)', () => {
  it('GIVEN an id THEN --json gives the article with numbered paragraphs and metadata', async () => {
    const body = json((await cli(['article', '2019/cafe-closing', '--json'])).out);
    expect(body).toMatchObject({
      article: '2019/cafe-closing',
      title: 'Harbor café closes after forty years',
      date: '2019-11-03',
      url: 'https://example.com/news/harbor-cafe',
      source: 'Riverton Courier',
      author: 'Jo Park',
      paragraphs: [
        { n: 1, text: expect.stringMatching(/^The Café Lune/) },
        { n: 2, text: expect.stringMatching(/^Owner Dr\. Anna Weiss/) },
        { n: 3, text: expect.stringMatching(/^Regulars/) },
      ],
    });
  });

  it('GIVEN an unknown id THEN it exits 1 and suggests close ids', async () => {
    const r = await cli(['article', '2020/ice-subpoena']);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/unknown article: 2020\/ice-subpoena; did you mean 2020\/ice-subpoenas\?/);
  });

  it('GIVEN text output THEN paragraphs are numbered as citations name them', async () => {
    const r = await cli(['article', '--id', '2020/ride-hailing']);
    expect(r.out).toMatch(/^Ride-hailing drivers rally outside City Hall\n2020-02-11 · 2020\/ride-hailing · \d+ words\n\n\[1\] Ride-hailing drivers rally outside City Hall\n\[2\] About 1,000/);
  });
});

describe('stats (command line)', () => {
  it('GIVEN the fixture THEN it counts articles, passages and the date span', async () => {
    const body = json((await cli(['stats', '--json'])).out);
    expect(body).toMatchObject({ articles: 6, dated: 6, undated: 0, firstDate: '2019-11-03', lastDate: '2021-06-02', warnings: [] });
    expect((body as { passages: number }).passages).toBeGreaterThanOrEqual(20);
  });

  it('GIVEN loose words THEN it refuses them, since it takes no options', async () => {
    const r = await cli(['stats', 'please']);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/stats takes no words/);
  });
});

describe('runCli', () => {
  it('GIVEN no command THEN it prints usage and exits 1; with help, exits 0', async () => {
    const none = await cli([]);
    expect(none.code).toBe(EXIT.badInput);
    expect(none.out).toMatch(/^usage:/);
    for (const argv of [['help'], ['--help']]) {
      const r = await cli(argv);
      expect(r.code).toBe(EXIT.ok);
      expect(r.out).toMatch(/^usage:/);
      for (const name of commands.keys()) expect(r.out).toContain(`  ${name}`);
    }
    const one = await cli(['search', '-h']);
    expect(one.code).toBe(EXIT.ok);
    expect(one.out).toMatch(/^search — /);
  });

  it('GIVEN --option=value THEN it reads like --option value', async () => {
    expect((await cli(['search', '--query=Bellmont', '--limit=1', '--json'])).out).toBe((await cli(['search', '--query', 'Bellmont', '--limit', '1', '--json'])).out);
  });

  it('GIVEN ARCHIVE_DIR and INDEX_CACHE in the environment THEN they are used when no flag is given', async () => {
    const io = memoryIO('', { ARCHIVE_DIR: dir, INDEX_CACHE: join(cacheDir, 'env.json') });
    expect(await runCli(['stats', '--json'], io, silentLogger)).toBe(0);
    expect(json(io.out())).toMatchObject({ articles: 6 });
  });
});

describe('batch', () => {
  const lines = [
    JSON.stringify({ id: 7, command: 'search', options: { query: 'subpoena', limit: 2 } }),
    'this is not json',
    JSON.stringify({ id: 'b', command: 'frobnicate', options: {} }),
    JSON.stringify({ id: 9, command: 'search', options: { query: 'council', limit: 0 } }),
    JSON.stringify({ id: 10, command: 'ask', options: {} }),
    JSON.stringify({ id: 11, command: 'search', options: { query: 'council', colour: 'red' } }),
    JSON.stringify({ id: 12, command: 'article', options: { id: 'foo' } }),
    JSON.stringify({ id: 13, command: 'search', options: ['council'] }),
    JSON.stringify([1, 2]),
    JSON.stringify({ id: 15, options: { query: 'council' } }),
    JSON.stringify({ id: 16, command: 'search', options: { query: 'council', from: '2020-02-30' } }),
    JSON.stringify({ id: 17, command: 'stats' }),
    JSON.stringify({ id: 18, command: 'ask', options: { question: 'When was Khan charged with murder?', limit: '1' } }),
  ];

  it('GIVEN good and bad lines THEN one response per line, in order, with ids echoed and clear errors', async () => {
    const r = await cli(['batch'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toBe('');
    const out = r.out.trimEnd().split('\n').map((l) => json(l) as { id: unknown; ok: boolean; error?: string; result?: unknown });
    expect(out).toHaveLength(lines.length);
    expect(out.map((o) => o.id)).toEqual([7, null, 'b', 9, 10, 11, 12, 13, null, 15, 16, 17, 18]);
    expect(out.map((o) => o.ok)).toEqual([true, false, false, false, false, false, false, false, false, false, false, true, true]);
    const first = out[0]?.result as { hits: unknown[] };
    expect(first.hits).toHaveLength(2);
    first.hits.forEach(expectHit);
    const errors = out.map((o) => o.error ?? '');
    expect(errors[1]).toBe('line 2: not JSON');
    expect(errors[2]).toMatch(/^unknown command "frobnicate"; commands: .*search/);
    expect(errors[3]).toBe('search: option "limit" must be from 1 to 25 (got 0)');
    expect(errors[4]).toMatch(/^ask: option "question" is required/);
    expect(errors[5]).toMatch(/^search: unknown option "colour" \(options: query, speaker, from, to, limit\)/);
    expect(errors[6]).toMatch(/^unknown article: foo/);
    expect(errors[7]).toBe('"options" must be a JSON object');
    expect(errors[8]).toBe('line 9: not a JSON object');
    expect(errors[9]).toBe('missing "command"');
    expect(errors[10]).toMatch(/bad from date "2020-02-30"/);
    expect(out[11]?.result).toMatchObject({ articles: 6 });
    expect((out[12]?.result as { hits: Array<{ answer: string }> }).hits[0]?.answer).toMatch(/January 10/);
    for (const o of out) expect(Object.keys(o)).toEqual(o.ok ? ['id', 'ok', 'result'] : ['id', 'ok', 'error']);
  });

  it('GIVEN the same request in batch and on the command line THEN the results are the same', async () => {
    const one = json((await cli(['search', 'water', 'contract', '--limit', '2', '--json'])).out);
    const batch = json((await cli(['batch'], `${JSON.stringify({ id: 1, command: 'search', options: { query: 'water contract', limit: 2 } })}\n`)).out) as { result: unknown };
    expect(batch.result).toEqual(one);
  });

  it('GIVEN CRLF line ends, blank lines and no final newline THEN every request line is answered', async () => {
    const input = [lines[0], '', '   ', lines[11], lines[1]].join('\r\n');
    const out = (await cli(['batch'], input)).out.trimEnd().split('\n').map((l) => json(l) as { id: unknown });
    expect(out.map((o) => o.id)).toEqual([7, 17, null]);
  });

  it('GIVEN empty input THEN it writes nothing and exits 0', async () => {
    expect(await cli(['batch'], '')).toEqual({ code: 0, out: '', err: '' });
  });
});

describe('answerLine', () => {
  it('GIVEN a request THEN it answers it directly, without a stream', async () => {
    const ctx = { engine: engineFor(dir) };
    expect(await answerLine(ctx, commands, '{"id": "x", "command": "article", "options": {"id": "2021/ferry-schedule"}}', 1)).toMatchObject({
      id: 'x',
      ok: true,
      result: { article: '2021/ferry-schedule', date: '2021-06-02' },
    });
    expect(await answerLine(ctx, commands, '{"id": 3, "command": "search", "options": {"query": "the"}}', 4)).toEqual({
      id: 3,
      ok: false,
      error: expect.stringMatching(/only common words/),
    });
  });
});

describe('splitLine', () => {
  it('GIVEN quoted words THEN they stay together, without the quotes', () => {
    expect(splitLine(`search "water contract" --limit 2 --from '2020-03'`)).toEqual(['search', 'water contract', '--limit', '2', '--from', '2020-03']);
    expect(splitLine('   ')).toEqual([]);
  });
});

describe('consoleAnswer', () => {
  it('GIVEN console lines THEN it answers like the command line, errors as text', async () => {
    const ctx = { engine: engineFor(dir) };
    expect(await consoleAnswer(ctx, commands, 'search Bellmont --limit 1')).toMatch(/^1\. Council approves budget after long night — 2020-03-05 \[2020\/water-contract ¶2\]/);
    expect(JSON.parse(await consoleAnswer(ctx, commands, 'search "water contract" --limit 1 --json'))).toMatchObject({ hits: [{ article: '2020/water-contract' }] });
    expect(await consoleAnswer(ctx, commands, 'search council --from 2020-02-30')).toMatch(/^error: bad from date "2020-02-30"/);
    expect(await consoleAnswer(ctx, commands, 'frobnicate')).toMatch(/^error: unknown command "frobnicate"; commands: /);
    expect(await consoleAnswer(ctx, commands, 'help')).toMatch(/^commands: /);
  });
});

describe('runConsole', () => {
  it('GIVEN lines on input THEN it answers each until quit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let said = '';
    output.setEncoding('utf8').on('data', (s: string) => (said += s));
    input.end('stats\n\nsearch xylophone\nquit\nstats\n');
    await runConsole({ engine: engineFor(dir) }, commands, { input, output });
    expect(said).toMatch(/^commands: /);
    expect(said.match(/articles {2}6/g)).toHaveLength(1);
    expect(said).toContain('No passages match.');
  });
});
