import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ImportItem } from './types.js';

// Elements that start a new paragraph; everything else (links, bold, spans) is inline text.
const BLOCK = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'DL', 'FIGCAPTION', 'FIGURE',
  'TABLE', 'TR', 'TD', 'TH', 'TBODY', 'THEAD', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'HR', 'ADDRESS',
]);
const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'BUTTON', 'FORM']);

// Below this much text a page's "article" is navigation or an error page, not news.
const MIN_ARTICLE_CHARS = 80;

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Paragraphs in document order: each block's own text, and loose text between blocks. */
function collect(node: DomNode, out: string[]): void {
  let inline = '';
  const flush = (): void => {
    for (const p of inline.split(/\n[ \t]*\n/)) if (clean(p)) out.push(clean(p));
    inline = '';
  };
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) inline += child.textContent ?? '';
    else if (child.nodeType === 1 && !NO_TEXT.has(child.nodeName)) {
      if (BLOCK.has(child.nodeName)) {
        flush();
        collect(child, out);
      } else inline += child.textContent ?? '';
    }
  }
  flush();
}

/** An HTML fragment (a feed item's content, an extracted article) as plain paragraphs. */
export function htmlToParagraphs(html: string): string[] {
  if (!/[<&]/.test(html)) return textToParagraphs(html);
  // <br><br> separates paragraphs in much feed HTML; keep it as a blank line.
  const { document } = parseHTML(`<!doctype html><html><body>${html.replace(/<br\s*\/?>/gi, '\n')}</body></html>`);
  const out: string[] = [];
  if (document.body) collect(document.body as unknown as DomNode, out);
  return out;
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
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  } catch (e) {
    // Readability walks whatever DOM the page makes; a page it can't walk is bad input, not our bug.
    throw new Error(`the page could not be read as an article (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!article?.content) return null;
  const paragraphs = htmlToParagraphs(article.content);
  if (paragraphs.join(' ').length < MIN_ARTICLE_CHARS) return null;

  const out: Omit<ImportItem, 'label'> = { paragraphs };
  const t = withoutSiteName(title ?? clean(article.title ?? ''), source ?? article.siteName ?? undefined);
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

/** `Tidal barrier opens | Coast Weekly` → `Tidal barrier opens` when the site is Coast Weekly. */
function withoutSiteName(title: string, site: string | undefined): string {
  if (!site) return title;
  const m = /^(.+?)\s+[|\-–—:·]\s+(.+)$/.exec(title);
  return m?.[1] && clean(m[2] ?? '').toLowerCase() === clean(site).toLowerCase() ? m[1] : title;
}
