import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, writeArchive } from '../helpers/archive.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
// Starting node with tsx and loading discord.js takes a few seconds on a slow machine.
const TIMEOUT = 60_000;

let dir: string;
let cacheDir: string;
beforeAll(() => {
  dir = writeArchive();
  cacheDir = writeArchive({});
});
afterAll(() => {
  removeDir(dir);
  removeDir(cacheDir);
});

/** Runs the real command line in a child process; resolves with its exit code and output. */
function runMain(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--archive', dir, '--cache', join(cacheDir, 'index.json'), ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT - 5_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

describe('src/cli/main.ts (spawned)', () => {
  it(
    'GIVEN search --json THEN stdout is the hits as JSON and the exit code is 0',
    async () => {
      const r = await runMain(['search', 'subpoenas', '--limit', '2', '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const body = JSON.parse(r.stdout) as { hits: Array<{ article: string; date: string; paragraph: number; score: number }> };
      expect(body.hits).toHaveLength(2);
      expect(body.hits[0]).toMatchObject({ article: '2020/ice-subpoenas', date: '2020-01-18' });
    },
    TIMEOUT,
  );

  it(
    'GIVEN a bad date THEN the message is on stderr, stdout is empty and the exit code is 1',
    async () => {
      const r = await runMain(['search', 'council', '--from', '2020-02-30']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: bad from date "2020-02-30"/);
    },
    TIMEOUT,
  );

  it(
    'GIVEN batch lines on stdin THEN one JSON line comes back per request',
    async () => {
      const r = await runMain(['batch'], '{"id":1,"command":"stats"}\nnot json\n');
      expect(r.code).toBe(0);
      const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: unknown; ok: boolean });
      expect(out.map((o) => [o.id, o.ok])).toEqual([
        [1, true],
        [null, false],
      ]);
    },
    TIMEOUT,
  );
});
