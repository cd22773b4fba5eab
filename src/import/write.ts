import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { parseHttpUrl } from '../archive/url.js';

/** An article as it will be written: the front-matter fields and its paragraphs. */
export interface ArticleFile {
  title?: string;
  date?: string;
  url?: string;
  source?: string;
  author?: string;
  paragraphs: string[];
}

/** The archive file text: YAML front matter, then paragraphs separated by blank lines. */
export function renderArticleFile(a: ArticleFile): string {
  const meta: Record<string, string> = {};
  for (const key of ['title', 'date', 'url', 'source', 'author'] as const) {
    const v = a[key];
    if (v) meta[key] = v;
  }
  const front = Object.keys(meta).length > 0 ? `---\n${stringify(meta, { lineWidth: 0 })}---\n\n` : '';
  // A body that starts "date …" would be read as the date header: give the header first.
  const header = a.date && /^\s*date[ \t]/.test(a.paragraphs[0] ?? '') ? `date ${a.date}\n\n` : '';
  return `${front}${header}${a.paragraphs.join('\n\n')}\n`;
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A url without its fragment, tracking parameters, `www.` or a trailing slash: one article, one key. */
export function canonicalUrl(raw: string): string | undefined {
  const u = parseHttpUrl(raw);
  if (!u) return undefined;
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$)/.test(k)) u.searchParams.delete(k);
  const host = u.hostname.replace(/^www\./, '');
  return `${host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
}

/** ASCII words joined by hyphens, at most `max` characters: `Oil prices rise 5%` → `oil-prices-rise-5`. */
export function slug(s: string, max = 50): string {
  const words = s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  return cut.slice(0, cut.lastIndexOf('-') > 10 ? cut.lastIndexOf('-') : max).replace(/-+$/, '');
}

export interface Placement {
  /** The stable key the article's hash comes from: its url, its feed id, or its text. */
  key: string;
  /** Folder under the archive: the url's host, else the source, else the input file's name. */
  folder: string;
  hash: string;
}

/**
 * Where an article goes. The file name ends in a hash of the stable key, so a re-import finds
 * the same file whatever the title has become; the title slug before it only helps people.
 */
export function placement(a: ArticleFile & { guid?: string }, inputName: string): Placement {
  const url = a.url ? canonicalUrl(a.url) : undefined;
  const key = url ? `url:${url}` : a.guid ? `id:${a.guid}` : `text:${sha(`${a.title ?? ''}\n${a.paragraphs.join('\n\n')}`)}`;
  const folder = (url ? url.slice(0, url.indexOf('/') >= 0 ? url.indexOf('/') : url.length) : '') || slug(a.source ?? '', 40) || slug(inputName, 40) || 'imported';
  return { key, folder, hash: sha(key).slice(0, 12) };
}

const HASHED = /(?:^|-)([0-9a-f]{12})\.txt$/;

/** The archive's existing imported files by key hash, one folder read at a time. */
export class ExistingFiles {
  private readonly folders = new Map<string, Map<string, string>>();
  constructor(private readonly archiveDir: string) {}

  /** The file (relative to the archive) holding this hash, if there is one. */
  find(folder: string, hash: string): string | undefined {
    let byHash = this.folders.get(folder);
    if (!byHash) {
      byHash = new Map();
      let names: string[] = [];
      try {
        names = readdirSync(join(this.archiveDir, folder));
      } catch {
        // A folder that doesn't exist yet holds nothing.
      }
      for (const name of names) {
        const h = HASHED.exec(name)?.[1];
        if (h) byHash.set(h, name);
      }
      this.folders.set(folder, byHash);
    }
    const name = byHash.get(hash);
    return name === undefined ? undefined : `${folder}/${name}`;
  }

  remember(folder: string, hash: string, name: string): void {
    this.folders.get(folder)?.set(hash, name);
  }

  read(path: string): string | undefined {
    try {
      return readFileSync(join(this.archiveDir, path), 'utf8');
    } catch {
      return undefined;
    }
  }
}

/**
 * Writes a file so that readers (the live archive) see the old text or the new, never half:
 * a dot-named temp file beside it (the archive scan skips dot files), then a rename.
 */
export function writeAtomic(path: string, text: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.import-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
