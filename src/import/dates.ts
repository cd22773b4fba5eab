import { isValidIsoDate } from '../text/dates.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number): string => String(n).padStart(2, '0');

function day(y: number, m: number | undefined, d: number): string | null {
  if (m === undefined) return null;
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** `Jan`, `January`, `Sept` → 1-based month; anything else (`Mayday`) → undefined. */
function monthOf(name: string): number | undefined {
  const lower = name.toLowerCase();
  const i = MONTHS.findIndex((m) => m.startsWith(lower));
  return i >= 0 ? i + 1 : undefined;
}

/**
 * The calendar day an input date names, as `YYYY-MM-DD`, or null. The day is the one the
 * publisher wrote (a feed's `Mon, 30 Nov 2026 23:30 -0500` is the 30th, not the UTC 1st).
 * Forms: ISO 8601 (`2020-01-19`, `2020-01-19T08:00Z`), `2020/01/19`, RFC 822 and written
 * dates (`19 Jan 2020`, `January 19, 2020`), and Unix times in seconds or milliseconds.
 */
export function importDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|\s)/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (m) return day(Number(m[3]), monthOf(m[2] ?? ''), Number(m[1]));
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m) return day(Number(m[3]), monthOf(m[1] ?? ''), Number(m[2]));
  if (/^\d{9,13}$/.test(s)) {
    const n = Number(s);
    const ms = s.length >= 12 ? n : n * 1000;
    return new Date(ms).toISOString().slice(0, 10);
  }
  return null;
}
