import type { Timeline } from '../timeline/timeline.js';
import { citation, dateLabel } from './cite.js';
import { periodName } from './timeline-chart.js';

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * One block character per value. Zero is the lowest block and any count above zero at least the
 * second, so a quiet period never looks like an empty one.
 */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) => {
      if (v <= 0 || max === 0) return BLOCKS[0];
      return BLOCKS[1 + Math.round((v / max) * (BLOCKS.length - 2))] ?? BLOCKS[BLOCKS.length - 1];
    })
    .join('');
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The terminal view: sparkline(s) with the span under them, total, peak and its top article. */
export function timelineText(t: Timeline): string {
  const who = t.speaker ? ` quoting ${t.speaker}` : '';
  const first = t.periods[0];
  const last = t.periods[t.periods.length - 1];
  const lines = [`"${t.query}"${who}: ${plural(t.total.articles, 'article')} from ${t.from} to ${t.to}, by ${t.unit} (${plural(t.periods.length, t.unit)})`, ''];
  const label = t.total.quotes !== undefined ? ['articles ', 'quotes   '] : ['', ''];
  lines.push(`${label[0]}${sparkline(t.periods.map((p) => p.articles))}`);
  if (t.total.quotes !== undefined) lines.push(`${label[1]}${sparkline(t.periods.map((p) => p.quotes ?? 0))}`);
  if (first && last) {
    const gap = Math.max(1, t.periods.length - first.period.length - last.period.length);
    lines.push(`${label[0] ? ' '.repeat(label[0].length) : ''}${first.period}${t.periods.length > 1 ? ' '.repeat(gap) + last.period : ''}`);
  }
  lines.push('');
  const peakQuotes = t.peak.quotes !== undefined ? `, ${plural(t.peak.quotes, 'quote')}` : '';
  const peakName = periodName(t.unit, t.peak.start);
  lines.push(`peak: ${peakName}${peakName === t.peak.period ? '' : ` (${t.peak.period})`}: ${plural(t.peak.articles, 'article')}${peakQuotes}`);
  const top = t.peak.top;
  lines.push(`top:  ${top.title} — ${dateLabel(top.date)} [${citation(top.article, top.paragraph)}]${top.url ? ` ${top.url}` : ''}`);
  lines.push(`      ${top.snippet}`);
  if (t.total.quotes !== undefined) lines.push(`total: ${plural(t.total.articles, 'article')}, ${plural(t.total.quotes, 'paragraph')} quoting ${t.speaker ?? 'the speaker'}`);
  if (t.undated > 0) lines.push(`${plural(t.undated, 'undated article')} also match${t.undated === 1 ? 'es' : ''}; not charted.`);
  return lines.join('\n');
}
