import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../src/cli/run.js';
import type { CommandSpec } from '../src/commands/command.js';
import { loadCommands } from '../src/commands/registry.js';
import { commandProblems } from '../src/discord/deploy.js';
import { slashJSON } from '../src/discord/slash.js';
import { openEngine } from '../src/open.js';
import { removeDir, writeArchive } from './helpers/archive.js';
import { ROOT } from './spawn.js';

/** The README's "Adding a command" example, as written there, is a whole working command. */

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const example = /### Adding a command[\s\S]*?```ts\n([\s\S]*?)```/.exec(README)?.[1] ?? '';

let commandsDir: string;
let archiveDir: string;
let commands: Map<string, CommandSpec>;
beforeAll(async () => {
  // Beside commands/, so the example's `../src/…` import resolves as it would in commands/.
  commandsDir = mkdtempSync(join(ROOT, '.tmp-commands-'));
  writeFileSync(join(commandsDir, 'wordcount.ts'), example);
  archiveDir = writeArchive();
  commands = await loadCommands(commandsDir);
});
afterAll(() => {
  rmSync(commandsDir, { recursive: true, force: true });
  removeDir(archiveDir);
});

describe('README: adding a command', () => {
  it('GIVEN the example file alone THEN the registry loads it, Discord accepts it, and the command line answers it', async () => {
    expect(example).toContain("name: 'wordcount'");
    const spec = commands.get('wordcount');
    expect(spec).toBeDefined();
    if (!spec) return;
    expect(commandProblems([spec])).toEqual([]);
    expect(slashJSON(spec).options?.map((o) => o.name)).toEqual(['id', 'hide']);
    const ctx = { engine: openEngine({ archiveDir }).engine };
    const id = ctx.engine.articles[0]?.id ?? '';
    const ok = await answerLine(ctx, commands, JSON.stringify({ id: 1, command: 'wordcount', options: { id } }), 1);
    expect(ok).toEqual({ id: 1, ok: true, result: { article: id, words: ctx.engine.article(id).words } });
    expect(spec.renderText({ article: id, words: 3 })).toBe(`${id}: 3 words`);
    const bad = await answerLine(ctx, commands, JSON.stringify({ id: 2, command: 'wordcount', options: { id: 'no-such-article' } }), 2);
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/unknown article/) });
  });
});
