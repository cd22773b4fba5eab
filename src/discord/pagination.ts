import { randomBytes } from 'node:crypto';
import type { ReplyPage } from '../commands/command.js';

/** Page buttons work as long as the interaction token does: 15 minutes. */
export const PAGE_TTL_MS = 15 * 60 * 1000;
/** Bounded memory: the oldest page sets go first when many replies are paginated at once. */
const MAX_ENTRIES = 5000;

export interface PageSet {
  command: string;
  /** Only the person who ran the command turns its pages. */
  owner: string;
  pages: ReplyPage[];
  expiresAt: number;
}

const ID = /^page:([A-Za-z0-9_-]{12}):(\d{1,4})$/;

export const pageCustomId = (token: string, page: number): string => `page:${token}:${page}`;

/** `page:<token>:<n>`, or null when the id is not one of ours (forged or from an old version). */
export function parsePageCustomId(customId: string): { token: string; page: number } | null {
  const m = ID.exec(customId);
  if (!m?.[1] || m[2] === undefined) return null;
  return { token: m[1], page: Number(m[2]) };
}

/** The pages of long replies, kept for the button clicks that come after. */
export class PageStore {
  private readonly sets = new Map<string, PageSet>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = PAGE_TTL_MS,
  ) {}

  add(command: string, owner: string, pages: ReplyPage[]): string {
    this.sweep();
    const token = randomBytes(9).toString('base64url');
    this.sets.set(token, { command, owner, pages, expiresAt: this.now() + this.ttlMs });
    while (this.sets.size > MAX_ENTRIES) {
      const oldest = this.sets.keys().next().value;
      if (oldest === undefined) break;
      this.sets.delete(oldest);
    }
    return token;
  }

  get(token: string): PageSet | undefined {
    const set = this.sets.get(token);
    if (set && set.expiresAt <= this.now()) {
      this.sets.delete(token);
      return undefined;
    }
    return set;
  }

  get size(): number {
    return this.sets.size;
  }

  /** Drops expired sets; insertion order is expiry order, so it stops at the first live one. */
  private sweep(): void {
    const now = this.now();
    for (const [token, set] of this.sets) {
      if (set.expiresAt > now) break;
      this.sets.delete(token);
    }
  }
}
