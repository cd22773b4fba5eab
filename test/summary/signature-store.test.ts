import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load.js';
import { parseArticle } from '../../src/archive/parse.js';
import type { Article } from '../../src/archive/types.js';
import { LiveArchive } from '../../src/live/live-archive.js';
import { buildEngine, openEngine, openEngineAsync } from '../../src/open.js';
import { digest, warmDigest } from '../../src/summary/digest.js';
import { offerStoredSignatures, PROBES, signatureParts } from '../../src/summary/signature-store.js';
import { groupStories, offerSignatures, REFERENCE_SAMPLE, SIGNATURE_VERSION } from '../../src/summary/stories.js';
import { memoryLogger } from '../helpers.js';
import { removeDir, writeArchive } from '../helpers/archive.js';
import { editFrames, type RawFrame } from '../helpers/cache-frames.js';

/** The cache frame that holds the digest signatures (src/search/cache.ts). */
const SIGNATURES_TAG = 10;
/** Kinds of part inside those frames (src/summary/signature-store.ts). */
const PART = { signatures: 1, pairs: 2, words: 3, head: 4 } as const;

// Two days of wire copy: two events told by several desks, routine items, and results tables.
const wire = (day: string, title: string, body: string): string => `date ${day}\n\n${title}\n\n${body}`;
const FILES: Record<string, string> = {
  'w/01.txt': wire('1987-10-19', 'U.S. WARSHIPS ATTACK IRANIAN OIL PLATFORM IN GULF', 'BAHRAIN, Oct 19 - U.S. warships shelled an Iranian oil platform in the Gulf on Monday, shipping sources said.'),
  'w/02.txt': wire('1987-10-19', 'IRAN VOWS REPRISAL FOR U.S. ATTACK ON OIL PLATFORM', 'TEHRAN, Oct 19 - Iran vowed to retaliate for the U.S. attack on its Gulf oil platform, the official news agency said.'),
  'w/03.txt': wire('1987-10-19', 'JAPAN UNDERSTANDS U.S. ATTACK ON IRANIAN PLATFORM', 'TOKYO, Oct 19 - Japan said it understood why the United States attacked the Iranian platform.'),
  'w/04.txt': wire('1987-10-19', 'BALLADUR URGES G-7 TO RESPECT LOUVRE ACCORD', 'PARIS, Oct 19 - French Finance Minister Edouard Balladur called for the Louvre accord to be respected.'),
  'w/05.txt': wire('1987-10-19', 'LOUVRE ACCORD STILL IN EFFECT, BALLADUR SAYS', 'PARIS, Oct 19 - The Louvre accord on currencies is still in effect, Balladur said.'),
  'w/06.txt': wire('1987-10-19', 'ACME CORP 3RD QTR NET', 'CHICAGO, Oct 19 - Shr 45 cts vs 38 cts Net 1,234,000 vs 987,000 Revs 12.3 mln vs 11.1 mln'),
  'w/07.txt': wire('1987-10-19', 'SWISS ELECTION PROJECTIONS SHOW SMALL SHIFT', 'ZURICH, Oct 19 - Projections of the Swiss election showed a small shift to the Greens.'),
  'w/08.txt': wire('1987-10-20', 'WALL STREET RECORD FALL SHAKES MARKETS', 'NEW YORK, Oct 20 - Wall Street stocks fell a record 508 points, the Dow Jones average lost 22 pct.'),
  'w/09.txt': wire('1987-10-20', 'TOKYO STOCKS FOLLOW WALL STREET DOWN', 'TOKYO, Oct 20 - Tokyo stocks followed Wall Street down in record trading, dealers said.'),
  'w/10.txt': wire('1987-10-20', 'BETA CORP 3RD QTR NET', 'DALLAS, Oct 20 - Shr 12 cts vs 3 cts Net 234,000 vs 87,000 Revs 2.3 mln vs 1.1 mln'),
  'w/11.txt': wire('1987-10-20', 'LONDON STOCKS FALL AFTER WALL STREET RECORD DROP', 'LONDON, Oct 20 - London stocks fell sharply after the record Wall Street drop, dealers said.'),
  'w/12.txt': wire('1987-10-20', 'Café Lune sirve su último desayuno', 'RIVERTON, Oct 20 - El Café Lune cerró tras cuarenta años; “no hubo otra opción”, dijo Anna Weiss.'),
};

