// The archive-wide speaker registry: one entry per speaker, with surname-only and case variants
// ("De Blasio", "de Blasio", "Bill de Blasio") merged into the full name, counts and roles.

import { PARTICLES, foldName, isDayOrMonth } from './names.js';

// Expressions read inside functions, made once here: tsx (the tests' and benches' loader) turns a
// \p{…} literal into a `new RegExp(…)` that would be built anew at every call.
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const HAS_UPPER_OR_CASELESS = /[\p{Lu}\p{Lo}]/u;

export interface SpeakerEntry {
  /** The canonical full name. */
  name: string;
  quotes: number;
  articles: number;
  /** Roles seen with the name, most frequent first. */
  roles: string[];
}

interface Sighting {
  name: string;
  role: string | null;
  article: string;
}

interface Draft {
  key: string;
  tokens: string[];
  forms: Map<string, number>;
  roles: Map<string, number>;
  articles: Set<string>;
  quotes: number;
}

/** Names of groups and descriptions ("a spokesperson", "the report") are kept on quotes but not listed as speakers. */
export const isListedSpeaker = (name: string): boolean =>
  HAS_UPPER_OR_CASELESS.test(name) && !/^(?:a|an|the|his|her|their|its|our|my|your|some|one|two|several|many|another|other|most|all|both|each)\s/u.test(name) && foldName(name).length > 0;

/** Builds the registry and the map from every name as attributed to its canonical name. */
export function buildRegistry(sightings: Iterable<Sighting>): { entries: SpeakerEntry[]; canonical: Map<string, string> } {
  const drafts = new Map<string, Draft>();
  const roleForms = new Map<string, string>();
  for (const s of sightings) {
    if (!isListedSpeaker(s.name)) continue;
    const key = foldName(s.name);
    let d = drafts.get(key);
    if (!d) {
      d = { key, tokens: key.split(' '), forms: new Map(), roles: new Map(), articles: new Set(), quotes: 0 };
      drafts.set(key, d);
    }
    d.forms.set(s.name, (d.forms.get(s.name) ?? 0) + 1);
    if (s.role) {
      // "leader" and "Leader" are one role; the first form seen is shown.
      const k = s.role.toLowerCase();
      d.roles.set(k, (d.roles.get(k) ?? 0) + 1);
      if (!roleForms.has(k)) roleForms.set(k, s.role);
    }
    d.articles.add(s.article);
    d.quotes++;
  }

  // A name that is the end of exactly one longer name ("de blasio" of "bill de blasio") is that
  // person; when several longer names end the same way (John Smith, Mary Smith), it stays apart.
  const bySuffix = new Map<string, Draft[]>();
  for (const d of drafts.values()) {
    for (let k = 1; k < d.tokens.length; k++) {
      const suffix = d.tokens.slice(k).join(' ');
      const list = bySuffix.get(suffix);
      if (list) list.push(d);
      else bySuffix.set(suffix, [d]);
    }
  }
  const target = new Map<string, Draft>();
  for (const d of drafts.values()) {
    const longer = bySuffix.get(d.key);
    // A description is no longer form of a name: "comptroller of Lune City" is not "City", nor
    // "chairman of VXT" the company VXT.
    // "Dr Quill" is not the full-named Quill the archive never calls a doctor.
    // A bare surname that is also a day or month ("May") is often a person whose full name the name
    // scan could not read as one ("Guitarist Ben May"); one full "Ruth May" elsewhere is no evidence
    // that they are the same person, so such a surname joins a longer name only within its articles.
    if (
      longer?.length === 1 &&
      longer[0] &&
      !described(longer[0]) &&
      !described(d) &&
      !(doctor(d) && surnameOnly(d) && !doctor(longer[0])) &&
      !(surnameOnly(d) && isDayOrMonth(d.key) && !sharesArticle(d, longer[0]))
    )
      target.set(d.key, longer[0]);
  }
  const root = (d: Draft): Draft => {
    let cur = d;
    for (let guard = 0; guard < 8; guard++) {
      const next = target.get(cur.key);
      if (!next) break;
      cur = next;
    }
    return cur;
  };
  for (const d of drafts.values()) {
    const r = root(d);
    if (r === d) continue;
    for (const [k, v] of d.roles) r.roles.set(k, (r.roles.get(k) ?? 0) + v);
    for (const a of d.articles) r.articles.add(a);
    r.quotes += d.quotes;
  }

  // The name shown for a merged speaker is its most quoted full name: "James Baker", not a longer
  // form that once carried a misspelt title ("Treasury Secertary James Baker"), nor "De Blasio".
  const shown = new Map<Draft, Draft>();
  for (const d of drafts.values()) {
    const r = root(d);
    const cur = shown.get(r);
    if (!cur || rankOf(d) > rankOf(cur)) shown.set(r, d);
  }
  const display = new Map<Draft, string>();
  const entries: SpeakerEntry[] = [];
  for (const d of drafts.values()) {
    if (root(d) !== d) continue;
    const name = bestForm((shown.get(d) ?? d).forms);
    display.set(d, name);
    entries.push({ name, quotes: d.quotes, articles: d.articles.size, roles: [...d.roles.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r]) => roleForms.get(r) ?? r) });
  }
  entries.sort((a, b) => b.quotes - a.quotes || b.articles - a.articles || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const canonical = new Map<string, string>();
  for (const d of drafts.values()) {
    const name = display.get(root(d));
    if (name !== undefined) canonical.set(d.key, name);
  }
  return { entries, canonical };
}

const STARTS_LOWER = /^\p{Ll}/u;
/** A description written with a name in it ("chairman of VXT"): each of its forms opens in lower case. */
function described(d: Draft): boolean {
  // (Not a name opening with a particle: "al-Chalabi", "de Blasio".)
  if (d.tokens.length < 2 || PARTICLES.has(d.tokens[0] ?? '')) return false;
  for (const form of d.forms.keys()) if (!STARTS_LOWER.test(form)) return false;
  return true;
}

/** Some article names both forms: there the article itself says who the bare surname is. */
function sharesArticle(a: Draft, b: Draft): boolean {
  for (const x of a.articles) if (b.articles.has(x)) return true;
  return false;
}

const DOCTOR = /^(?:dr\.?|doctor|prof\.?|professor)$/u;
const surnameOnly = (d: Draft): boolean => d.tokens.filter((t) => !PARTICLES.has(t)).length === 1;
/** The name was given with a doctor's or professor's title (its role), as written in the article. */
function doctor(d: Draft): boolean {
  for (const r of d.roles.keys()) if (DOCTOR.test(r)) return true;
  return false;
}

/** Full names (two words besides particles) first, then the most quoted, then the longer. */
function rankOf(d: Draft): number {
  let quotes = 0;
  for (const v of d.forms.values()) quotes += v;
  const core = d.tokens.filter((t) => !PARTICLES.has(t)).length;
  return (core >= 2 ? 1e9 : 0) + quotes * 10 + Math.min(d.tokens.length, 9);
}

/** The most used written form; a form in capitals only loses to any mixed-case one. */
function bestForm(forms: Map<string, number>): string {
  let best = '';
  let bestScore = -1;
  for (const [form, n] of forms) {
    const shouting = HAS_UPPER.test(form) && !HAS_LOWER.test(form);
    const score = (shouting ? 0 : 1e9) + n;
    if (score > bestScore) {
      best = form;
      bestScore = score;
    }
  }
  return best;
}
