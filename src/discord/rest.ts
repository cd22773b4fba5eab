import type { Config } from '../config.js';

/** REST options for discord.js / @discordjs/rest: API v10, at the configured base when there is one. */
export function restOptions(config: Pick<Config, 'apiBase'>): { version: '10'; api?: string } {
  return config.apiBase ? { version: '10', api: config.apiBase } : { version: '10' };
}
