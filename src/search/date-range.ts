import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { UserError } from '../errors.js';
import { isValidIsoDate } from '../text/dates.js';

export interface DateRange {
  /** Inclusive ISO days; either may be open. */
  from?: string;
  to?: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Reads a date option: `2020-01-19` is that day, `2020-01` the whole month, `2020` the whole
 * year. Returns the first and last day it covers.
 */
export function parsePeriod(option: string, value: string): { first: string; last: string } {
  const v = value.trim();
  if (/^\d{4}$/.test(v)) return { first: `${v}-01-01`, last: `${v}-12-31` };
  const month = /^(\d{4})-(\d{2})$/.exec(v);
  if (month) {
    const m = Number(month[2]);
    if (m >= 1 && m <= 12) {
      const last = lastDayOfMonth(new Date(Number(month[1]), m - 1, 1)).getDate();
      return { first: `${v}-01`, last: `${v}-${pad(last)}` };
    }
  }
  if (isValidIsoDate(v)) return { first: v, last: v };
  throw new UserError(
    // The `date` option is already a date: "bad date", not "bad date date".
    `bad ${option === 'date' ? '' : `${option} `}date "${value.slice(0, 40)}": use YYYY-MM-DD (a real day), YYYY-MM or YYYY`,
    'bad-date',
  );
}

/** Turns `from`/`to` options into an inclusive day range; `from` after `to` is an error. */
export function parseDateRange(from?: string, to?: string): DateRange {
  const range: DateRange = {};
  if (from !== undefined && from.trim() !== '') range.from = parsePeriod('from', from).first;
  if (to !== undefined && to.trim() !== '') range.to = parsePeriod('to', to).last;
  if (range.from && range.to && range.from > range.to) {
    throw new UserError(`"from" (${from}) is after "to" (${to})`, 'bad-date-order');
  }
  return range;
}

/** Whether a (possibly unknown) date falls in the range. Undated articles only match an open range. */
export function inRange(date: string | null, range: DateRange): boolean {
  if (!range.from && !range.to) return true;
  if (date === null) return false;
  return (!range.from || date >= range.from) && (!range.to || date <= range.to);
}
