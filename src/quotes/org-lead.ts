// The organisation an article is about, as far as the text has gone: the one its narration names
// most often as a clause's subject before a point (ties: the one named first). A document the text
// quotes without saying who issued it nearby ("the communique said", three paragraphs after "The
// Harbour Council said in a communique …") speaks for that organisation: news labels credit the
// issuer, never the paper itself. Built once per article from People's subject organisations, so
// that each query is a binary search (no rescan of the article per quote).
import { isPlaceName } from '../search/places.js';
import { lastAtOrBefore } from './sorted.js';

export interface SubjectOrg {
  pos: number;
  name: string;
  quoted: boolean;
}

/** A query for the leading organisation strictly before an offset, or null when none is named yet. */
export type LeadOrg = (pos: number) => string | null;

/** How far back (characters) the leading organisation must have been named last: the reach of an organisation's description (org-reference.ts). */
export const LEAD_REACH = 6000;

/**
 * Documents an organisation issues in its own voice ("the statement said", "the report says"):
 * only these speak for the article's organisation. A letter, an e-mail, a petition, a column or an
 * editorial (a journal's, signed by its writer) is as often a person's and stays the writing.
 */
export const ISSUED_DOCUMENTS: ReadonlySet<string> = new Set(['statement', 'report', 'release', 'communique', 'filing', 'notice', 'memo', 'summary', 'study', 'survey', 'document']);

/**
 * A subject that surely names an organisation: two words or more ("Harbour Council"), or an
 * acronym ("HFC"). A lone capitalised word opening a sentence ("Dealers said", "Gross output
 * rose") is as often no name at all; the dateline's place in capitals ("OSLO") is none either.
 */
export const isNamelike = (name: string): boolean => {
  const ws = name.split(/\s+/u);
  if (ws.length >= 2) return !isPlaceName(ws);
  return /^\p{Lu}{2,6}$/u.test(name) && !isPlaceName(ws);
};

/**
 * The leading-organisation query over `orgs` (sorted by offset). Names inside quotations are the
 * speakers' topics and do not count, nor do runs that end in a person's name (`endsInPerson`:
 * "Finance Minister Tove Brandt", which the subject scan may list as a run of capitals).
 */
export function leadOrganisation(orgs: readonly SubjectOrg[], endsInPerson: (name: string) => boolean): LeadOrg {
  const at: number[] = [];
  const leaders: string[] = [];
  // Where the leader was named last, at each subject: a leader not named within LEAD_REACH is no referent.
  const leaderLast: number[] = [];
  const counts = new Map<string, number>();
  const lastSeen = new Map<string, number>();
  let leader: string | null = null;
  let best = 0;
  for (const o of orgs) {
    if (o.quoted || !isNamelike(o.name) || endsInPerson(o.name)) continue;
    const key = o.name.toLowerCase();
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    lastSeen.set(key, o.pos);
    // Strictly more: a tie keeps the one named first.
    if (n > best) {
      best = n;
      leader = o.name;
    }
    at.push(o.pos);
    leaders.push(leader ?? o.name);
    leaderLast.push(lastSeen.get((leader ?? o.name).toLowerCase()) ?? o.pos);
  }
  return (pos) => {
    // The last subject named strictly before the description itself (lastAtOrBefore gives 0 when none is).
    if (at.length === 0 || (at[0] ?? pos) >= pos) return null;
    const i = lastAtOrBefore(at, pos - 1);
    return pos - (leaderLast[i] ?? 0) <= LEAD_REACH ? (leaders[i] ?? null) : null;
  };
}
