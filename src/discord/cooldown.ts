/**
 * A per-person burst allowance on the commands that cost real work (their spec says
 * `cooldown: true`), so that one person (or a script) cannot keep the single-threaded engine
 * busy for everyone else, while a few quick runs in a row stay free — as Discord frameworks do
 * it (Sapphire's cooldownLimit / cooldownDelay). Autocomplete, page turns and cheap commands are
 * never limited: they are answered from small in-memory tables.
 */

import type { CooldownSettings } from '../config.js';

export class Cooldowns {
  /** `user\0command` → when its recent runs happened (ms on `now`'s clock), oldest first; map in last-use order. */
  private readonly runs = new Map<string, number[]>();
  private readonly windowMs: number;
  private readonly limit: number;

  constructor(
    settings: CooldownSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.limit = Math.max(0, Math.floor(settings.runs));
    this.windowMs = Math.max(0, settings.seconds) * 1000;
  }

  /**
   * Whether `user` may run `command` now. If so the run is counted and 0 is returned; if not,
   * the whole seconds until a run is free again (at least 1), and nothing changes.
   */
  take(user: string, command: string): number {
    if (this.limit === 0 || this.windowMs === 0) return 0;
    const now = this.now();
    this.sweep(now);
    const key = `${user}\0${command}`;
    const times = (this.runs.get(key) ?? []).filter((t) => t + this.windowMs > now);
    if (times.length >= this.limit) {
      const oldest = times[0] ?? now;
      return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
    }
    times.push(now);
    // Re-inserting keeps the map in last-use order, so sweeps stop at the first live entry.
    this.runs.delete(key);
    this.runs.set(key, times);
    return 0;
  }

  /** Gives back the last run taken: the reply only said the input was wrong, which costs nothing. */
  refund(user: string, command: string): void {
    const times = this.runs.get(`${user}\0${command}`);
    times?.pop();
  }

  /** Entries held (bounded by the people active within one window). */
  get size(): number {
    return this.runs.size;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.runs) {
      const last = times[times.length - 1];
      if (last !== undefined && last + this.windowMs > now) break;
      this.runs.delete(key);
    }
  }
}

/** The private note for someone who used up their allowance. */
export function cooldownMessage(command: string, secondsLeft: number, settings: CooldownSettings): string {
  return `You have run /${command} ${settings.runs} times in ${settings.seconds} s: try again in ${secondsLeft} s. (Each person has a small allowance so the bot stays quick for everyone.)`;
}
