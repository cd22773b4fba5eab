import { describe, expect, it } from 'vitest';
import { runNow } from '../../src/search/slices.js';
import { digest, warmDigest } from '../../src/summary/digest.js';
import { groupStories, isTabular, warmStories } from '../../src/summary/stories.js';
import { article } from './fixtures.js';

const day = '1987-10-19';
let n = 0;
const story = (title: string, body: string) => article(`wire/${String(++n).padStart(3, '0')}`, `date ${day}\n${title}\n\n${body}`);

const GULF = [
  story('U.S. WARSHIPS ATTACK IRANIAN OIL PLATFORM IN GULF', 'BAHRAIN, Oct 19 - U.S. warships shelled an Iranian oil platform in the Gulf on Monday, shipping sources said.'),
  story('IRAN VOWS REPRISAL FOR U.S. ATTACK ON OIL PLATFORM', 'TEHRAN, Oct 19 - Iran vowed to retaliate for the U.S. attack on its Gulf oil platform, the official news agency said.'),
  story('JAPAN UNDERSTANDS U.S. ATTACK ON IRANIAN PLATFORM', 'TOKYO, Oct 19 - Japan said it understood why the United States attacked the platform.'),
  story('BRITAIN BACKS U.S. ATTACK ON IRANIAN OIL PLATFORM', 'LONDON, Oct 19 - Britain said it supported the American action against the platform.'),
];
const LOUVRE = [
  story('BALLADUR URGES G-7 TO RESPECT LOUVRE ACCORD', 'PARIS, Oct 19 - French Finance Minister Edouard Balladur called for the Louvre accord to be respected.'),
  story('LOUVRE ACCORD STILL IN EFFECT, BALLADUR SAYS', 'PARIS, Oct 19 - The Louvre accord on currencies is still in effect, Balladur said.'),
];
const OTHERS = [
  story('AMERICAN EXCHANGE INTRODUCES INSTITUTIONAL INDEX', 'NEW YORK, Oct 19 - The American Stock Exchange introduced a new index for institutional investors.'),
  story('SWISS ELECTION PROJECTIONS SHOW SMALL SHIFT', 'ZURICH, Oct 19 - Projections of the Swiss election showed a small shift to the Greens.'),
  story('ACME CORP 3RD QTR NET', 'CHICAGO, Oct 19 - Shr 45 cts vs 38 cts Net 1,234,000 vs 987,000 Revs 12.3 mln vs 11.1 mln'),
  story('BETA CORP 3RD QTR NET', 'DALLAS, Oct 19 - Shr 12 cts vs 3 cts Net 234,000 vs 87,000 Revs 2.3 mln vs 1.1 mln'),
  story('GAMMA CORP 3RD QTR NET', 'BOSTON, Oct 19 - Shr 1.12 dlrs vs 93 cts Net 2,234,000 vs 1,870,000 Revs 22.3 mln vs 21.1 mln'),
];
const ALL = [...OTHERS, ...LOUVRE, ...GULF];
// Other days' news: rarity is judged against the whole archive's headlines.
const WORDS = ['harvest', 'tariff', 'merger', 'strike', 'budget', 'rates', 'coffee', 'copper', 'rail', 'ferry', 'steel', 'sugar'];
const OTHER_DAYS = Array.from({ length: 300 }, (_, i) =>
  article(`old/${i}`, `date 1987-09-${String((i % 28) + 1).padStart(2, '0')}\n${(WORDS[i % 12] ?? '').toUpperCase()} NEWS FROM PLACE${i}\n\nA report about ${WORDS[(i * 5) % 12] ?? ''} in place ${i}.`),
);
const ARCHIVE = [...OTHER_DAYS, ...ALL];

