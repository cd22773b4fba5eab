/**
 * The exit status after a gateway closed for good (sysexits' EX_CONFIG): non-zero, so a
 * supervisor sees a failure, and distinct, so the sharding manager stops instead of respawning
 * a shard that would be refused again.
 */
export const FATAL_GATEWAY_EXIT = 78;

/** Discord's close codes after which it will not take the connection back, and what to do. */
const FATAL_CLOSES: Readonly<Record<number, string>> = {
  4004: 'authentication failed: the token was revoked or reset; put the new one in DISCORD_TOKEN',
  4010: 'invalid shard: check SHARD_COUNT',
  4011: 'sharding required: run `npm run start:sharded`',
  4012: 'invalid gateway API version',
  4013: 'invalid intents',
  4014: 'disallowed intents: the bot asked for a privileged intent the Developer Portal does not grant',
};

/** The message for a gateway closed for good with `code`. */
export const fatalCloseMessage = (code: number): string =>
  `Discord closed the gateway for good (${code}: ${FATAL_CLOSES[code] ?? 'not recoverable'}); the bot cannot answer any more`;
