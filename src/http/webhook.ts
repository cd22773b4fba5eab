import type { FileData } from '../commands/command.js';

/**
 * The REST calls an HTTP interaction needs after its first response: edit the original
 * response (a deferred answer, or one with files), delete it, send a follow-up. They are
 * authorised by the interaction's own token, so the HTTP endpoint needs no bot token at all.
 */

/** A failed REST call, with Discord's JSON error code when it sent one (10015: unknown webhook). */
export class DiscordRestError extends Error {
  override readonly name = 'DiscordRestError';
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Discord's codes for an interaction it no longer knows (expired after 15 minutes, or unknown). */
const GONE_CODES = new Set([10015, 10062]);

export const isGone = (e: unknown): boolean => e instanceof DiscordRestError && (e.status === 404 || (e.code !== undefined && GONE_CODES.has(e.code)));

export interface WebhookOptions {
  /** REST base without the version, as DISCORD_API_BASE (default: Discord's own). */
  apiBase?: string;
  /** Give up on one attempt after this long (default 10 s). */
  timeoutMs?: number;
}

/** The message body of an edit or follow-up (Discord's JSON names). */
export type MessageBody = Record<string, unknown>;

const MAX_ATTEMPTS = 3;
/** A 429 asks us to wait; longer than this and the answer would be stale anyway. */
const MAX_RETRY_AFTER_MS = 10_000;

export class InteractionWebhook {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(opts: WebhookOptions = {}) {
    this.base = `${(opts.apiBase ?? 'https://discord.com/api').replace(/\/+$/, '')}/v10`;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  /** Replaces the original response (the "thinking…" of a deferred one); files go as multipart. */
  async editOriginal(applicationId: string, token: string, body: MessageBody, files: readonly FileData[] = []): Promise<void> {
    await this.send('PATCH', `${this.path(applicationId, token)}/messages/@original`, body, files);
  }

  async deleteOriginal(applicationId: string, token: string): Promise<void> {
    await this.send('DELETE', `${this.path(applicationId, token)}/messages/@original`);
  }

  async followUp(applicationId: string, token: string, body: MessageBody): Promise<void> {
    await this.send('POST', this.path(applicationId, token), body);
  }

  private path(applicationId: string, token: string): string {
    // Both come from a signed payload; encoding keeps a strange value inside its path segment.
    return `/webhooks/${encodeURIComponent(applicationId)}/${encodeURIComponent(token)}`;
  }

  private async send(method: string, path: string, body?: MessageBody, files: readonly FileData[] = []): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${this.base}${path}`, { method, ...encode(body, files), signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (e) {
        // A reset or timeout: the edit is idempotent, so one more try is safe.
        if (attempt < MAX_ATTEMPTS) continue;
        throw new DiscordRestError(0, undefined, `${method} ${describe(path)}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (res.ok) {
        await res.arrayBuffer();
        return;
      }
      const text = await res.text();
      const json = parseJson(text);
      if (attempt < MAX_ATTEMPTS && (res.status === 429 || res.status >= 500)) {
        const after = res.status === 429 ? Number(json?.retry_after ?? res.headers.get('retry-after') ?? 1) * 1000 : 250;
        if (after <= MAX_RETRY_AFTER_MS) {
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, after)));
          continue;
        }
      }
      const code = typeof json?.code === 'number' ? json.code : undefined;
      const message = typeof json?.message === 'string' ? json.message : text.slice(0, 200);
      throw new DiscordRestError(res.status, code, `${method} ${describe(path)}: ${res.status} ${message}`);
    }
  }
}

/** The path without the interaction token (it authorises the call, so it is never logged). */
const describe = (path: string): string => path.replace(/^(\/webhooks\/[^/]+\/)[^/]+/, '$1:token');

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** JSON, or multipart with `payload_json` and `files[n]` when there are files (Discord's upload format). */
function encode(body: MessageBody | undefined, files: readonly FileData[]): { body?: string | FormData; headers?: Record<string, string> } {
  if (body === undefined) return {};
  if (files.length === 0) return { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  const form = new FormData();
  form.append('payload_json', JSON.stringify({ ...body, attachments: files.map((f, id) => ({ id, filename: f.name })) }));
  files.forEach((f, i) => form.append(`files[${i}]`, new Blob([f.data]), f.name));
  return { body: form };
}
