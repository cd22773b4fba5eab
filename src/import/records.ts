import { parse as parseCsv } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import { htmlToParagraphs, textToParagraphs } from './html.js';
import { makeItem } from './item.js';
import { formatBytes, MAX_ITEM_CHARS } from './limits.js';
import type { ImportItem, ImportSkip, ParsedInput } from './types.js';

/** The article fields a JSON Lines or CSV record can fill; `id` is the export's own stable id. */
export const RECORD_FIELDS = ['title', 'date', 'url', 'source', 'author', 'body', 'id'] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];
export type FieldMap = Partial<Record<RecordField, string>>;

// When `--map` does not name the body, the first of these a record has is the body.
const BODY_NAMES = ['body', 'text', 'content', 'description'];

/** `title=headline,date=published` → `{title: 'headline', date: 'published'}`. */
export function parseFieldMap(spec: string | undefined): FieldMap {
  const map: FieldMap = {};
  if (!spec) return map;
  for (const pair of spec.split(',')) {
    if (!pair.trim()) continue;
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq).trim();
    const name = pair.slice(eq + 1).trim();
    if (eq < 0 || !field || !name) throw new UserError(`--map: "${pair.trim()}" is not FIELD=NAME (e.g. --map title=headline,date=published)`, 'bad-option');
    if (!(RECORD_FIELDS as readonly string[]).includes(field)) {
      throw new UserError(`--map: unknown field "${field}"; fields: ${RECORD_FIELDS.join(', ')}`, 'bad-option');
    }
    map[field as RecordField] = name;
  }
  return map;
}

/** Reads `a.b` paths so a JSON export's nested fields (`author.name`) can be mapped. */
function lookup(record: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(record, path)) return record[path];
  let v: unknown = record;
  for (const part of path.split('.')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(asText).filter((s): s is string => s !== undefined);
    return parts.length > 0 ? parts.join('\n\n') : undefined;
  }
  if (typeof v === 'object' && v !== null && 'name' in v) return asText(v.name);
  return undefined;
}

/** Which name each field is read from in this record (the map, else the field's own name). */
function resolveNames(map: FieldMap, has: (name: string) => boolean): Record<RecordField, string | undefined> {
  const out = {} as Record<RecordField, string | undefined>;
  for (const f of RECORD_FIELDS) out[f] = map[f] ?? (f === 'body' ? BODY_NAMES.find(has) : has(f) ? f : undefined);
  return out;
}

/** One record (a JSON object or a CSV row) → an item, or the reason it can't be one. */
function recordItem(record: Record<string, unknown>, map: FieldMap, label: string): ImportItem | string {
  const names = resolveNames(map, (n) => lookup(record, n) !== undefined);
  for (const [field, name] of Object.entries(map)) {
    if (lookup(record, name) === undefined) return `no "${name}" field (mapped to ${field})`;
  }
  if (names.body === undefined) return `no text: none of the fields ${BODY_NAMES.join(', ')}; name yours with --map body=FIELD`;
  const body = asText(lookup(record, names.body)) ?? '';
  const paragraphs = /<\/?(?:p|div|br|li|h[1-6])\b/i.test(body) ? htmlToParagraphs(body) : textToParagraphs(body);
  if (paragraphs.length === 0) return `empty text in "${names.body}"`;
  const get = (f: RecordField): string | undefined => (names[f] === undefined ? undefined : asText(lookup(record, names[f])));
  return makeItem(label, paragraphs, {
    title: get('title')?.replace(/\s+/g, ' '),
    date: get('date'),
    url: get('url'),
    guid: get('id'),
    source: get('source'),
    author: get('author')?.replace(/\s+/g, ' '),
  });
}

