import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { isValidIsoDate } from '../text/dates.js';
import { httpUrl } from './url.js';
import type { Article } from './types.js';

const require = createRequire(import.meta.url);
let yaml: typeof Yaml | undefined;
/** The YAML parser loads with the first front matter: a start from the cache parses none. */
const parseYaml = (text: string): unknown => (yaml ??= require('yaml') as typeof Yaml).parse(text);

export interface ParsedArticle {
  article: Article;
  warnings: string[];
}

const HEADER = /^\s*date[ \t]+(\S+)[ \t]*(?:\r?\n)?/;
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const TITLE_MAX = 120;

/** Parses one archive file's text (already decoded) into an article. Never throws on content. */
export function parseArticle(id: string, raw: string): ParsedArticle {
  const warnings: string[] = [];
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const meta: Record<string, string> = {};

  const fm = FRONT_MATTER.exec(text.trimStart());
  if (fm) {
    text = text.trimStart().slice(fm[0].length);
    try {
      const data: unknown = parseYaml(fm[1] ?? '');
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        for (const [k, v] of Object.entries(data)) {
          if (v instanceof Date) meta[k] = v.toISOString().slice(0, 10);
          else if (typeof v === 'string' || typeof v === 'number') meta[k] = String(v).trim();
        }
      } else {
        warnings.push('front matter is not a key: value block; ignored');
      }
    } catch (e) {
      warnings.push(`front matter is not valid YAML (${(e as Error).message.split('\n')[0]}); ignored`);
    }
  }

  let date: string | null = null;
  const header = HEADER.exec(text);
  if (header) {
    text = text.slice(header[0].length);
    const value = header[1] ?? '';
    if (isValidIsoDate(value)) date = value;
    else warnings.push(`unreadable date "${value.slice(0, 40)}"; date unknown`);
  }
  if (meta.date !== undefined) {
    if (isValidIsoDate(meta.date)) date = meta.date;
    else warnings.push(`unreadable front-matter date "${meta.date.slice(0, 40)}"; date unknown`);
  }
  if (date === null && !warnings.some((w) => w.includes('date'))) warnings.push('no date header; date unknown');

  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);

  const first = paragraphs[0] ?? '';
  const headline = isHeadline(first) && paragraphs.length > 1;
  const title = meta.title || (headline ? first : shortTitle(first)) || id;

  const article: Article = { id, title, date, paragraphs, headline };
  if (meta.url) {
    const url = httpUrl(meta.url);
    if (url) article.url = url;
    else warnings.push(`front-matter url "${meta.url.slice(0, 40)}" is not an http(s) link; ignored`);
  }
  if (meta.source) article.source = meta.source;
  if (meta.author) article.author = meta.author;
  return { article, warnings };
}

/** A short line without final sentence punctuation reads as a headline. */
function isHeadline(p: string): boolean {
  return p.length > 0 && p.length < TITLE_MAX && !/[.!?:;,"”’)]$/.test(p);
}

/** The title a body's first paragraph gives when the file names none (exported: a title that differs came from front matter). */
export function shortTitle(p: string): string {
  const sentence = /^(.{20,}?[.!?])(?:["”’]?)\s/.exec(p)?.[1] ?? p;
  if (sentence.length <= TITLE_MAX) return sentence;
  const cut = sentence.slice(0, TITLE_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}
