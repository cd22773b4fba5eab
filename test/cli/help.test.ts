import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitLine } from '../../src/cli/console.js';
import { commandHelp } from '../../src/cli/help.js';
import { EXIT, runCli } from '../../src/cli/run.js';
import { closestName, resolveCommandName } from '../../src/cli/suggest.js';
import { loadCommands } from '../../src/commands/registry.js';
import { silentLogger } from '../../src/log.js';
import { memoryIO } from '../helpers/archive.js';
import { ROOT } from '../spawn.js';

const commands = await loadCommands();

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO();
  const code = await runCli(argv, io, silentLogger);
  return { code, out: io.out(), err: io.err() };
}

describe('commandHelp', () => {
  it.each([...commands.keys()])('GIVEN %s --help THEN usage, every option with its placeholder, and an example', async (name) => {
    const r = await cli([name, '--help']);
    expect(r.code).toBe(EXIT.ok);
    const spec = commands.get(name);
    expect(r.out).toBe(commandHelp(spec ?? { name, description: '', options: {} }));
    expect(r.out).toMatch(new RegExp(`^${name} — `));
    for (const option of Object.keys(spec?.options ?? {})) expect(r.out).toContain(`--${option} `);
    expect(r.out).toMatch(new RegExp(`example:\\n  npm run --silent cli -- ${name}`));
  });

  it('GIVEN search THEN the ranges, defaults, length limit and date forms are spelled out', () => {
    const text = commandHelp(commands.get('search') ?? { name: '', description: '', options: {} });
    expect(text).toContain('usage: npm run --silent cli -- [--archive DIR] search QUERY… [--speaker NAME] [--from DATE] [--to DATE] [--limit 1-25] [--json]');
    expect(text).toMatch(/--limit 1-25 +How many passages \(1-25, default 5\)/);
    expect(text).toMatch(/--query TEXT +Words to look for · required · loose words fill it · at most 300 characters/);
    expect(text).toContain('dates: 2020-01-19 (a day), 2020-01 (a month) or 2020 (a year)');
  });

  it('GIVEN help COMMAND, import --help or batch --help THEN each has its own page', async () => {
    expect((await cli(['help', 'digest'])).out).toMatch(/^digest — /);
    expect((await cli(['import', '--help'])).out).toMatch(/^import — [\s\S]*--map F=N/);
    expect((await cli(['batch', '--help'])).out).toMatch(/^batch — [\s\S]*"ok": false/);
  });
});

describe('help examples', () => {
  const here = mkdtempSync(join(tmpdir(), 'help-examples-'));
  afterAll(() => rmSync(here, { recursive: true, force: true }));
  const withExamples = [...commands.values()].filter((c) => c.example !== undefined);

  it('GIVEN the registry THEN every command but the argument-free ones has an example', () => {
    expect(withExamples.map((c) => c.name).sort()).toEqual([...commands.values()].filter((c) => Object.keys(c.options).length > 0).map((c) => c.name).sort());
  });

  it.each(withExamples.map((c) => [c.name, c.example ?? ''] as const))('GIVEN the %s example (%s) THEN it runs on the bundled archive', async (name, example) => {
    const io = memoryIO('', { INIT_CWD: here });
    const code = await runCli(['--archive', join(ROOT, 'seeds'), '--cache', join(here, 'cache.json'), name, ...splitLine(example)], io, silentLogger);
    expect(io.err()).toBe('');
    expect(code).toBe(EXIT.ok);
    // `--out subpoenas.png` is written where the user stands (INIT_CWD), not in the project.
    if (example.includes('--out')) expect(existsSync(join(here, 'subpoenas.png'))).toBe(true);
  });
});

describe('did you mean', () => {
  it.each([
    ['serch', 'search'],
    ['sumary', 'summary'],
    ['timelime', 'timeline'],
    ['imprt', 'import'],
    ['speak', 'speakers'],
  ])('GIVEN the command %s THEN the message suggests %s', async (typed, meant) => {
    const r = await cli([typed, 'x']);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toContain(`unknown command "${typed}"; did you mean "${meant}"?`);
  });

  it('GIVEN a name far from every command THEN no suggestion, just the list', () => {
    expect(() => resolveCommandName('frobnicate', ['search', 'ask'])).toThrow('unknown command "frobnicate"; commands: search, ask');
    expect(closestName('zz', ['search', 'ask'])).toBeUndefined();
  });

  it('GIVEN a command or option in other case THEN it runs as if typed in lower case', async () => {
    const lower = await cli(['search', 'subpoena', '--limit', '1', '--json']);
    const upper = await cli(['SEARCH', 'subpoena', '--Limit', '1', '--json']);
    expect(upper.code).toBe(EXIT.ok);
    expect(upper.out).toBe(lower.out);
  });

  it('GIVEN an option typo THEN the option it probably meant is named', async () => {
    const r = await cli(['search', 'subpoena', '--limt', '2']);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toBe('error: search: unknown option "limt"; did you mean "limit"? (options: query, speaker, from, to, limit)\n');
  });

  it('GIVEN a batch line with a mistyped command THEN its error suggests the command', async () => {
    const io = memoryIO('{"id": 1, "command": "Serch", "options": {"query": "x"}}\n');
    await runCli(['batch'], io, silentLogger);
    expect(JSON.parse(io.out())).toMatchObject({ id: 1, ok: false, error: expect.stringContaining('did you mean "search"?') });
  });
});
