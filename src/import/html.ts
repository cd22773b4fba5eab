import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ImportItem } from './types.js';

// The elements whose text is one paragraph; a block inside another (a <p> in a <blockquote>)
// is taken on its own and its container skipped, so no text is taken twice.
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, figcaption, td, th';

// Below this much text a page's "article" is navigation or an error page, not news.
const MIN_ARTICLE_CHARS = 80;

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** An HTML fragment (a feed item's content, an extracted article) as plain paragraphs. */
export function htmlToParagraphs(html: string): string[] {
  if (!/[<&]/.test(html)) return textToParagraphs(html);
  // <br><br> separates paragraphs in much feed HTML; keep it as a blank line.
  const { document } = parseHTML(`<!doctype html><html><body>${html.replace(/<br\s*\/?>/gi, '\n')}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((el) => el.querySelector(BLOCKS) === null);
  if (blocks.length === 0) return textToParagraphs(document.body?.textContent ?? '');
  return blocks.map((el) => clean(el.textContent ?? '')).filter((p) => p.length > 0);
}

/** Plain text as paragraphs: blank lines separate them; with none, each line is one. */
export function textToParagraphs(text: string): string[] {
  const t = text.replace(/\r\n?/g, '\n');
  const parts = /\n[ \t]*\n/.test(t) ? t.split(/\n[ \t]*\n/) : t.split('\n');
  return parts.map(clean).filter((p) => p.length > 0);
}

/**
 * The article of a saved web page: its main text without navigation, ads or comments
 * (Mozilla's Readability, the engine of Firefox Reader View), with the page's title, date,
 * canonical url, site name and author. Null when the page holds no article.
 */
export function extractArticle(html: string): Omit<ImportItem, 'label'> | null {
  const { document } = parseHTML(html);
  const meta = (selector: string): string | undefined => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  // Read the metadata first: Readability rewrites the document as it works.
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta('meta[property="og:url"]');
  const date =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    meta('meta[itemprop="datePublished"]') ??
    (document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || undefined);
  const source = meta('meta[property="og:site_name"]');
  const author = meta('meta[name="author"]');
  const title = meta('meta[property="og:title"]');

  // linkedom's document is a DOM without the browser's type declarations (no "dom" lib here).
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  if (!article?.content) return null;
  const paragraphs = htmlToParagraphs(article.content);
  if (paragraphs.join(' ').length < MIN_ARTICLE_CHARS) return null;

  const out: Omit<ImportItem, 'label'> = { paragraphs };
  const t = clean(article.title ?? '') || title;
  if (t) out.title = t;
  const d = date ?? article.publishedTime ?? undefined;
  if (d) out.date = d;
  if (url) out.url = url;
  const s = source ?? (article.siteName ? clean(article.siteName) : undefined);
  if (s) out.source = s;
  const a = article.byline ? clean(article.byline) : author;
  if (a) out.author = a;
  return out;
}
