import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './spawn.js';

/**
 * The README's examples must run as written in a fresh clone. Blocks marked
 * `<!-- readme-test: run -->` just above their fence are run line by line, in a scratch folder
 * inside the project holding what a clone has beside the README (seeds/, docs/), with no
 * token, as a person would. Unmarked blocks (they need a token, a network, a data set or
 * minutes) are left alone, so sections can be added without breaking this test.
 */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const MARK = '<!-- readme-test: run -->';

export function runnableBlocks(markdown: string): Array<{ line: number; commands: string[] }> {
  const out: Array<{ line: number; commands: string[] }> = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== MARK) continue;
    const fence = lines[i + 1]?.trim() ?? '';
    if (!/^```(sh|bash|shell)$/.test(fence)) throw new Error(`README line ${i + 1}: ${MARK} must stand just above a sh fence`);
    const commands: string[] = [];
    for (let j = i + 2; j < lines.length && lines[j]?.trim() !== '```'; j++) {
      const cmd = lines[j]?.trim() ?? '';
      if (cmd && !cmd.startsWith('#')) commands.push(cmd);
    }
    out.push({ line: i + 1, commands });
  }
  return out;
}

const scratchRoot = join(ROOT, 'tmp');
mkdirSync(scratchRoot, { recursive: true });
const scratch = mkdtempSync(join(scratchRoot, 'readme-'));
cpSync(join(ROOT, 'seeds'), join(scratch, 'seeds'), { recursive: true });
cpSync(join(ROOT, 'docs'), join(scratch, 'docs'), { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? scratch, INDEX_CACHE: join(scratch, 'index.json') };

describe('README examples', () => {
  const blocks = runnableBlocks(README);

  it('GIVEN the README THEN it has runnable examples and links nothing outside the repository', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(README).not.toMatch(/\]\(\.\.\//);
    expect(README).not.toContain('../shared');
  });

  // One block's commands share a folder and run in order (a later line may read an earlier file).
  it.each(blocks.map((b) => [b.line, b.commands] as const))('GIVEN the block at README line %i THEN every command exits 0', (_line, commands) => {
    for (const command of commands) {
      try {
        execFileSync('bash', ['-c', command], { cwd: scratch, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
      } catch (e) {
        const err = e as { status?: number; stderr?: Buffer };
        throw new Error(`README command failed (exit ${err.status}): ${command}\n${err.stderr?.toString() ?? ''}`);
      }
    }
  }, 240_000);

  it('GIVEN the import example THEN it wrote the articles where the user stood and the second run added nothing', () => {
    const again = execFileSync('bash', ['-c', 'npm run --silent cli -- --archive my-news import docs/examples/harbor-gazette.rss --json'], { cwd: scratch, env }).toString();
    expect(JSON.parse(again)).toMatchObject({ added: 0, updated: 0, unchanged: 2, skipped: [] });
    expect(readFileSync(join(scratch, 'responses.jsonl'), 'utf8')).toMatch(/^\{"id":1,"ok":true/);
  }, 60_000);
});
