/**
 * Stateless pagination: a page button's custom id carries the whole request — command, options
 * and the page it leads to — so any copy of the HTTP endpoint can answer the click by running the
 * command again and rendering that page. Nothing is kept between requests; N copies behind a
 * load balancer behave as one bot.
 *
 * `pg:<page>:<command>:<name>=<value>&<name>=<value>…`, at most Discord's 100 characters. In
 * values, `%`, `&` and `=` are escaped as `%25`, `%26` and `%3D`; everything else is kept as
 * typed, so most requests fit. A decoded id is only a request: its options go through the same
 * parsing and checks as a slash command's, so a forged id can do no more than typing the command.
 */

import { LIMITS } from '../render/limits.js';

/** Discord's limit on a component's custom id. */
export const CUSTOM_ID_MAX = LIMITS.customId;
/** Pages are numbered from 0; no reply has anywhere near this many. */
export const MAX_PAGE = 999;

export interface PageRequest {
  command: string;
  /** The page the button leads to, from 0. */
  page: number;
  /** Option values as the slash command had them (checked again by `parseOptions` on use). */
  options: Readonly<Record<string, string | number | boolean>>;
}

const ID = /^pg:(\d{1,3}):([a-z0-9_-]{1,32}):(.*)$/s;
const NAME = /^[a-z0-9_-]{1,32}$/;

const escapeValue = (v: string): string => v.replace(/[%&=]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const UNESCAPE: Readonly<Record<string, string>> = { '%25': '%', '%26': '&', '%3D': '=' };

/** The custom id for a page of a request, or undefined when it does not fit in 100 characters. */
export function encodePageId(req: PageRequest): string | undefined {
  if (!Number.isInteger(req.page) || req.page < 0 || req.page > MAX_PAGE || !NAME.test(req.command)) return undefined;
  const parts: string[] = [];
  for (const [name, value] of Object.entries(req.options)) {
    if (!NAME.test(name)) return undefined;
    parts.push(`${name}=${escapeValue(String(value))}`);
  }
  const id = `pg:${req.page}:${req.command}:${parts.join('&')}`;
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

/**
 * The request a custom id names, or null when it is not one of ours: too long, malformed, a
 * repeated option or a stray `%`. Option values come back as text, as the command line gives
 * them; `parseOptions` converts and checks them.
 */
export function decodePageId(customId: string): { command: string; page: number; options: Record<string, string> } | null {
  if (customId.length > CUSTOM_ID_MAX) return null;
  const m = ID.exec(customId);
  if (!m?.[1] || !m[2] || m[3] === undefined) return null;
  const options: Record<string, string> = {};
  for (const part of m[3] ? m[3].split('&') : []) {
    const eq = part.indexOf('=');
    const name = eq > 0 ? part.slice(0, eq) : '';
    const raw = part.slice(eq + 1);
    if (!NAME.test(name) || Object.hasOwn(options, name)) return null;
    if (/%(?!25|26|3D)/i.test(raw)) return null;
    options[name] = raw.replace(/%(25|26|3D)/gi, (e) => UNESCAPE[e.toUpperCase()] ?? e);
  }
  return { command: m[2], page: Number(m[1]), options };
}
