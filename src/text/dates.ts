import { isValid, parseISO } from 'date-fns';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` that names a real calendar day (2020-02-30 is not). */
export function isValidIsoDate(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const d = parseISO(s);
  return isValid(d) && d.getFullYear() === Number(s.slice(0, 4)) && d.getMonth() + 1 === Number(s.slice(5, 7)) && d.getDate() === Number(s.slice(8, 10));
}

/** Orders things with a date newest first, the undated last; ties are 0 (callers add their own). */
export function newestFirst(a: { date: string | null }, b: { date: string | null }): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? 1 : -1;
}
