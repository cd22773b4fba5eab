/** The longest link kept (Discord rejects longer embed urls, and no news link is near it). */
export const MAX_URL_CHARS = 2048;

/**
 * An article's link, only when it is an absolute http(s) URL that the WHATWG parser accepts,
 * with a host and no credentials. Anything else (`javascript:`, relative paths, free text) is
 * not a link. It comes back in its parsed form, and past the host every character that means
 * something to Discord markdown (brackets, parentheses, `*`, `_`, `~`, `|`, `@`, quotes…) is
 * percent-encoded: the link can then go into any renderer, even inside `[text](…)`, without
 * closing early or carrying formatting or mentions. Encoding is idempotent.
 */
export function httpUrl(raw: string): string | undefined {
  const u = parseHttpUrl(raw);
  if (!u || !u.hostname || u.username || u.password) return undefined;
  const origin = `${u.protocol}//${u.host}`;
  const href = origin + u.href.slice(origin.length).replace(/[^A-Za-z0-9\-.:/?#&=+,;%!$]/g, percentEncode);
  return href.length <= MAX_URL_CHARS ? href : undefined;
}

/** `raw` parsed by the WHATWG URL parser when it is an absolute http(s) URL; anything else is undefined. */
export function parseHttpUrl(raw: string): URL | undefined {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
}

function percentEncode(c: string): string {
  let out = '';
  for (const b of Buffer.from(c, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}
