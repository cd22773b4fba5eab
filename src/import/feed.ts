import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { htmlToParagraphs, textToParagraphs } from './html.js';
import { makeItem } from './item.js';
import type { ParsedInput } from './types.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // `content:encoded` → `encoded`, `dc:creator` → `creator`, `atom:feed` → `feed`.
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  htmlEntities: true,
  // Atom content may be inline XHTML: keep it as markup rather than a tree without order.
  stopNodes: ['*.entry.content', '*.entry.summary'],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author',
});

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text of an element that may carry attributes (`<guid isPermaLink="false">x</guid>`). */
function text(v: unknown): string | undefined {
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || undefined;
  if (isNode(v)) return text(v['#text']);
  return undefined;
}

const short = (s: string | undefined): string => (s ? ` ("${s.length > 60 ? `${s.slice(0, 59)}…` : s}")` : '');

/** RSS 2.0 (and 1.0/RDF) or Atom XML → items. A file that is not a feed is an Error with the reason. */
export function parseFeed(xml: string, file: string): ParsedInput {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  const doc: unknown = parser.parse(xml);
  if (!isNode(doc)) throw new Error('not an RSS or Atom feed');
  if (isNode(doc.rss)) return rssItems(doc.rss.channel, doc.rss.channel, file);
  if (isNode(doc.RDF)) return rssItems(doc.RDF, doc.RDF.channel, file);
  if (isNode(doc.feed)) return atomItems(doc.feed, file);
  const root = Object.keys(doc).find((k) => !k.startsWith('?'));
  throw new Error(`not an RSS or Atom feed (its root element is <${root ?? '?'}>)`);
}

function rssItems(holder: unknown, channel: unknown, file: string): ParsedInput {
  const source = isNode(channel) ? text(channel.title) : undefined;
  const raw = isNode(holder) && Array.isArray(holder.item) ? holder.item : [];
  const out: ParsedInput = { items: [], skipped: [] };
  raw.forEach((entry: unknown, i) => {
    if (!isNode(entry)) return;
    const title = text(entry.title);
    const label = `item ${i + 1}${short(title)}`;
    const body = text(entry.encoded) ?? text(entry.description);
    const paragraphs = body ? htmlToParagraphs(body) : [];
    if (paragraphs.length === 0) {
      out.skipped.push({ file, item: label, reason: 'no article text (no description or content)' });
      return;
    }
    out.items.push(
      makeItem(label, paragraphs, {
        title: title && plain(title),
        date: text(entry.pubDate) ?? text(entry.date),
        url: text(entry.link),
        guid: text(entry.guid),
        source,
        author: text(entry.creator) ?? rssAuthor(text(entry.author)),
      }),
    );
  });
  return out;
}

/** RSS `<author>` is an e-mail address, often with the name in brackets: keep the name. */
function rssAuthor(s: string | undefined): string | undefined {
  if (!s) return undefined;
  return /\(([^)]+)\)/.exec(s)?.[1]?.trim() ?? s;
}

function atomItems(feed: Node, file: string): ParsedInput {
  const source = text(feed.title);
  const raw = Array.isArray(feed.entry) ? feed.entry : [];
  const out: ParsedInput = { items: [], skipped: [] };
  raw.forEach((entry: unknown, i) => {
    if (!isNode(entry)) return;
    const title = text(entry.title);
    const label = `entry ${i + 1}${short(title)}`;
    const paragraphs = atomText(entry.content) ?? atomText(entry.summary) ?? [];
    if (paragraphs.length === 0) {
      out.skipped.push({ file, item: label, reason: 'no article text (no content or summary)' });
      return;
    }
    const authors = Array.isArray(entry.author) ? entry.author : Array.isArray(feed.author) ? feed.author : [];
    const names = authors.map((a: unknown) => (isNode(a) ? text(a.name) : undefined)).filter((n): n is string => !!n);
    out.items.push(
      makeItem(label, paragraphs, {
        title: title && plain(title),
        date: text(entry.published) ?? text(entry.updated),
        url: atomLink(entry.link),
        guid: text(entry.id),
        source: source && plain(source),
        author: names.join(', '),
      }),
    );
  });
  return out;
}

function atomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  const nodes = links.filter(isNode);
  const alternate = nodes.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ?? nodes[0];
  return alternate ? text(alternate['@_href']) : undefined;
}

/**
 * Atom content kept raw (a stop node): `type="xhtml"` is markup; `html` is escaped markup or
 * CDATA; `text` (the default) is escaped text.
 */
function atomText(v: unknown): string[] | undefined {
  const raw = isNode(v) ? v['#text'] : v;
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  const type = isNode(v) ? String(v['@_type'] ?? 'text') : 'text';
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(raw)?.[1];
  if (type === 'xhtml') return htmlToParagraphs(raw);
  const unescaped = cdata ?? decodeXml(raw);
  return type === 'html' ? htmlToParagraphs(unescaped) : textToParagraphs(unescaped);
}

/** Character references and entities of a raw XML text, decoded by a real parser. */
function decodeXml(raw: string): string {
  const { document } = parseHTML('<!doctype html><html><body><div></div></body></html>');
  const div = document.querySelector('div');
  if (!div) return raw;
  div.innerHTML = raw.replace(/</g, '&lt;');
  return div.textContent ?? raw;
}

/** A title given as HTML (`AT&amp;T`, `<b>`) as plain text. */
function plain(s: string): string {
  return /[<&]/.test(s) ? htmlToParagraphs(s).join(' ') : s;
}
