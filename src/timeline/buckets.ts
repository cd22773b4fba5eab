/**
 * Calendar periods for the timeline: which unit (day, ISO week, month, year) suits a span, and
 * the zero-filled list of periods covering it. Pure date arithmetic on ISO `YYYY-MM-DD` strings,
 * in UTC days, so the machine's time zone never moves an article into another period.
 */

export type Unit = 'day' | 'week' | 'month' | 'year';

export const UNITS: readonly Unit[] = ['day', 'week', 'month', 'year'];

/**
 * At most this many bars, unless even years are more: readable at ~800 px, and any two months
 * (up to 62 days) still show day by day.
 */
export const MAX_PERIODS = 62;

export interface PeriodSpan {
  /** `2020-01-18` (day), `2020-W03` (ISO week), `2020-01` (month) or `2020` (year). */
  period: string;
  /** First and last day of the period, inclusive. */
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Days since 1970-01-01 of an ISO day. */
export function dayNumber(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
}

export function isoDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Monday of the ISO week holding `day` (1970-01-01 was a Thursday). */
const mondayOf = (day: number): number => day - ((day + 3) % 7 + 7) % 7;

/** ISO week label: the week belongs to the year of its Thursday. */
function weekLabel(monday: number): string {
  const thursday = isoDay(monday + 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((monday + 3 - dayNumber(`${pad(year, 4)}-01-01`)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
}

const monthIndex = (iso: string): number => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/** The position of a day's period counted from the period holding `first` (0-based). */
export function periodIndex(unit: Unit, first: string, date: string): number {
  switch (unit) {
    case 'day':
      return dayNumber(date) - dayNumber(first);
    case 'week':
      return Math.floor((mondayOf(dayNumber(date)) - mondayOf(dayNumber(first))) / 7);
    case 'month':
      return monthIndex(date) - monthIndex(first);
    case 'year':
      return Number(date.slice(0, 4)) - Number(first.slice(0, 4));
  }
}

/** How many periods of `unit` the inclusive span touches. */
export const periodCount = (unit: Unit, first: string, last: string): number => periodIndex(unit, first, last) + 1;

/** The finest unit that covers the span in at most `max` periods; years when nothing does. */
export function chooseUnit(first: string, last: string, max: number = MAX_PERIODS): Unit {
  return UNITS.find((u) => periodCount(u, first, last) <= max) ?? 'year';
}

/** Every period of `unit` from the one holding `first` to the one holding `last`, in order. */
export function periodsBetween(unit: Unit, first: string, last: string): PeriodSpan[] {
  const n = periodCount(unit, first, last);
  const out: PeriodSpan[] = [];
  for (let i = 0; i < n; i++) out.push(nthPeriod(unit, first, i));
  return out;
}

function nthPeriod(unit: Unit, first: string, i: number): PeriodSpan {
  switch (unit) {
    case 'day': {
      const day = isoDay(dayNumber(first) + i);
      return { period: day, start: day, end: day };
    }
    case 'week': {
      const monday = mondayOf(dayNumber(first)) + 7 * i;
      return { period: weekLabel(monday), start: isoDay(monday), end: isoDay(monday + 6) };
    }
    case 'month': {
      const m = monthIndex(first) + i;
      const year = Math.floor(m / 12);
      const month = (m % 12) + 1;
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return { period: `${pad(year, 4)}-${pad(month)}`, start: `${pad(year, 4)}-${pad(month)}-01`, end: `${pad(year, 4)}-${pad(month)}-${pad(last)}` };
    }
    case 'year': {
      const year = pad(Number(first.slice(0, 4)) + i, 4);
      return { period: year, start: `${year}-01-01`, end: `${year}-12-31` };
    }
  }
}
