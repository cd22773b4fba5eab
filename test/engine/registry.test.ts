import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { optionsFromArgs, parseArgs } from '../../src/cli/args.js';
import { parseOptions, type OptionsSpec } from '../../src/commands/options.js';
import { loadCommands } from '../../src/commands/registry.js';
import type { CommandSpec } from '../../src/commands/command.js';
import { HIDE_OPTION } from '../../src/discord/execute.js';
import { slashJSON } from '../../src/discord/slash.js';
import { UserError } from '../../src/errors.js';

// Discord's limits for chat-input commands.
const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;
const MAX_DESCRIPTION = 100;
const MAX_OPTIONS = 25;
// Flags the command line takes for itself; an option with one of these names could not be given.
const GLOBAL_FLAGS = ['archive', 'cache', 'out', 'json', 'help'];

let commands: Map<string, CommandSpec>;
beforeAll(async () => {
  commands = await loadCommands();
});

interface OptionJson {
  name: string;
  description: string;
  required?: boolean;
}

describe('loadCommands', () => {
  it('GIVEN commands/ THEN every module is a command whose name matches its registry key', () => {
    expect(commands.size).toBeGreaterThan(0);
    for (const [key, c] of commands) {
      expect(c.name).toBe(key);
      expect(slashJSON(c).name).toBe(key);
    }
  });

  it('GIVEN every command THEN names and descriptions are within Discord limits', () => {
    for (const c of commands.values()) {
      const data = slashJSON(c) as { name: string; description: string; options?: OptionJson[] };
      expect(data.name).toMatch(NAME);
      expect(data.name).toBe(data.name.toLowerCase());
      expect(data.description.length, data.name).toBeGreaterThanOrEqual(1);
      expect(data.description.length, data.name).toBeLessThanOrEqual(MAX_DESCRIPTION);
      const options = data.options ?? [];
      expect(options.length, data.name).toBeLessThanOrEqual(MAX_OPTIONS);
      for (const o of options) {
        expect(o.name, `${data.name} ${o.name}`).toMatch(NAME);
        expect(o.name).toBe(o.name.toLowerCase());
        expect(o.description.length, `${data.name} ${o.name}`).toBeGreaterThanOrEqual(1);
        expect(o.description.length, `${data.name} ${o.name}`).toBeLessThanOrEqual(MAX_DESCRIPTION);
      }
      // Discord rejects a required option after an optional one.
      const firstOptional = options.findIndex((o) => !o.required);
      if (firstOptional >= 0) expect(options.slice(firstOptional).every((o) => !o.required), data.name).toBe(true);
      expect(new Set(options.map((o) => o.name)).size).toBe(options.length);
    }
  });

  it('GIVEN every command THEN its options are the spec options plus "hide", and none clash with CLI flags', () => {
    for (const c of commands.values()) {
      const data = slashJSON(c) as { options?: OptionJson[] };
      const names = (data.options ?? []).map((o) => o.name).sort();
      expect(names).toEqual([...Object.keys(c.options), HIDE_OPTION].sort());
      for (const name of Object.keys(c.options)) {
        expect(GLOBAL_FLAGS, `${c.name} --${name}`).not.toContain(name);
        expect(name).not.toBe(HIDE_OPTION);
      }
    }
  });

  it('GIVEN options that name things THEN only text options autocomplete, and integer bounds are ordered', () => {
    for (const c of commands.values()) {
      for (const [name, o] of Object.entries(c.options)) {
        if (o.autocomplete) expect(o.type, `${c.name} ${name}`).toBe('string');
        if (o.min !== undefined && o.max !== undefined) expect(o.min).toBeLessThanOrEqual(o.max);
        if (o.maxLength !== undefined) expect(o.maxLength).toBeLessThanOrEqual(6000);
      }
    }
  });
});

const SPEC = {
  query: { type: 'string', description: 'Words', required: true, maxLength: 20 },
  limit: { type: 'integer', description: 'How many', min: 1, max: 25 },
  exact: { type: 'boolean', description: 'Exact' },
} as const satisfies OptionsSpec;