/** JSON Lines: one object a line. A bad or oversized line is skipped with its line number. */
export function parseJsonl(text: string, file: string, map: FieldMap): ParsedInput {
  const out: ParsedInput = { items: [], skipped: [] };
  // Many CMS exports are one JSON array rather than JSON Lines: take each element as a line. A text
  // that only opens like one (a cut-off export, JSON Lines whose first line is a list) is read line
  // by line instead, so each bad line is reported by its number and the good ones are kept.
  if (text.trimStart().startsWith('[')) {
    const array = parseJsonArray(text, file, map);
    if (array) return array;
  }
  let lineNo = 0;
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    lineNo++;
    const label = `line ${lineNo}`;
    const length = end - at;
    if (length > MAX_ITEM_CHARS) {
      out.skipped.push({ file, item: label, reason: `the line is ${formatBytes(length)}, over the ${formatBytes(MAX_ITEM_CHARS)} limit for one article` });
    } else {
      const line = text.slice(at, end).trim();
      if (line) addRecord(out, file, label, line, map);
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  return out;
}

/** The records of a text that is one JSON array, or null when the text is no valid JSON. */
function parseJsonArray(text: string, file: string, map: FieldMap): ParsedInput | null {
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(values)) throw new Error('not a JSON array of objects');
  const out: ParsedInput = { items: [], skipped: [] };
  values.forEach((value, i) => addValue(out, file, `record ${i + 1}`, value, map));
  return out;
}

function addRecord(out: ParsedInput, file: string, label: string, line: string, map: FieldMap): void {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    out.skipped.push({ file, item: label, reason: `not JSON (${(e as Error).message})` });
    return;
  }
  addValue(out, file, label, value, map);
}

function addValue(out: ParsedInput, file: string, label: string, value: unknown, map: FieldMap): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.skipped.push({ file, item: label, reason: 'not a JSON object' });
    return;
  }
  const item = recordItem(value as Record<string, unknown>, map, labelWithTitle(label, value as Record<string, unknown>, map));
  if (typeof item === 'string') out.skipped.push({ file, item: label, reason: item });
  else out.items.push(item);
}

function labelWithTitle(label: string, record: Record<string, unknown>, map: FieldMap): string {
  const title = asText(lookup(record, map.title ?? 'title'));
  return title ? `${label} ("${title.length > 60 ? `${title.slice(0, 59)}…` : title}")` : label;
}

/**
 * CSV with a header row; the delimiter (comma, semicolon or tab) is the header's most frequent.
 * A mapped column the header lacks fails the whole file; a bad row is skipped with its line.
 */
export function parseCsvRecords(text: string, file: string, map: FieldMap): ParsedInput {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
  const out: ParsedInput = { items: [], skipped: [] };
  const skipped: ImportSkip[] = out.skipped;
  let columns: string[] = [];
  const rows = parseCsv(text, {
    bom: true,
    delimiter,
    columns: (names: string[]) => (columns = names.map((n) => n.trim())),
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err) skipped.push({ file, item: `line ${err.lines}`, reason: err.message.replace(/ at line \d+/, '') });
    },
  }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  for (const [field, name] of Object.entries(map)) {
    if (!columns.includes(name)) throw new Error(`no column "${name}" (mapped to ${field}); its columns: ${columns.join(', ') || '(none)'}`);
  }
  if (map.body === undefined && !BODY_NAMES.some((n) => columns.includes(n))) {
    throw new Error(`no text column (${BODY_NAMES.join(', ')}); its columns: ${columns.join(', ') || '(none)'}; name yours with --map body=COLUMN`);
  }
  for (const { record, info } of rows) {
    const label = `line ${info.lines}`;
    const size = Object.values(record).reduce((n, v) => n + v.length, 0);
    if (size > MAX_ITEM_CHARS) {
      skipped.push({ file, item: label, reason: `the row is ${formatBytes(size)}, over the ${formatBytes(MAX_ITEM_CHARS)} limit for one article` });
      continue;
    }
    const item = recordItem(record, map, labelWithTitle(label, record, map));
    if (typeof item === 'string') skipped.push({ file, item: label, reason: item });
    else out.items.push(item);
  }
  return out;
}
