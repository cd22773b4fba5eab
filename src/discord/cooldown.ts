/**
 * A per-user cooldown on the commands that cost real work, so that one person (or a script)
 * cannot keep the single-threaded engine busy for everyone else. Autocomplete, page turns and
 * cheap commands are never limited: they are answered from small in-memory tables.
 */

/**
 * The command class each expensive command belongs to; a cooldown counts per user and class.
 * Commands of one class share a cooldown; a command not listed here is never limited.
 */
export const COOLDOWN_CLASSES: ReadonlyMap<string, string> = new Map([
  ['search', 'search'],
  ['ask', 'ask'],
  ['summary', 'summary'],
  ['digest', 'digest'],
  ['timeline', 'timeline'],
]);

/** Used when COOLDOWN_SECONDS is not set. */
export const DEFAULT_COOLDOWN_SECONDS = 3;

export class Cooldowns {
  /** `user\0class` → when the cooldown ends (ms on `now`'s clock), in expiry order. */
  private readonly until = new Map<string, number>();
  private readonly ms: number;

  /** `seconds` 0 switches the cooldown off. */
  constructor(
    seconds: number,
    private readonly now: () => number = Date.now,
    private readonly classes: ReadonlyMap<string, string> = COOLDOWN_CLASSES,
  ) {
    this.ms = Math.max(0, seconds) * 1000;
  }

  /**
   * Whether `user` may run `command` now. If so the run is counted and 0 is returned; if not,
   * the whole seconds left (at least 1), and nothing changes.
   */
  take(user: string, command: string): number {
    const cls = this.classes.get(command);
    if (this.ms === 0 || cls === undefined) return 0;
    const now = this.now();
    this.sweep(now);
    const key = `${user}\0${cls}`;
    const end = this.until.get(key);
    if (end !== undefined && end > now) return Math.max(1, Math.ceil((end - now) / 1000));
    // Re-inserting keeps the map in expiry order (every entry lasts the same time), so sweeps stop early.
    this.until.delete(key);
    this.until.set(key, now + this.ms);
    return 0;
  }

  /** Entries held (bounded by the users active within one cooldown). */
  get size(): number {
    return this.until.size;
  }

  private sweep(now: number): void {
    for (const [key, end] of this.until) {
      if (end > now) break;
      this.until.delete(key);
    }
  }
}

/** The private note for someone who asked again too soon. */
export function cooldownMessage(command: string, secondsLeft: number): string {
  return `You are running /${command} a little fast: try again in ${secondsLeft} s. (Searches are limited per person so the bot stays quick for everyone.)`;
}