describe('stories', () => {
  it('GIVEN a day of wire copy THEN articles about one event form one story, biggest first', () => {
    const stories = groupStories(ALL, ARCHIVE);
    expect(stories[0]?.articles.map((a) => a.id).sort()).toEqual(GULF.map((a) => a.id).sort());
    expect(stories[1]?.articles.map((a) => a.id).sort()).toEqual(LOUVRE.map((a) => a.id).sort());
    expect(stories.reduce((k, s) => k + s.articles.length, 0)).toBe(ALL.length);
  });

  it('GIVEN headlines in another script THEN their words are terms too (letters of any script, not only a-z)', () => {
    const greek = [
      story('ΣΕΙΣΜΟΣ ΠΛΗΤΤΕΙ ΤΗΝ ΚΡΗΤΗ', 'ΑΘΗΝΑ, Oct 19 - Ισχυρός σεισμός έπληξε την Κρήτη.'),
      story('ΖΗΜΙΕΣ ΑΠΟ ΤΟΝ ΣΕΙΣΜΟ ΣΤΗΝ ΚΡΗΤΗ', 'ΗΡΑΚΛΕΙΟ, Oct 19 - Ο σεισμός στην Κρήτη άφησε ζημιές.'),
      story('Η ΚΡΗΤΗ ΜΕΤΡΑ ΤΙΣ ΖΗΜΙΕΣ ΑΠΟ ΤΟΝ ΣΕΙΣΜΟ', 'ΧΑΝΙΑ, Oct 19 - Η Κρήτη μετρά ζημιές μετά τον σεισμό.'),
    ];
    const stories = groupStories([...ALL, ...greek], [...ARCHIVE, ...greek]);
    expect(stories.find((s) => s.articles.includes(greek[0] as never))?.articles.length).toBe(3);
  });

  it('GIVEN the warm-up ran first THEN the grouping is the same, and it yields between slices', () => {
    // Fresh article objects: signatures are kept per article, so these start cold.
    const fresh = (list: typeof ARCHIVE) => list.map((a) => article(a.id, `date ${a.date}\n${a.paragraphs.join('\n\n')}`));
    const cold = groupStories(fresh(ALL), fresh(ARCHIVE)).map((s) => s.articles.map((a) => a.id));
    const archive = fresh(ARCHIVE);
    const work = warmStories(archive, archive.slice(-ALL.length));
    let slices = 0;
    while (!work.next().done) slices++;
    expect(slices).toBeGreaterThan(0);
    const warm = groupStories(archive.slice(-ALL.length), archive).map((s) => s.articles.map((a) => a.id));
    expect(warm).toEqual(cold);
    expect(runNow(warmStories([], []))).toBeUndefined();
  });

  it('GIVEN a reindex (new article objects, some rewritten) THEN signatures are reused only where the words are the same', () => {
    const copy = (a: (typeof ARCHIVE)[number], id = a.id) => article(id, `date ${a.date}\n${a.paragraphs.join('\n\n')}`);
    groupStories(ALL, ARCHIVE);
    // After the reindex: the first Louvre article now reports the Gulf attack (headline and
    // lead), the second keeps its headline with a new lead; the rest are unchanged copies.
    const rewritten = new Map([
      [LOUVRE[0]?.id ?? '', `date ${day}\nKUWAIT PROTESTS IRANIAN ATTACK AFTER U.S. HITS OIL PLATFORM\n\nKUWAIT, Oct 19 - Kuwait protested after Iran answered the U.S. attack on its Gulf oil platform.`],
      [LOUVRE[1]?.id ?? '', `date ${day}\nLOUVRE ACCORD STILL IN EFFECT, BALLADUR SAYS\n\nPARIS, Oct 19 - Currencies traded quietly in Europe.`],
    ]);
    const reindexed = (prefix: string) => ARCHIVE.map((a) => (rewritten.has(a.id) ? article(prefix + a.id, rewritten.get(a.id) ?? '') : copy(a, prefix + a.id)));
    const ids = (stories: ReturnType<typeof groupStories>, prefix: string) => stories.map((s) => s.articles.map((a) => a.id.slice(prefix.length)));
    const again = reindexed('');
    const seen = ids(groupStories(again.slice(-ALL.length), again), '');
    // Ids never seen before: every signature made afresh.
    const other = reindexed('new/');
    const afresh = ids(groupStories(other.slice(-ALL.length), other), 'new/');
    expect(seen).toEqual(afresh);
    expect(seen[0]).toContain(LOUVRE[0]?.id);
  });

  it('GIVEN warmDigest THEN the first digest after it is the digest a cold engine gives', async () => {
    const fresh = ARCHIVE.map((a) => article(a.id, `date ${a.date}\n${a.paragraphs.join('\n\n')}`));
    await warmDigest(fresh);
    expect(digest(fresh, { date: day })).toEqual(digest([...ARCHIVE], { date: day }));
    // The newest day, grouped by the warm-up: the same as a cold engine's.
    expect(digest(fresh)).toEqual(digest([...ARCHIVE]));
  });

  it('GIVEN earnings tables THEN they are routine items, not one story', () => {
    expect(OTHERS.slice(2).every(isTabular)).toBe(true);
    expect(GULF.some(isTabular)).toBe(false);
    for (const s of groupStories(ALL, ARCHIVE)) if (s.articles.length > 1) expect(s.articles.some(isTabular)).toBe(false);
  });

  it('GIVEN a digest THEN it pages by story with title, summary, size and cited articles; --articles keeps the flat list', () => {
    const d = digest(ARCHIVE, { date: day, limit: 2 });
    expect(d.storyCount).toBe(groupStories(ALL, ARCHIVE).length);
    expect(d.pages).toBe(Math.ceil((d.storyCount ?? 0) / 2));
    const top = d.stories?.[0];
    expect(top?.size).toBe(4);
    expect(top?.articles).toHaveLength(4);
    expect(top?.cited.length).toBe(3);
    expect(top?.title).toMatch(/IRAN/);
    expect(top?.summary).toMatch(/Oct 19 - /);
    expect(d.entries[0]?.article).toBe(top?.articles[0]);
    const page2 = digest(ARCHIVE, { date: day, limit: 2, page: 2 });
    expect(page2.stories?.map((s) => s.title)).not.toContain(top?.title);
    const flat = digest(ARCHIVE, { date: day, limit: 25, articles: true });
    expect(flat.stories).toBeUndefined();
    expect(flat.entries).toHaveLength(ALL.length);
  });

  it('GIVEN a topic matcher THEN only its articles are grouped (the seam the shared matcher plugs into)', () => {
    const d = digest(ARCHIVE, { date: day, topic: 'louvre', matches: (a) => LOUVRE.includes(a) });
    expect(d.stories).toHaveLength(1);
    expect(d.stories?.[0]?.size).toBe(2);
  });
});

