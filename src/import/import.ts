import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { importDate } from './dates.js';
import { parseFeed } from './feed.js';
import { extractArticle } from './html.js';
import { formatBytes, MAX_FILE_BYTES } from './limits.js';
import { parseCsvRecords, parseJsonl, type FieldMap } from './records.js';
import type { ImportFormat, ImportItem, ImportReport, ParsedInput } from './types.js';
import { ExistingFiles, placement, renderArticleFile, slug, writeAtomic, type ArticleFile } from './write.js';

export interface ImportOptions {
  archiveDir: string;
  /** The input files (or folders of them) as the user named them; messages use these names. */
  files: readonly string[];
  /** Turns a name the user gave into a path to open (relative names resolve from their folder). */
  resolvePath?: (name: string) => string;
  /** Skips detection: every file is read as this format. */
  format?: ImportFormat;
  map?: FieldMap;
  /** Called as items are written: how many of how many (for a progress bar). */
  progress?: (done: number, total: number) => void;
}

const BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  '.rss': 'rss', '.atom': 'atom', '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'jsonl', '.csv': 'csv', '.tsv': 'csv',
};

/** The format of an input: from its extension, else from how its text begins. */
export function detectFormat(name: string, text: string): ImportFormat | undefined {
  const byExt = BY_EXTENSION[extname(name).toLowerCase()];
  if (byExt) return byExt;
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').replace(/<\?xml[^>]*>|<!--[\s\S]*?-->/g, '').trimStart();
  if (/^<(?:[\w-]+:)?rss\b|^<rdf:RDF\b/i.test(head)) return 'rss';
  if (/^<(?:[\w-]+:)?feed\b/.test(head)) return 'atom';
  if (/^<(?:!doctype html|html|head|body)\b/i.test(head)) return 'html';
  if (head.startsWith('{') || head.startsWith('[')) return 'jsonl';
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (!head.startsWith('<') && /[,;\t]/.test(firstLine)) return 'csv';
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Input bytes as text: UTF-8, or the encoding the file declares (`<?xml encoding>`, `<meta charset>`). */
function decode(bytes: Buffer): string {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const declared = /encoding=["']([\w-]+)["']|charset=["']?([\w-]+)/i.exec(head);
  const label = (declared?.[1] ?? declared?.[2] ?? 'utf-8').toLowerCase();
  if (label === 'utf-8' || label === 'utf8') {
    try {
      return utf8.decode(bytes);
    } catch {
      throw new Error('not valid UTF-8 text');
    }
  }
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    throw new Error(`declares an encoding this system cannot read: ${label}`);
  }
}

/** The files to read for one name: the file itself, or a folder's importable files. */
function expand(name: string, path: string): Array<{ name: string; path: string }> {
  if (!statSync(path).isDirectory()) return [{ name, path }];
  const out: Array<{ name: string; path: string }> = [];
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    // Browsers save a page's images, scripts and ad frames beside it in `NAME_files/`.
    if (entry.name.startsWith('.') || (entry.isDirectory() && entry.name.endsWith('_files'))) continue;
    const childName = join(name, entry.name);
    const childPath = join(path, entry.name);
    if (entry.isDirectory()) out.push(...expand(childName, childPath));
    else if (BY_EXTENSION[extname(entry.name).toLowerCase()] || extname(entry.name).toLowerCase() === '.xml') out.push({ name: childName, path: childPath });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function parseInput(name: string, text: string, format: ImportFormat, map: FieldMap): ParsedInput {
  switch (format) {
    case 'rss':
    case 'atom':
      return parseFeed(text, name);
    case 'jsonl':
      return parseJsonl(text, name, map);
    case 'csv':
      return parseCsvRecords(text, name, map);
    case 'html': {
      const article = extractArticle(text);
      if (!article) throw new Error('no article found in the page (only navigation, or too little text)');
      return { items: [{ label: 'the page', ...article }], skipped: [] };
    }
  }
}

/**
 * Turns feeds, saved pages, JSON Lines and CSV exports into archive files. Idempotent: each
 * article's file name carries a hash of its url (else its feed id, else its text), so the same
 * input again adds nothing and a changed article rewrites its own file. Every write is atomic;
 * an input that can't be read is reported and writes nothing.
 */
export function importFiles(opts: ImportOptions): ImportReport {
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0, skipped: [], warnings: [], articles: [] };
  const inputs: Array<{ file: string; items: ImportItem[] }> = [];
  for (const given of opts.files) {
    const path = opts.resolvePath ? opts.resolvePath(given) : given;
    let files: Array<{ name: string; path: string }>;
    try {
      files = expand(given, path);
    } catch {
      report.skipped.push({ file: given, item: null, reason: 'file not found' });
      continue;
    }
    if (files.length === 0) report.skipped.push({ file: given, item: null, reason: 'the folder holds no file to import (.rss .atom .xml .html .jsonl .csv)' });
    for (const f of files) {
      try {
        const size = statSync(f.path).size;
        if (size > MAX_FILE_BYTES) throw new Error(`the file is ${formatBytes(size)}, over the ${formatBytes(MAX_FILE_BYTES)} limit; split it`);
        const text = decode(readFileSync(f.path));
        const format = opts.format ?? detectFormat(f.name, text);
        if (!format) throw new Error('cannot tell its format; give --format rss|atom|html|jsonl|csv');
        const parsed = parseInput(f.name, text, format, opts.map ?? {});
        report.skipped.push(...parsed.skipped);
        inputs.push({ file: f.name, items: parsed.items });
      } catch (e) {
        // The parsers' errors describe the input; a TypeError or ReferenceError is our bug.
        if (!(e instanceof Error) || e instanceof TypeError || e instanceof ReferenceError) throw e;
        report.skipped.push({ file: f.name, item: null, reason: e.message });
      }
    }
  }
  writeItems(opts, inputs, report);
  return report;
}

