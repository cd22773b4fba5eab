import { createRequire } from 'node:module';
import type * as ResvgModule from '@resvg/resvg-js';
import type { Unit } from '../timeline/buckets.js';
import type { Timeline } from '../timeline/timeline.js';

/**
 * The timeline as a bar chart: an SVG drawn here (one bar chart needs no charting library) and
 * rasterised to PNG by resvg, with no browser and no system fonts: DejaVu Sans comes from an npm
 * package, so the text looks the same on a fresh machine.
 */

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;
export const CHART_FILE = 'timeline.png';

const require = createRequire(import.meta.url);
const FONT = 'DejaVu Sans';
const FONT_FILES = [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')];

/**
 * An opaque card of its own, so the chart reads the same in Discord's dark theme (#313338) and
 * its light one (#ffffff): light text on a dark grey that is a shade off both backgrounds, with a
 * border that marks the edge on dark. Discord shows embed images at about half this size, hence
 * the large type.
 */
const THEME = {
  background: '#232428',
  border: '#4e5058',
  text: '#f2f3f5',
  muted: '#b5bac1',
  grid: '#3f4147',
  axis: '#80848e',
  articles: '#7984f5',
  peak: '#c9cdfb',
  quotes: '#f0b232',
} as const;

const SIZE = { title: 22, subtitle: 16, tick: 15, axisTitle: 15 } as const;
/** DejaVu Sans averages about 0.6 em a character: enough to space labels. */
const charWidth = (px: number): number => px * 0.6;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const clipText = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
const count = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** "week of 1987-03-23", "March 1987", "1987", "1987-03-23": a period in words. */
export function periodName(unit: Unit, start: string): string {
  switch (unit) {
    case 'day':
      return start;
    case 'week':
      return `week of ${start}`;
    case 'month':
      return `${MONTHS[Number(start.slice(5, 7)) - 1] ?? ''} ${start.slice(0, 4)}`;
    case 'year':
      return start.slice(0, 4);
  }
}

/** A bar's tick label; the year goes on a second row where it changes. */
function tickLabel(unit: Unit, start: string): string {
  const month = MONTHS[Number(start.slice(5, 7)) - 1] ?? '';
  if (unit === 'year') return start.slice(0, 4);
  if (unit === 'month') return month;
  return `${month} ${Number(start.slice(8, 10))}`;
}

/** Round axis steps (1, 2, 5 × 10^k), whole numbers, about five of them. */
export function niceTicks(max: number): number[] {
  const top = Math.max(1, max);
  const raw = top / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) ticks.push(v);
  return ticks;
}

const text = (x: number, y: number, s: string, attrs: string): string => `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeXml(s)}</text>`;

