import type { Timeline } from '../timeline/timeline.js';
import { citation, dateLabel } from './cite.js';
import { periodName } from './timeline-chart.js';
import { count } from '../text/plural.js';

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


/** The terminal view: sparkline(s) with the span under them, total, peak and its top article. */
export function timelineText(t: Timeline): string {
  const who = t.speaker ? ` quoting ${t.speaker}` : '';
  const first = t.periods[0];
  const last = t.periods[t.periods.length - 1];
  const lines = [`"${t.query}"${who}: ${count(t.total.articles, 'article')} from ${t.from} to ${t.to}, by ${t.unit} (${count(t.periods.length, t.unit)})`, ''];
  const label = t.total.quotes !== undefined ? ['articles ', 'quotes   '] : ['', ''];
  lines.push(`${label[0]}${sparkline(t.periods.map((p) => p.articles))}`);
  if (t.total.quotes !== undefined) lines.push(`${label[1]}${sparkline(t.periods.map((p) => p.quotes ?? 0))}`);
  if (first && last) {
    const gap = Math.max(1, t.periods.length - first.period.length - last.period.length);
    lines.push(`${label[0] ? ' '.repeat(label[0].length) : ''}${first.period}${t.periods.length > 1 ? ' '.repeat(gap) + last.period : ''}`);
  }
  lines.push('');
  const peakQuotes = t.peak.quotes !== undefined ? `, ${count(t.peak.quotes, 'quote')}` : '';
  const peakName = periodName(t.unit, t.peak.start);
  lines.push(`peak: ${peakName}${peakName === t.peak.period ? '' : ` (${t.peak.period})`}: ${count(t.peak.articles, 'article')}${peakQuotes}`);
  const top = t.peak.top;
  lines.push(`top:  ${top.title} — ${dateLabel(top.date)} [${citation(top.article, top.paragraph)}]${top.url ? ` ${top.url}` : ''}`);
  lines.push(`      ${top.snippet}`);
  if (t.total.quotes !== undefined) lines.push(`total: ${count(t.total.articles, 'article')}, ${count(t.total.quotes, 'paragraph')} quoting ${t.speaker ?? 'the speaker'}`);
  if (t.undated > 0) lines.push(`${count(t.undated, 'undated article')} also match${t.undated === 1 ? 'es' : ''}; not charted.`);
  return lines.join('\n');
}