function writeItems(opts: ImportOptions, inputs: ReadonlyArray<{ file: string; items: ImportItem[] }>, report: ImportReport): void {
  const existing = new ExistingFiles(opts.archiveDir);
  const seen = new Map<string, { file: string; item: string; text: string }>();
  const total = inputs.reduce((n, i) => n + i.items.length, 0);
  let done = 0;
  for (const { file, items } of inputs) {
    for (const item of items) {
      done++;
      if (opts.progress && (done % 50 === 0 || done === total)) opts.progress(done, total);
      const article = toArticleFile(item, file, report);
      const place = placement({ ...article, ...(item.guid ? { guid: item.guid } : {}) }, basename(file, extname(file)));
      const text = renderArticleFile(article);
      const first = seen.get(place.key);
      if (first) {
        if (first.text !== text) {
          report.skipped.push({ file, item: item.label, reason: `same id as ${first.file} ${first.item} but different text; kept the first` });
        } else report.unchanged++;
        continue;
      }
      seen.set(place.key, { file, item: item.label, text });
      const at = existing.find(place.folder, place.hash);
      if (at !== undefined && existing.read(at) === text) {
        report.unchanged++;
      } else {
        const name = at ?? `${place.folder}/${[slug(article.title ?? ''), place.hash].filter(Boolean).join('-')}.txt`;
        try {
          writeAtomic(join(opts.archiveDir, name), text);
        } catch (e) {
          report.skipped.push({ file, item: item.label, reason: `could not write ${name}: ${(e as Error).message}` });
          continue;
        }
        existing.remember(place.folder, place.hash, name.slice(place.folder.length + 1));
        const status = at === undefined ? 'added' : 'updated';
        report[status]++;
        report.articles.push({ id: name.replace(/\.txt$/, ''), status, file, item: item.label });
      }
    }
  }
}

/** The item's fields as the file will hold them: a normalised date, no title repeated as paragraph 1. */
function toArticleFile(item: ImportItem, file: string, report: ImportReport): ArticleFile {
  const out: ArticleFile = { paragraphs: item.paragraphs };
  if (item.title) {
    out.title = item.title;
    const first = item.paragraphs[0];
    if (item.paragraphs.length > 1 && first !== undefined && first.toLowerCase() === item.title.toLowerCase()) out.paragraphs = item.paragraphs.slice(1);
  }
  const date = item.date ? importDate(item.date) : null;
  if (date) out.date = date;
  else {
    report.warnings.push({ file, item: item.label, message: item.date ? `date "${item.date.slice(0, 40)}" not understood; imported undated` : 'no date; imported undated' });
  }
  if (item.url) out.url = item.url.trim();
  if (item.source) out.source = item.source;
  if (item.author) out.author = item.author;
  return out;
}
