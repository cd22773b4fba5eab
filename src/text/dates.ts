import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` that names a real calendar day (2020-02-30 is not). */
export function isValidIsoDate(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const d = parseISO(s);
  return isValid(d) && d.getFullYear() === Number(s.slice(0, 4)) && d.getMonth() + 1 === Number(s.slice(5, 7)) && d.getDate() === Number(s.slice(8, 10));
}