/** The chart as SVG text (exported for tests and for looking at it without rasterising). */
export function timelineSvg(t: Timeline): string {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const withQuotes = t.total.quotes !== undefined;
  // Room above the plot for the peak's count, below it for ticks, years and the axis title.
  const plot = { left: 70, right: W - 24, top: withQuotes ? 118 : 96, bottom: H - 72 };
  const parts: string[] = [];
  parts.push(`<rect x="0.5" y="0.5" width="${W - 1}" height="${H - 1}" rx="10" fill="${THEME.background}" stroke="${THEME.border}"/>`);

  // The title fits one line: the query and the speaker give way to the count, the longer first.
  const total = `: ${count(t.total.articles, 'article')}`;
  const titleAttrs = `font-size="${SIZE.title}" font-weight="bold" fill="${THEME.text}"`;
  const speaker = t.speaker;
  const title = fitText(
    (n) => `“${clipText(t.query, n)}”${speaker ? `, quoting ${clipText(speaker, n)}` : ''}${total}`,
    Math.min(Math.max(t.query.length, speaker?.length ?? 0), 80),
    W - 40,
    titleAttrs,
  );
  parts.push(text(20, 34, title, titleAttrs));
  const peakWhat = count(t.peak.articles, 'article') + (t.peak.quotes !== undefined ? `, ${count(t.peak.quotes, 'quote')}` : '');
  parts.push(text(20, 60, `${t.from} to ${t.to} · peak: ${periodName(t.unit, t.peak.start)} (${peakWhat})`, `font-size="${SIZE.subtitle}" fill="${THEME.muted}"`));
  if (withQuotes) {
    const y = 84;
    parts.push(`<rect x="20" y="${y - 11}" width="12" height="12" fill="${THEME.articles}"/>`);
    parts.push(text(38, y, 'articles', `font-size="${SIZE.tick}" fill="${THEME.text}"`));
    parts.push(`<rect x="120" y="${y - 11}" width="12" height="12" fill="${THEME.quotes}"/>`);
    parts.push(text(138, y, 'paragraphs quoting the speaker', `font-size="${SIZE.tick}" fill="${THEME.text}"`));
  }

  const maxValue = Math.max(...t.periods.map((p) => Math.max(p.articles, p.quotes ?? 0)));
  const ticks = niceTicks(maxValue);
  const yMax = ticks[ticks.length - 1] ?? 1;
  const yOf = (v: number): number => plot.bottom - (v / yMax) * (plot.bottom - plot.top);
  for (const v of ticks) {
    const y = yOf(v);
    parts.push(`<line x1="${plot.left}" y1="${y.toFixed(1)}" x2="${plot.right}" y2="${y.toFixed(1)}" stroke="${v === 0 ? THEME.axis : THEME.grid}" stroke-width="1"/>`);
    parts.push(text(plot.left - 8, y + 5, v.toLocaleString('en-US'), `font-size="${SIZE.tick}" text-anchor="end" fill="${THEME.muted}"`));
  }
  const yTitle = withQuotes ? `per ${t.unit}` : `articles per ${t.unit}`;
  const cy = (plot.top + plot.bottom) / 2;
  parts.push(text(18, cy, yTitle, `font-size="${SIZE.axisTitle}" text-anchor="middle" fill="${THEME.muted}" transform="rotate(-90 18 ${cy.toFixed(1)})"`));

  const n = t.periods.length;
  const pitch = (plot.right - plot.left) / n;
  // A few periods get bars of a bar's width, not slabs across the chart.
  const groupWidth = Math.max(1, Math.min(pitch * (n > 30 ? 0.8 : 0.7), withQuotes ? 96 : 56));
  const labelEvery = Math.max(1, Math.ceil((charWidth(SIZE.tick) * (t.unit === 'month' || t.unit === 'year' ? 4 : 6) + 14) / pitch));
  let lastYearX = -Infinity;
  t.periods.forEach((p, i) => {
    const x0 = plot.left + i * pitch + (pitch - groupWidth) / 2;
    const barWidth = withQuotes ? groupWidth / 2 : groupWidth;
    const isPeak = p.start === t.peak.start;
    const bar = (x: number, v: number, fill: string): string =>
      v > 0 ? `<rect x="${x.toFixed(2)}" y="${yOf(v).toFixed(2)}" width="${barWidth.toFixed(2)}" height="${(plot.bottom - yOf(v)).toFixed(2)}" fill="${fill}"/>` : '';
    parts.push(bar(x0, p.articles, isPeak ? THEME.peak : THEME.articles));
    if (withQuotes) parts.push(bar(x0 + barWidth, p.quotes ?? 0, THEME.quotes));
    const cx = plot.left + (i + 0.5) * pitch;
    if (isPeak) parts.push(text(x0 + barWidth / 2, yOf(p.articles) - 6, p.articles.toLocaleString('en-US'), `font-size="${SIZE.tick}" font-weight="bold" text-anchor="middle" fill="${THEME.text}"`));
    if (i % labelEvery === 0) {
      parts.push(`<line x1="${cx.toFixed(1)}" y1="${plot.bottom}" x2="${cx.toFixed(1)}" y2="${plot.bottom + 5}" stroke="${THEME.axis}"/>`);
      parts.push(text(cx, plot.bottom + 21, tickLabel(t.unit, p.start), `font-size="${SIZE.tick}" text-anchor="middle" fill="${THEME.muted}"`));
    }
    const year = p.start.slice(0, 4);
    const yearChanged = i === 0 || t.periods[i - 1]?.start.slice(0, 4) !== year;
    if (t.unit !== 'year' && yearChanged && cx - lastYearX > 60) {
      lastYearX = cx;
      parts.push(text(cx, plot.bottom + 40, year, `font-size="${SIZE.tick}" font-weight="bold" text-anchor="middle" fill="${THEME.muted}"`));
    }
  });
  const xTitle = { day: 'day', week: 'week (ISO, labelled by its Monday)', month: 'month', year: 'year' }[t.unit];
  parts.push(text((plot.left + plot.right) / 2, H - 8, xTitle, `font-size="${SIZE.axisTitle}" text-anchor="middle" fill="${THEME.muted}"`));

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}">${parts.join('')}</svg>`;
}

const FONT_OPTIONS = { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT };

let resvgClass: typeof ResvgModule.Resvg | undefined;
/**
 * resvg (a native module) is loaded with the first chart, not at start: every other command,
 * and every start of the command line, does without it.
 */
function Resvg(): typeof ResvgModule.Resvg {
  return (resvgClass ??= (require('@resvg/resvg-js') as typeof ResvgModule).Resvg);
}

/** The chart as a PNG, CHART_WIDTH × CHART_HEIGHT. */
export function timelinePng(t: Timeline): Buffer {
  const resvg = new (Resvg())(timelineSvg(t), { font: FONT_OPTIONS, fitTo: { mode: 'width', value: CHART_WIDTH } });
  return resvg.render().asPng();
}

/** Width in pixels of one line of text as resvg lays it out (a few ms). */
function textWidth(s: string, attrs: string): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="100" font-family="${FONT}">${text(0, 50, s, attrs)}</svg>`;
  return new (Resvg())(svg, { font: FONT_OPTIONS }).getBBox()?.width ?? 0;
}

/**
 * The longest `make(n)` (n ≤ max) that fits `width`, found by measuring (binary search, a few
 * ms a step, only when the whole text does not fit): capitals and W/M are twice as wide as
 * "i", so a character count cannot tell.
 */
function fitText(make: (n: number) => string, max: number, width: number, attrs: string): string {
  if (textWidth(make(max), attrs) <= width) return make(max);
  let lo = 1;
  let hi = max - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(make(mid), attrs) <= width) lo = mid;
    else hi = mid - 1;
  }
  return make(lo);
}

