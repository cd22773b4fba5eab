import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX, decodePageId, encodePageId } from '../../src/http/page-id.js';
import { isSignedByDiscord, MAX_CLOCK_SKEW_S, publicKeyFromHex } from '../../src/http/verify.js';

describe('page custom ids', () => {
  it('carry a request there and back, escaping only what the format needs', () => {
    const options = { query: 'a%b & c=d “quotes” 東京', limit: 9, hide: false };
    const id = encodePageId({ command: 'search', page: 2, options });
    expect(id).toBe('pg:2:search:query=a%25b %26 c%3Dd “quotes” 東京&limit=9&hide=false');
    expect(decodePageId(id ?? '')).toEqual({ command: 'search', page: 2, options: { query: 'a%b & c=d “quotes” 東京', limit: '9', hide: 'false' } });
    expect(decodePageId('pg:0:stats:')).toEqual({ command: 'stats', page: 0, options: {} });
  });

  it('refuse what does not fit 100 characters, and decode nothing malformed', () => {
    expect(encodePageId({ command: 'search', page: 1, options: { query: 'x'.repeat(100) } })).toBeUndefined();
    expect(encodePageId({ command: 'search', page: 1000, options: {} })).toBeUndefined();
    expect(encodePageId({ command: 'Bad Name', page: 1, options: {} })).toBeUndefined();
    for (const bad of ['', 'pg', 'pg:1:search', 'pg:x:search:', 'pg:1234:search:', 'pg:1:search:=x', 'pg:1:search:a=1&a=2', 'pg:1:search:q=%41', `pg:1:search:q=${'y'.repeat(100)}`, 'page:abcdefghijkl:1']) {
      expect(decodePageId(bad), bad).toBeNull();
    }
  });

  it('round-trip any text that fits (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 999 }), (query, page) => {
        const id = encodePageId({ command: 'ask', page, options: { question: query } });
        if (id === undefined) return;
        expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
        expect(decodePageId(id)).toEqual({ command: 'ask', page, options: { question: query } });
      }),
    );
  });
});

describe('request signatures', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const key = publicKeyFromHex(Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex'));
  const now = 1_700_000_000_000;
  const ts = String(now / 1000);
  const body = Buffer.from('{"type":1}');
  const sig = sign(null, Buffer.concat([Buffer.from(ts), body]), privateKey).toString('hex');

  it('accepts Discord’s signature over timestamp and body, and nothing else', () => {
    expect(isSignedByDiscord(key, sig, ts, body, now)).toBe(true);
    expect(isSignedByDiscord(key, sig, ts, Buffer.from('{"type":2}'), now)).toBe(false);
    expect(isSignedByDiscord(key, sig, String(now / 1000 + 1), body, now)).toBe(false);
    expect(isSignedByDiscord(key, sig.toUpperCase(), ts, body, now)).toBe(true);
    expect(isSignedByDiscord(key, undefined, ts, body, now)).toBe(false);
    expect(isSignedByDiscord(key, sig, undefined, body, now)).toBe(false);
    expect(isSignedByDiscord(key, sig.slice(2), ts, body, now)).toBe(false);
    expect(isSignedByDiscord(key, sig, `${ts}.5`, body, now)).toBe(false);
  });

  it('refuses a replay once the timestamp is too old', () => {
    expect(isSignedByDiscord(key, sig, ts, body, now + MAX_CLOCK_SKEW_S * 1000)).toBe(true);
    expect(isSignedByDiscord(key, sig, ts, body, now + MAX_CLOCK_SKEW_S * 1000 + 1001)).toBe(false);
  });

  it('takes only a 64-hex-character public key', () => {
    expect(() => publicKeyFromHex('abc')).toThrow(/64 hex/);
  });
});
