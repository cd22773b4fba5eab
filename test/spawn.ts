import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
/** tsx's loader by absolute URL: the child runs in a temp folder where `--import tsx` would not resolve. */
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/**
 * Runs one of the real entry points (`src/*.ts`) with tsx, in an empty temp folder (so no
 * developer's .env is read) and only the environment given.
 */
export function spawnEntry(
  entry: string,
  env: Record<string, string>,
  more: { args?: string[]; nodeArgs?: string[]; files?: Record<string, string> } = {},
): { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number | null> } {
  const cwd = mkdtempSync(join(tmpdir(), 'archive-bot-run-'));
  for (const [name, text] of Object.entries(more.files ?? {})) writeFileSync(join(cwd, name), text);
  const child = spawn(process.execPath, ['--import', TSX, ...(more.nodeArgs ?? []), join(ROOT, entry), ...(more.args ?? [])], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((res) =>
    child.on('exit', (code) => {
      rmSync(cwd, { recursive: true, force: true });
      res(code);
    }),
  );
  return { child, out: () => out, err: () => err, exit };
}
