import { describe, expect, it } from 'vitest';
import { groupStories, type Story } from '../../src/summary/stories.js';
import { article } from './fixtures.js';

// A fixed month of made-up wire copy: events that run over days, kinds of routine news, and
// words shared across events. The expected grouping below was produced by the grouping as it
// stood before its speed-ups (commit 7d210a2): faster code must give the same stories, in the
// same order, with the same lead articles.
const EVENTS = [
  ['IRAN', 'OIL PLATFORM', 'Gulf'],
  ['TEXACO', 'BANKRUPTCY FILING', 'Pennzoil'],
  ['BALLADUR', 'LOUVRE ACCORD', 'Paris'],
  ['OPEC', 'OUTPUT CEILING', 'Vienna'],
  ['DOME PETROLEUM', 'TAKEOVER BID', 'Amoco'],
];
const VERBS = ['SAYS', 'VOWS', 'URGES', 'REJECTS', 'WEIGHS', 'BACKS'];
const MONTH: ReturnType<typeof article>[] = [];
for (let i = 0; i < 120; i++) {
  const day = `1987-03-${String((i % 28) + 1).padStart(2, '0')}`;
  const [who, what, where] = EVENTS[(i * 7) % EVENTS.length] ?? [];
  const verb = VERBS[i % VERBS.length] ?? '';
  const text =
    i % 9 === 0
      ? `ACME ${i} CORP 1ST QTR NET\n\nCHICAGO, March ${(i % 28) + 1} - Shr ${i} cts vs ${i + 3} cts Net ${i},000 vs ${i + 5},000`
      : i % 5 === 0
        ? `COMPANY ${i} SETS QUARTERLY DIVIDEND\n\nNEW YORK, March ${(i % 28) + 1} - Company ${i} said its board set a quarterly dividend of ${i} cts.`
        : `${who} ${verb} ON ${what}\n\n${where?.toUpperCase()}, March ${(i % 28) + 1} - ${who} officials in ${where} spoke on the ${what?.toLowerCase()} on day ${i}. Traders in New York watched.`;
  MONTH.push(article(`wire/${String(i).padStart(4, '0')}`, `date ${day}\n${text}`));
}

// Other months' news: rarity is judged against the whole archive's headlines.
const WORDS = ['harvest', 'tariff', 'merger', 'strike', 'budget', 'rates', 'coffee', 'copper', 'rail', 'ferry', 'steel', 'sugar'];
const BEFORE = Array.from({ length: 400 }, (_, i) =>
  article(`old/${i}`, `date 1987-01-${String((i % 28) + 1).padStart(2, '0')}\n${(WORDS[i % 12] ?? '').toUpperCase()} NEWS FROM PLACE${i}\n\nA report about ${WORDS[(i * 5) % 12] ?? ''} in place ${i}.`),
);
const ARCHIVE = [...BEFORE, ...MONTH];

const shape = (stories: Story[]): string[] => stories.map((s) => `${s.weight}:${s.articles.map((a) => a.id.slice(5)).join(',')}`);

describe('stories: the grouping is pinned', () => {
  it('GIVEN a fixed month THEN the stories, their order and lead articles are as before the speed-ups', () => {
    const got = shape(groupStories(MONTH, ARCHIVE));
    expect(got).toEqual(PINNED);
  });

  it('GIVEN the same articles again, in another order and list THEN the stories are the same', () => {
    const first = shape(groupStories(MONTH, ARCHIVE));
    const again = shape(groupStories([...MONTH].reverse(), [...ARCHIVE]));
    const members = (list: string[]): string[] => list.map((s) => (s.split(':')[1] ?? '').split(',').sort().join(',')).sort();
    expect(members(again)).toEqual(members(first));
  });
});

const PINNED: string[] = [
  "32.5:0001,0011,0016,0026,0031,0041,0046,0056,0061,0071,0076,0086,0091,0101,0106,0116,0021,0051,0111,0006,0066,0096",
  "31:0002,0007,0017,0022,0032,0037,0047,0052,0062,0067,0077,0082,0092,0097,0107,0112,0057,0087,0012,0042,0102",
  "31:0008,0013,0023,0028,0038,0043,0053,0058,0068,0073,0083,0088,0098,0103,0113,0118,0003,0033,0093,0048,0078",
  "31:0004,0014,0019,0029,0034,0044,0049,0059,0064,0074,0079,0089,0094,0104,0109,0119,0039,0069,0024,0084,0114",
  "1:0000",
  "1:0005",
  "1:0009",
  "1:0010",
  "1:0015",
  "1:0018",
  "1:0020",
  "1:0025",
  "1:0027",
  "1:0030",
  "1:0035",
  "1:0036",
  "1:0040",
  "1:0045",
  "1:0050",
  "1:0054",
  "1:0055",
  "1:0060",
  "1:0063",
  "1:0065",
  "1:0070",
  "1:0072",
  "1:0075",
  "1:0080",
  "1:0081",
  "1:0085",
  "1:0090",
  "1:0095",
  "1:0099",
  "1:0100",
  "1:0105",
  "1:0108",
  "1:0110",
  "1:0115",
  "1:0117",
];