describe('parseOptions', () => {
  it('GIVEN command-line strings THEN integers and booleans are converted', () => {
    expect(parseOptions('search', SPEC, { query: 'council', limit: ' 3 ', exact: 'yes' })).toEqual({ query: 'council', limit: 3, exact: true });
    expect(parseOptions('search', SPEC, { query: 'council', exact: 'false' })).toEqual({ query: 'council', exact: false });
    expect(parseOptions('search', SPEC, { query: 42 })).toEqual({ query: '42' });
  });

  it('GIVEN empty or null optional values THEN they are left out', () => {
    expect(parseOptions('search', SPEC, { query: 'x', limit: '', exact: null })).toEqual({ query: 'x' });
  });

  it('GIVEN bad values THEN a UserError names the command and the option', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'search: option "query" is required (Words)'],
      [{ query: '' }, 'search: option "query" is required (Words)'],
      [{ query: 'x', limit: 1.5 }, 'search: option "limit" must be a whole number (got 1.5)'],
      [{ query: 'x', limit: '1e3' }, 'search: option "limit" must be a whole number (got "1e3")'],
      [{ query: 'x', limit: 0 }, 'search: option "limit" must be from 1 to 25 (got 0)'],
      [{ query: 'x', exact: 'maybe' }, 'search: option "exact" must be true or false'],
      [{ query: ['x'] }, 'search: option "query" must be text'],
      [{ query: 'x'.repeat(21) }, 'search: option "query" is too long (21 characters; at most 20)'],
      [{ query: 'x', colour: 'red' }, 'search: unknown option "colour" (options: query, limit, exact)'],
    ];
    for (const [raw, message] of cases) {
      expect(() => parseOptions('search', SPEC, raw)).toThrow(UserError);
      expect(() => parseOptions('search', SPEC, raw)).toThrow(message);
    }
    expect(() => parseOptions('stats', {}, { x: 1 })).toThrow('stats: unknown option "x" (it takes no options)');
  });

  it('GIVEN an option named like an Object.prototype member THEN it is unknown, not silently ignored', () => {
    for (const line of ['{"constructor": "x"}', '{"toString": "x"}', '{"__proto__": {"query": "x"}}']) {
      const raw = JSON.parse(line) as Record<string, unknown>;
      expect(() => parseOptions('stats', {}, raw), line).toThrow(/stats: unknown option/);
    }
  });

  it('GIVEN any JSON object THEN it either parses or throws a UserError, never anything else', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('query', 'limit', 'exact', 'other', '__proto__', 'constructor'), fc.jsonValue()), (raw) => {
        try {
          const out = parseOptions('search', SPEC, raw);
          expect(Object.keys(raw).every((k) => ['query', 'limit', 'exact'].includes(k))).toBe(true);
          expect(typeof out.query).toBe('string');
          if (out.limit !== undefined) expect(Number.isInteger(out.limit)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseArgs', () => {
  it('GIVEN global flags anywhere THEN they are taken out and the rest is the command and its options', () => {
    expect(parseArgs(['--archive', 'news', 'search', 'city', '--limit', '3', 'hall', '--json', '--cache=/tmp/c.json'])).toEqual({
      flags: { archive: 'news', cache: '/tmp/c.json', json: true, help: false },
      command: 'search',
      named: { limit: '3' },
      positional: ['city', 'hall'],
    });
  });

  it('GIVEN "--" THEN everything after it is loose words, even flags', () => {
    expect(parseArgs(['search', '--', '--limit', 'x']).positional).toEqual(['--limit', 'x']);
  });

  it('GIVEN a flag without a value THEN it is a UserError', () => {
    expect(() => parseArgs(['search', '--from'])).toThrow('option --from needs a value');
    expect(() => parseArgs(['search', '--from', '--to', '2020'])).toThrow('option --from needs a value');
  });

  it('GIVEN loose words THEN they fill the first required text option', () => {
    expect(optionsFromArgs('search', SPEC, parseArgs(['search', 'water', 'contract', '--limit', '2']))).toEqual({ query: 'water contract', limit: '2' });
  });

  it('GIVEN any argv THEN it parses or throws a UserError', () => {
    const arg = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('--json', '--archive', '--limit', '--', '-h', '--x=1', '--=', '---'));
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 10 }), (argv) => {
        try {
          const parsed = parseArgs(argv);
          expect(typeof parsed.flags.json).toBe('boolean');
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