// Other days' news: rarity is judged against the whole archive, so the days above need one around them.
const TOPICS = ['harvest', 'tariff', 'merger', 'strike', 'budget', 'rates', 'coffee', 'copper', 'rail', 'ferry', 'steel', 'sugar'];
for (let i = 0; i < 150; i++) {
  const day = `1987-09-${String((i % 28) + 1).padStart(2, '0')}`;
  FILES[`old/${String(i).padStart(3, '0')}.txt`] = wire(day, `${(TOPICS[i % 12] ?? '').toUpperCase()} NEWS FROM PLACE${i}`, `A report about ${TOPICS[(i * 5) % 12] ?? ''} in place ${i}.`);
}

let archiveDir: string;
let cacheDir: string;
let cachePath: string;
beforeEach(() => {
  archiveDir = writeArchive(FILES);
  cacheDir = writeArchive({});
  cachePath = join(cacheDir, 'index.cache');
});
afterEach(() => {
  removeDir(archiveDir);
  removeDir(cacheDir);
});

/** Every digest a user could ask of these articles, and the full grouping, as one string. */
const everyDigest = (articles: readonly Article[]): string =>
  JSON.stringify({
    days: ['1987-10-19', '1987-10-20', '1987-10', '1987'].map((date) => digest(articles, { date, limit: 3 })),
    pages: [1, 2].map((page) => digest(articles, { date: '1987-10', limit: 2, page })),
    groups: groupStories(
      articles.filter((a) => a.date?.startsWith('1987-10')),
      articles,
    ).map((s) => s.articles.map((a) => a.id)),
  });

/** The digests of a build made from the files, in this process (the reference every cached open must match). */
const freshDigests = (): string => everyDigest(buildEngine(loadArchive(archiveDir)).articles);

/**
 * Has this process number terms in another order than a store does (its ids start at 0, in order
 * of first use in the cache's articles): stored ids must then be translated to be right.
 */
const numberOtherTermsFirst = (): void => {
  groupStories(Object.values(FILES).map((text, i) => parseArticle(`before/${i}`, text.split(/\s+/).reverse().join(' ')).article));
};

const kindOf = (f: RawFrame): number => f.body.readUInt32LE(0);
const signatureFrames = (frames: readonly RawFrame[]): RawFrame[] => frames.filter((f) => f.tag === SIGNATURES_TAG);

