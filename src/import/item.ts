import type { ImportItem } from './types.js';

const FIELDS = ['title', 'date', 'url', 'guid', 'source', 'author'] as const;
type ItemFields = Partial<Record<(typeof FIELDS)[number], string | undefined>>;

/** An item with the fields an input gave: empty ones are left out, not stored as blanks. */
export function makeItem(label: string, paragraphs: string[], fields: ItemFields): ImportItem {
  const item: ImportItem = { label, paragraphs };
  for (const key of FIELDS) {
    const value = fields[key];
    if (value) item[key] = value;
  }
  return item;
}
