import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * Discord signs every interaction it POSTs: Ed25519 over `timestamp + body`, with the
 * application's public key (Developer Portal → General Information). node:crypto verifies it;
 * no dependency is needed for one call.
 */

const HEX_KEY = /^[0-9a-f]{64}$/i;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * How far a request's timestamp may be from our clock. The signature covers the timestamp, so
 * a captured request cannot be replayed after this long.
 */
export const MAX_CLOCK_SKEW_S = 5 * 60;

/** Whether a configured public key has the right shape: 32 bytes as 64 hex characters. */
export const isPublicKeyHex = (hex: string): boolean => HEX_KEY.test(hex);

/** The application's public key (64 hex characters) as a key node:crypto verifies with. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!isPublicKeyHex(hex)) throw new Error('an Ed25519 public key is 64 hex characters');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/**
 * Whether a request really comes from Discord: a well-formed signature and timestamp, the
 * timestamp within MAX_CLOCK_SKEW_S of `nowMs`, and the signature valid for the exact bytes
 * received. Anything missing or malformed is simply not valid.
 */
export function isSignedByDiscord(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number = Date.now(),
): boolean {
  if (!signature || !timestamp || !HEX_SIGNATURE.test(signature) || !UNIX_SECONDS.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
}