describe('digest signatures stored with the index cache', () => {
  it('GIVEN a cache written by a build THEN it holds the signatures, and a cached open reads them and digests byte for byte as a fresh build', async () => {
    numberOtherTermsFirst();
    const built = openEngine({ archiveDir, cachePath });
    expect(built.source).toBe('built');
    let frames: RawFrame[] = [];
    editFrames(cachePath, (f) => ((frames = f), f));
    const parts = signatureFrames(frames).map(kindOf);
    expect(parts[0]).toBe(PART.signatures);
    expect(parts).toContain(PART.pairs);
    expect(parts).toContain(PART.words);
    expect(parts[parts.length - 1]).toBe(PART.head);

    for (const lazy of [true, false]) {
      const { log, lines } = memoryLogger();
      const cached = openEngine({ archiveDir, cachePath, log, lazy });
      expect(cached.source).toBe('cache');
      expect(everyDigest(cached.engine.articles)).toBe(freshDigests());
      expect(lines.some((l) => l.msg === 'digest signatures read from the cache')).toBe(true);
      expect(lines.filter((l) => Number(l.level) >= 40)).toEqual([]);
    }
    // The bot's open reads none while it loads: its start-up warm-up reads those it makes ready.
    const { log, lines } = memoryLogger();
    const opened = await openEngineAsync({ archiveDir, cachePath, log });
    expect(opened.source).toBe('cache');
    const read = (): boolean => lines.some((l) => l.msg === 'digest signatures read from the cache');
    expect(read()).toBe(false);
    await warmDigest(opened.engine.articles);
    expect(read()).toBe(true);
    expect(everyDigest(opened.engine.articles)).toBe(freshDigests());
  });

  it('GIVEN the same archive THEN every write stores the same bytes, whatever the process made before', () => {
    openEngine({ archiveDir, cachePath });
    let first: RawFrame[] = [];
    editFrames(cachePath, (f) => ((first = signatureFrames(f)), f));
    // This process now knows many more terms (other archives, other tests): the stored ids are the store's own.
    groupStories(Object.values(FILES).map((text, i) => parseArticle(`other/${i}`, text.replace(/Oct/g, 'Nov')).article));
    removeDir(cacheDir);
    cacheDir = writeArchive({});
    cachePath = join(cacheDir, 'index.cache');
    openEngine({ archiveDir, cachePath });
    let second: RawFrame[] = [];
    editFrames(cachePath, (f) => ((second = signatureFrames(f)), f));
    expect(second.map((f) => f.body.toString('hex'))).toEqual(first.map((f) => f.body.toString('hex')));
  });

  it('GIVEN signatures of another SIGNATURE_VERSION THEN they are left unused (no warning) and the digest is the same', () => {
    openEngine({ archiveDir, cachePath });
    editFrames(cachePath, (frames) =>
      frames.map((f) => {
        if (f.tag !== SIGNATURES_TAG || kindOf(f) !== PART.head) return f;
        const head = JSON.parse(f.body.subarray(4).toString('utf8')) as { version: number };
        expect(head.version).toBe(SIGNATURE_VERSION);
        return { tag: f.tag, body: Buffer.concat([f.body.subarray(0, 4), Buffer.from(JSON.stringify({ ...head, version: SIGNATURE_VERSION + 1 }))]) };
      }),
    );
    const { log, lines } = memoryLogger();
    const cached = openEngine({ archiveDir, cachePath, log, lazy: true });
    expect(cached.source).toBe('cache');
    expect(everyDigest(cached.engine.articles)).toBe(freshDigests());
    const line = lines.find((l) => String(l.msg).startsWith('digest signatures stored in the cache not used'));
    expect(line?.msg).toMatch(new RegExp(`signature version ${SIGNATURE_VERSION + 1} \\(this is ${SIGNATURE_VERSION}\\)`));
    expect(line?.level).toBe(30);
  });

  const corruptions: Array<[string, (frames: RawFrame[]) => RawFrame[], RegExp]> = [
    ['a signature part cut short', (frames) => frames.map((f) => (f.tag === SIGNATURES_TAG && kindOf(f) === PART.signatures ? { tag: f.tag, body: f.body.subarray(0, f.body.length - 8) } : f)), /truncated|trailing/],
    [
      'a term id past the term list',
      (frames) =>
        frames.map((f) => {
          if (f.tag !== SIGNATURES_TAG || kindOf(f) !== PART.signatures) return f;
          const body = Buffer.from(f.body);
          body.writeUInt32LE(0x0fffffff, body.length - 4);
          return { tag: f.tag, body };
        }),
      /outside their term list/,
    ],
    [
      'a part of unknown kind for the head',
      (frames) =>
        frames.map((f) => {
          if (f.tag !== SIGNATURES_TAG || kindOf(f) !== PART.head) return f;
          const body = Buffer.from(f.body);
          body.writeUInt32LE(99, 0);
          return { tag: f.tag, body };
        }),
      /no head part/,
    ],
    [
      'a word list that is not JSON',
      (frames) => frames.map((f) => (f.tag === SIGNATURES_TAG && kindOf(f) === PART.words ? { tag: f.tag, body: Buffer.concat([f.body.subarray(0, 4), Buffer.from('["gulf",')]) } : f)),
      /not valid JSON/,
    ],
    [
      // Well formed, every id in range, but not what this code makes of the article: the probe catches it.
      'a signature that is not the article’s',
      (frames) =>
        frames.map((f) => {
          if (f.tag !== SIGNATURES_TAG || kindOf(f) !== PART.signatures) return f;
          const body = Buffer.from(f.body);
          // The first two values of an article the store checks (the first) swapped: same
          // terms, another order of first use. (Random damage is the frame checksum's job.)
          const from = 4 * (2 + body.readUInt32LE(4));
          expect(body.readUInt32LE(8)).toBeGreaterThan(1);
          const a = body.readUInt32LE(from);
          body.writeUInt32LE(body.readUInt32LE(from + 4), from);
          body.writeUInt32LE(a, from + 4);
          return { tag: f.tag, body };
        }),
      /differs from the one this version makes/,
    ],
  ];
  for (const [what, edit, reason] of corruptions) {
    it(`GIVEN stored signatures with ${what} THEN a warning says so, the rest of the cache is used, and the digest is the same`, () => {
      openEngine({ archiveDir, cachePath });
      editFrames(cachePath, edit);
      // The command line (read per article, on the first digest) and the bot (all while loading).
      for (const lazy of [true, false]) {
        const { log, lines } = memoryLogger();
        const cached = openEngine({ archiveDir, cachePath, log, lazy });
        expect(cached.source).toBe('cache');
        expect(everyDigest(cached.engine.articles)).toBe(freshDigests());
        const warnings = lines.filter((l) => l.level === 40);
        expect(warnings).toHaveLength(1);
        expect(warnings[0]?.msg).toMatch(/^digest signatures stored in the cache not used: /);
        expect(warnings[0]?.msg).toMatch(reason);
        expect(warnings[0]?.msg).toMatch(/making them afresh$/);
      }
    });
  }

  it('GIVEN a cache written before signatures were stored THEN it loads, and the digest makes them', () => {
    openEngine({ archiveDir, cachePath });
    editFrames(cachePath, (frames) => frames.filter((f) => f.tag !== SIGNATURES_TAG).map((f) => (f.tag === 9 ? { tag: 9, body: Buffer.from(JSON.stringify({ frames: frames.filter((g) => g.tag !== SIGNATURES_TAG).length })) } : f)));
    const { log, lines } = memoryLogger();
    const cached = openEngine({ archiveDir, cachePath, log, lazy: true });
    expect(cached.source).toBe('cache');
    expect(everyDigest(cached.engine.articles)).toBe(freshDigests());
    expect(lines.filter((l) => String(l.msg).includes('digest signatures'))).toEqual([]);
  });

  it('GIVEN a live change after the restore THEN the digest is the one a fresh build of the changed archive gives', () => {
    numberOtherTermsFirst();
    openEngine({ archiveDir, cachePath });
    const cached = openEngine({ archiveDir, cachePath, lazy: true });
    expect(cached.source).toBe('cache');
    // The stored signatures are read by a first digest, then the archive changes.
    everyDigest(cached.engine.articles);
    const changed: Record<string, string> = {
      ...FILES,
      // A new headline and lead: the Louvre story gains an article, the Swiss one is gone.
      'w/07.txt': wire('1987-10-19', 'STOLTENBERG BACKS LOUVRE ACCORD WITH BALLADUR', 'BONN, Oct 19 - West German Finance Minister Stoltenberg backed the Louvre accord, Balladur said.'),
      'w/13.txt': wire('1987-10-20', 'GULF TANKER HIT AFTER U.S. ATTACK ON IRANIAN PLATFORM', 'BAHRAIN, Oct 20 - A tanker was hit in the Gulf a day after the U.S. attack on the Iranian oil platform.'),
    };
    delete changed['w/09.txt'];
    const changedDir = writeArchive(changed);
    try {
      const after = loadArchive(changedDir).articles;
      cached.engine.applyChanges({ upserts: after.filter((a) => a.id === 'w/07' || a.id === 'w/13'), removals: ['w/09'], warnings: [] });
      const fresh = everyDigest(buildEngine(loadArchive(changedDir)).articles);
      expect(everyDigest(cached.engine.articles)).toBe(fresh);
      // The change shows: the Louvre story has three articles now, the Gulf story four.
      const groups = (JSON.parse(fresh) as { groups: string[][] }).groups.map((g) => g.slice().sort());
      expect(groups).toContainEqual(['w/04', 'w/05', 'w/07']);
      expect(groups).toContainEqual(['w/01', 'w/02', 'w/03', 'w/13']);
      expect(everyDigest(cached.engine.articles)).not.toBe(freshDigests());
    } finally {
      removeDir(changedDir);
    }
  });

  it('GIVEN a bot that reindexes THEN the signatures stored with the cache it opened are let go, and the digest is the fresh build’s', async () => {
    openEngine({ archiveDir, cachePath });
    const { log, lines } = memoryLogger();
    const live = new LiveArchive(await openEngineAsync({ archiveDir, cachePath, log }), { archiveDir, cachePath, log });
    try {
      await live.reindex();
      // No warm-up ran: the store was never opened, and none of the new articles is in it.
      expect(everyDigest(live.ctx.engine.articles)).toBe(freshDigests());
      expect(lines.filter((l) => String(l.msg).includes('digest signatures'))).toEqual([]);
    } finally {
      await live.close();
    }
  });

  it('GIVEN a bot warming up on an archive from its cache THEN it reads the stored signatures of the newest articles and the reference sample only, the rest on a digest’s first need', async () => {
    // More articles than the reference sample, one a day, so the sample leaves some out.
    const n = REFERENCE_SAMPLE + 100;
    const day = (i: number): string => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
    const texts = Array.from({ length: n }, (_, i) => wire(day(i), `${(TOPICS[i % 12] ?? '').toUpperCase()} REPORT ${i} FROM PLACE${i % 97}`, `A report about ${TOPICS[(i * 5) % 12] ?? ''} in place ${i % 89}, officials said.`));
    const parse = (): Article[] => texts.map((text, i) => parseArticle(`a/${String(i).padStart(5, '0')}`, text).article);
    // Written by one process; read, as a cache load makes them, as other article objects.
    const parts = [...signatureParts(parse())];
    const articles = parse();
    // An old article the reference sample and the store's probes leave out, its stored
    // signature damaged so that reading it logs a warning: the warning tells when it is read.
    const evenly = (count: number): Set<number> => {
      const picked = new Set<number>();
      for (let i = 0; i < n; i += n / count) picked.add(Math.floor(i));
      return picked;
    };
    const sampled = evenly(REFERENCE_SAMPLE);
    const probed = evenly(PROBES);
    const victim = Array.from({ length: n }, (_, i) => i).find((i) => i > 50 && !sampled.has(i) && !probed.has(i)) ?? -1;
    expect(victim).toBeGreaterThan(0);
    const body = Buffer.from(parts[0] as Uint8Array);
    expect(body.readUInt32LE(0)).toBe(PART.signatures);
    const count = body.readUInt32LE(4);
    let at = 2 + count;
    for (let i = 0; i < victim; i++) at += body.readUInt32LE(4 * (2 + i));
    expect(body.readUInt32LE(4 * (2 + victim))).toBeGreaterThan(0);
    body.writeUInt32LE(0x0fffffff, 4 * at);
    parts[0] = body;
    const { log, lines } = memoryLogger();
    try {
      offerStoredSignatures(parts, articles, log);
      const warnings = (): string[] => lines.filter((l) => l.level === 40).map((l) => String(l.msg));
      // The warm-up of the newest 1,000: the victim is older, so it is left unread…
      await warmDigest(articles, 1000);
      expect(lines.some((l) => l.msg === 'digest signatures read from the cache')).toBe(true);
      expect(warnings()).toEqual([]);
      // …until a digest of its day needs it; the digest is the one made without a store.
      const date = day(victim);
      const got = JSON.stringify(digest(articles, { date }));
      expect(warnings()).toHaveLength(1);
      expect(warnings()[0]).toMatch(/outside their term list/);
      offerSignatures(undefined);
      expect(got).toBe(JSON.stringify(digest(parse(), { date })));
    } finally {
      offerSignatures(undefined);
    }
  });
});
