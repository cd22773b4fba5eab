import type { ImportReport } from '../import/types.js';
import { count } from '../text/plural.js';

const where = (file: string, item: string | null): string => (item ? `${file}, ${item}` : file);

/** An import's outcome for a terminal: the counts, then each skipped item and warning with its reason. */
export function renderImportText(report: ImportReport, archiveDir: string): string {
  const lines = [
    `Imported into ${archiveDir}: ${count(report.added, 'article')} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped.length} skipped.`,
  ];
  for (const a of report.articles.slice(0, 20)) lines.push(`  ${a.status === 'added' ? '+' : '~'} ${a.id}`);
  if (report.articles.length > 20) lines.push(`  … and ${count(report.articles.length - 20, 'more article')}`);
  if (report.skipped.length > 0) {
    lines.push('Skipped:');
    for (const s of report.skipped) lines.push(`  ${where(s.file, s.item)}: ${s.reason}`);
  }
  if (report.warnings.length > 0) {
    lines.push(`${count(report.warnings.length, 'warning')}:`);
    for (const w of report.warnings.slice(0, 20)) lines.push(`  ${where(w.file, w.item)}: ${w.message}`);
    if (report.warnings.length > 20) lines.push(`  … and ${report.warnings.length - 20} more`);
  }
  return lines.join('\n');
}