describe('stories: one event in two vocabularies', () => {
  const crash = (id: string, title: string, lead: string) => article(`crash/${id}`, `date ${day}\n${title}\n\nNEW YORK, Oct 19 - ${lead}`);
  const SELLOFF = [
    crash('a1', 'WALL STREET SUFFERS WORST EVER SELLOFF', 'Shares suffered their worst selloff ever on Wall Street.'),
    crash('a2', 'WALL STREET SELLOFF STUNS TRADERS', 'Traders on Wall Street were stunned by the selloff.'),
    crash('a3', 'WALL STREET SELLOFF HITS TOKYO BROKERS', 'Tokyo brokers expect the Wall Street selloff to drag Japan down.'),
    crash('a4', 'WALL STREET SELLOFF WORRIES BANKERS', 'Bankers said the Wall Street selloff could spread.'),
  ];
  const FALL = [
    crash('b1', 'STOCK MARKET FALL ON DOW MAY BE BAD OMEN', 'The stock market fall on the Dow may be a bad omen, analysts said.'),
    crash('b2', 'BANKERS WARN OF DOW STOCK MARKET FALL', 'Bankers warned the stock market fall on the Dow could go on.'),
    crash('b3', 'DOW STOCK MARKET FALL DISCUSSED AT LUNCH', 'The stock market fall of the Dow was discussed over lunch, aides said.'),
    crash('b4', 'DOW STOCK MARKET FALL UNWARRANTED, SAYS CHASE', 'The stock market fall of the Dow was unwarranted, Chase said.'),
  ];
  // Reports on other matters that write both phrases: what ties the two vocabularies together.
  const BOTH = [
    crash('m1', 'DOLLAR DROPS IN NERVOUS TRADING', 'The dollar dropped as Wall Street watched the stock market slide.'),
    crash('m2', 'BONDS RALLY AS INVESTORS SEEK SAFETY', 'Bonds rallied as Wall Street investors left the stock market.'),
    crash('m3', 'GOLD JUMPS ON FLIGHT TO SAFETY', 'Gold jumped as Wall Street fled the stock market for metals.'),
  ];
  // The rest of a busy day: small stories of two reports each (chance is judged against the day).
  const REST = Array.from({ length: 160 }, (_, i) => crash(`r${i}`, `KAPPA${i >> 1} SIGNS ACCORD WITH SIGMA${i >> 1}`, `Officials of Kappa${i >> 1} signed with Sigma${i >> 1} on ${i % 2 ? 'Monday' : 'Sunday'}.`));
  const DAY = [...OTHERS, ...LOUVRE, ...GULF, ...SELLOFF, ...FALL, ...BOTH, ...REST];
  // A longer archive than the other tests': the day's words must stand out against it.
  const LONG = Array.from({ length: 1500 }, (_, i) =>
    article(`long/${i}`, `date 1987-09-${String((i % 28) + 1).padStart(2, '0')}\n${(WORDS[i % 12] ?? '').toUpperCase()} NEWS FROM PLACE${i}\n\nA report about ${WORDS[(i * 5) % 12] ?? ''} in place ${i}.`),
  );
  const WITH = [...LONG, ...DAY];
  const ids = (list: readonly { id: string }[]) => list.map((a) => a.id).sort();
  const storyWith = (stories: ReturnType<typeof groupStories>, id: string) => stories.find((s) => s.articles.some((a) => a.id === id));

  it('GIVEN a selloff told as "Wall Street selloff" and as "stock market fall", other reports writing both THEN one story', () => {
    const stories = groupStories(DAY, WITH);
    const story = storyWith(stories, 'crash/a1');
    expect(story).toBe(storyWith(stories, 'crash/b1'));
    for (const a of [...SELLOFF, ...FALL]) expect(story?.articles).toContain(a);
  });

  it('GIVEN the same day THEN the Gulf and Louvre stories stay as they were', () => {
    const stories = groupStories(DAY, WITH);
    expect(ids(storyWith(stories, GULF[0]?.id ?? '')?.articles ?? [])).toEqual(ids(GULF));
    expect(ids(storyWith(stories, LOUVRE[0]?.id ?? '')?.articles ?? [])).toEqual(ids(LOUVRE));
  });

  it('GIVEN no article writes both phrases THEN they stay two stories', () => {
    const stories = groupStories([...OTHERS, ...SELLOFF, ...FALL, ...REST], [...LONG, ...OTHERS, ...SELLOFF, ...FALL, ...REST]);
    expect(storyWith(stories, 'crash/a1')).not.toBe(storyWith(stories, 'crash/b1'));
  });
});

