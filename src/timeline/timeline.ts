import { checkedQuery, type Engine, type Hit } from '../engine.js';
import { UserError } from '../errors.js';
import { inRange, parseDateRange, type DateRange } from '../search/date-range.js';
import { count } from '../text/plural.js';
import { rank } from '../search/rank.js';
import { chooseUnit, periodIndex, periodsBetween, type PeriodSpan, type Unit } from './buckets.js';
import { matchArticles } from '../search/match.js';

export interface TimelineRequest {
  query: string;
  speaker?: string;
  from?: string;
  to?: string;
}

export interface TimelinePeriod extends PeriodSpan {
  articles: number;
  /** Paragraphs quoting the speaker, when a speaker was asked for. */
  quotes?: number;
}

/** How often the archive speaks of a query, period by period: plain data for every renderer. */
export interface Timeline {
  query: string;
  speaker?: string;
  unit: Unit;
  /** The days charted: the requested range within the archive's own first and last dates. */
  from: string;
  to: string;
  periods: TimelinePeriod[];
  total: {
    articles: number;
    /** Passages of those articles holding a query word. */
    passages: number;
    quotes?: number;
  };
  /** Matching articles without a date: in no period, counted here. */
  undated: number;
  /** The period with the most articles (the earliest of equals), and its best passage. */
  peak: TimelinePeriod & { top: Hit };
}

/**
 * Counts the articles holding every query word (`matchArticles` in `all` mode) per day, ISO week,
 * month or year, the unit chosen from the span so the chart has at most 62 bars (see buckets).
 *
 * With a speaker, only articles quoting that speaker count, and each period also counts the
 * paragraphs quoting them ("quotes"); the speaker filter comes from the quotes feature.
 * Nothing dated matching is a UserError: a timeline of zeros says nothing.
 */
export function timeline(engine: Engine, req: TimelineRequest): Timeline {
  const qTerms = checkedQuery(req.query, 'query');
  const range = parseDateRange(req.from, req.to);
  const speaker = req.speaker?.trim() || undefined;
  const quoting = speaker === undefined ? undefined : engine.speakerFilter(speaker);
  const { index } = engine;

  const kept: Array<{ date: string; article: number; passages: number; quotes: number }> = [];
  let undated = 0;
  for (const [a, holding] of matchArticles(index, qTerms, 'all')) {
    let quotes = 0;
    if (quoting) {
      const paragraphs = new Set<number>();
      for (const p of index.articlePassages(a)) if (quoting(p)) paragraphs.add(index.passages[p]?.paragraph ?? 0);
      quotes = paragraphs.size;
      if (quotes === 0) continue;
    }
    const date = index.articles[a]?.date ?? null;
    if (date === null) undated++;
    else if (inRange(date, range)) kept.push({ date, article: a, passages: holding.length, quotes });
  }
  const stats = engine.stats();
  if (kept.length === 0 || stats.firstDate === null || stats.lastDate === null) {
    throw new UserError(nothingMessage(req.query.trim(), speaker, range, undated), 'no-matches');
  }
  const from = range.from && range.from > stats.firstDate ? range.from : stats.firstDate;
  const to = range.to && range.to < stats.lastDate ? range.to : stats.lastDate;
  const unit = chooseUnit(from, to);
  const periods: TimelinePeriod[] = periodsBetween(unit, from, to).map((s) => (quoting ? { ...s, articles: 0, quotes: 0 } : { ...s, articles: 0 }));
  const total: Timeline['total'] = quoting ? { articles: 0, passages: 0, quotes: 0 } : { articles: 0, passages: 0 };
  const periodOf = new Map<number, number>();
  for (const k of kept) {
    const i = periodIndex(unit, from, k.date);
    const period = periods[i];
    if (!period) throw new Error(`timeline: ${k.date} falls outside ${from}..${to}`);
    periodOf.set(k.article, i);
    period.articles++;
    total.articles++;
    total.passages += k.passages;
    if (period.quotes !== undefined && total.quotes !== undefined) {
      period.quotes += k.quotes;
      total.quotes += k.quotes;
    }
  }
  let peakAt = 0;
  periods.forEach((p, i) => {
    if (p.articles > (periods[peakAt]?.articles ?? 0)) peakAt = i;
  });
  const peak = periods[peakAt];
  if (!peak) throw new Error('timeline: no periods');
  const inPeak = new Set([...periodOf].filter(([, i]) => i === peakAt).map(([a]) => a));
  const out: Timeline = { query: req.query.trim(), unit, from, to, periods, total, undated, peak: { ...peak, top: topHit(engine, qTerms, inPeak, quoting) } };
  if (speaker !== undefined) out.speaker = speaker;
  return out;
}

/** The best passage of the peak's articles by search ranking: one quoting the speaker if any. */
function topHit(engine: Engine, qTerms: string[], articles: ReadonlySet<number>, quoting: ((p: number) => boolean) | undefined): Hit {
  const { index } = engine;
  // The headline paragraph is the title already: cite the body (as ask does), unless only it matches.
  const isHeadline = (p: number): boolean => {
    const passage = index.passages[p];
    return passage !== undefined && passage.paragraph === 1 && index.articles[passage.article]?.headline === true;
  };
  const inArticles = (p: number): boolean => articles.has(index.passages[p]?.article ?? -1);
  const inBody = (p: number): boolean => inArticles(p) && !isHeadline(p);
  const best = (filter: (p: number) => boolean) => rank(index, qTerms, { mode: 'search', limit: 1, prefixLast: false, filter })[0];
  const ranked = (quoting ? best((p) => inBody(p) && quoting(p)) : undefined) ?? best(inBody) ?? best(inArticles);
  if (ranked) return engine.hit(ranked);
  // Retrieval can miss an article that holds a common word only in its title: cite its start.
  const first = Math.min(...articles);
  const p = index.articlePassages(first)[0];
  if (p === undefined) throw new Error(`timeline: article ${first} has no passages`);
  return engine.hit({ passage: p, score: 0, matched: new Set(qTerms) });
}

function nothingMessage(query: string, speaker: string | undefined, range: DateRange, undated: number): string {
  const who = speaker === undefined ? '' : ` quoting ${speaker}`;
  const when = range.from && range.to ? ` from ${range.from} to ${range.to}` : range.from ? ` from ${range.from} on` : range.to ? ` up to ${range.to}` : '';
  const q = query.length > 80 ? `${query.slice(0, 79)}…` : query;
  const aside = undated > 0 ? ` (${count(undated, 'undated article')} ${undated === 1 ? 'does' : 'do'}, but a timeline needs dates)` : '';
  return `nothing in the archive matches "${q}"${who}${when}${aside}; a timeline counts articles holding every word of the query`;
}
