import { generateKeyPairSync, sign } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeArchive } from '../helpers.js';
import { spawnEntry } from '../spawn.js';

/** `npm run start:http` as a process: configuration errors, start, a signed request, clean stop. */
describe('the HTTP endpoint process', () => {
  const archiveDir = writeArchive();
  afterAll(() => rmSync(archiveDir, { recursive: true, force: true }));

  it('names every bad variable at once and exits 1', async () => {
    const run = spawnEntry('src/http/main.ts', { ARCHIVE_DIR: archiveDir, DISCORD_PUBLIC_KEY: 'not-hex', HTTP_PORT: '99999' });
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatch(/DISCORD_PUBLIC_KEY must be the 64 hex characters/);
    expect(run.err()).toMatch(/HTTP_PORT must be a port number/);
    const missing = spawnEntry('src/http/main.ts', { ARCHIVE_DIR: archiveDir });
    expect(await missing.exit).toBe(1);
    expect(missing.err()).toMatch(/DISCORD_PUBLIC_KEY is missing/);
  }, 60_000);

  it('starts without a bot token, answers a signed PING, and stops on SIGTERM', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const hex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
    const run = spawnEntry('src/http/main.ts', { ARCHIVE_DIR: archiveDir, DISCORD_PUBLIC_KEY: hex, HTTP_PORT: '0', LOG_LEVEL: 'info' });
    try {
      let url: string | undefined;
      for (let i = 0; i < 600 && !url; i++) {
        url = /"url":"(http:\/\/127\.0\.0\.1:\d+\/interactions)"/.exec(run.err())?.[1];
        if (!url) await new Promise((r) => setTimeout(r, 50));
      }
      expect(url, run.err()).toBeDefined();
      const body = JSON.stringify({ id: '1', application_id: '2', token: 't', type: 1 });
      const ts = String(Math.floor(Date.now() / 1000));
      const res = await fetch(url ?? '', {
        method: 'POST',
        body,
        headers: { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'), 'x-signature-timestamp': ts },
      });
      expect(await res.json()).toEqual({ type: 1 });
      expect((await fetch(url ?? '', { method: 'POST', body })).status).toBe(401);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exit).toBe(0);
  }, 60_000);
});