describe('stories: kinds of news rank below events', () => {
  const wire = (id: string, title: string, lead: string) => article(`kind/${id}`, `date ${day}\n${title}\n\nNEW YORK, Oct 19 - ${lead}`);
  const COMPANIES = ['AMES', 'KMART', 'WOOLWORTH', 'ZAYRE', 'MERCANTILE', 'JAMESWAY', 'CALDOR', 'BRADLEES'];
  // Eight companies, each its own subject, each giving its figures: one kind of report.
  const SALES = COMPANIES.map((c, i) =>
    wire(`s${i}`, `${c} STORES FEBRUARY SALES RISE ${i + 2} PCT`, `${c[0]}${c.slice(1).toLowerCase()} Stores Inc said its February sales rose ${i + 2}.${i} pct to ${100 + i}.4 mln dlrs from ${90 + i}.1 mln dlrs.`),
  );
  const DAY = [...OTHERS, ...LOUVRE, ...GULF, ...SALES];
  const WITH = [...OTHER_DAYS, ...DAY];

  it('GIVEN eight companies reporting their February sales and a four-report event THEN the event leads and the sales stay one group', () => {
    const stories = groupStories(DAY, WITH);
    const sales = stories.find((s) => s.articles.some((a) => a.id === 'kind/s0'));
    expect(sales?.articles.length).toBe(SALES.length);
    expect(stories[0]?.articles.map((a) => a.id).sort()).toEqual(GULF.map((a) => a.id).sort());
    expect(stories.indexOf(sales as (typeof stories)[number])).toBeGreaterThan(stories.findIndex((s) => s.articles.includes(LOUVRE[0] as (typeof LOUVRE)[number])));
  });

  it('GIVEN an event whose reports give figures but share their subject THEN it is not a kind', () => {
    const BID = ['RAISES', 'SWEETENS', 'EXTENDS', 'DEFENDS'].map((v, i) =>
      wire(`b${i}`, `GENCORP ${v} BID FOR AFG`, `GenCorp said it would pay ${100 + i} dlrs a share, or ${2 + i}.2 billion dlrs, for AFG.`),
    );
    const stories = groupStories([...OTHERS, ...BID, ...SALES], [...OTHER_DAYS, ...OTHERS, ...BID, ...SALES]);
    expect(stories[0]?.articles.map((a) => a.id).sort()).toEqual(BID.map((a) => a.id).sort());
    expect(stories[0]?.weight).toBeGreaterThanOrEqual(BID.length);
  });
});
