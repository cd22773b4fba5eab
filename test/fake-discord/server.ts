import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local stand-in for Discord: the REST routes the bot uses and a gateway, on 127.0.0.1 only.
 * The real discord.js client logs into it (`DISCORD_API_BASE=fake.apiBase`); tests dispatch
 * interactions and read what the bot sent back.
 */

export interface RecordedRequest {
  method: string;
  /** Without the `/api` and `/v10` prefixes: `/interactions/1/tok/callback`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingMessage['headers'];
  /** performance.now() when the request's headers arrived. */
  at: number;
  /** Attachments of a multipart request (its `payload_json` is `body`). */
  files?: RecordedFile[];
}

export interface RecordedFile {
  /** The form field, `files[0]`…, and the file name the message refers to. */
  field: string;
  filename: string;
  data: Buffer;
}

export interface InjectedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Hold the response this long first (a REST call that hangs); the request is recorded at once. */
  delayMs?: number;
  /** Drop the TCP connection instead of answering (after `delayMs`), as a crashed proxy would. */
  destroy?: boolean;
}

interface Waiter {
  match: (r: RecordedRequest) => boolean;
  resolve: (r: RecordedRequest) => void;
}

interface Session {
  id: string;
  seq: number;
  socket: WebSocket | undefined;
  /** Dispatches sent (or queued while disconnected), for replay on RESUME. */
  sent: Array<{ s: number; t: string; d: unknown }>;
}

export const EPOCH = 1420070400000n;
let counter = 0n;
/** A snowflake with a real timestamp, so discord.js's createdTimestamp is sensible. */
export function snowflake(): string {
  counter = (counter + 1n) & 0xfffn;
  return String(((BigInt(Date.now()) - EPOCH) << 22n) | counter);
}

// Deliberately not shaped like a real token (`[MN]…{24}.…{6}.…{27}`), so secret scanners never flag it.
export const FAKE_TOKEN = 'fake-token-for-tests-only.test.not-a-discord-token-at-all';

export interface FakeOptions {
  /** Gateway heartbeat interval; short keeps the fake's timers honest without slowing tests. */
  heartbeatMs?: number;
  /** Keep every request in `requests` (default); a load run turns it off and uses `onAnswered`. */
  record?: boolean;
  /** Dispatches kept for replay on RESUME (default 1,000). */
  replayLimit?: number;
}

/** Close codes after which Discord forgets the session: the bot's RESUME is refused and it must IDENTIFY again. */
const SESSION_ENDING_CODES = new Set([4007, 4009]);

export class FakeDiscord {
  readonly applicationId = snowflake();
  readonly botUserId = this.applicationId;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly userId = snowflake();
  readonly requests: RecordedRequest[] = [];
  readonly identifies: unknown[] = [];
  readonly resumes: unknown[] = [];
  /** Close codes the bot sent when it closed a gateway connection. */
  readonly clientCloses: number[] = [];
  /** Registered commands by scope (`global` or a guild id). */
  readonly registered = new Map<string, unknown[]>();
  private readonly waiters: Waiter[] = [];
  private readonly injected: Array<{ match: (r: RecordedRequest) => boolean; response: InjectedResponse; times: number }> = [];
  private readonly listeners: Array<(r: RecordedRequest) => void> = [];
  /** Held (hanging) responses, released or cleared on close. */
  private readonly holds = new Set<NodeJS.Timeout>();
  private readonly record: boolean;
  private readonly replayLimit: number;
  private readonly expired = new Set<string>();
  /** Interactions whose callback Discord has taken: a second one gets 40060, as from Discord. */
  private readonly acknowledged = new Set<string>();
  private session: Session | undefined;
  private readonly sockets = new Set<WebSocket>();
  /** Connections whose heartbeats go unanswered (a zombie connection). */
  private readonly silent = new WeakSet<WebSocket>();
  private readonly connectionWaiters: Array<() => void> = [];
  private readonly heartbeatMs: number;

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    opts: FakeOptions,
  ) {
    this.heartbeatMs = opts.heartbeatMs ?? 1000;
    this.record = opts.record ?? true;
    this.replayLimit = opts.replayLimit ?? 1000;
  }

  static async start(opts: FakeOptions = {}): Promise<FakeDiscord> {
    const http = createServer();
    const wss = new WebSocketServer({ server: http, path: '/gateway' });
    const fake = new FakeDiscord(http, wss, opts);
    http.on('request', (req, res) => fake.onRequest(req, res));
    wss.on('connection', (ws) => fake.onConnection(ws));
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    return fake;
  }

  get port(): number {
    const addr = this.http.address();
    if (addr === null || typeof addr === 'string') throw new Error('fake discord: not listening');
    return (addr satisfies AddressInfo).port;
  }

  /** What DISCORD_API_BASE should be. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Resolves when a gateway session is identified (READY sent) or resumed. */
  waitForSession(timeoutMs = 10_000): Promise<void> {
    if (this.session?.socket) return Promise.resolve();
    return withTimeout(new Promise<void>((resolve) => this.connectionWaiters.push(resolve)), timeoutMs, 'a gateway session');
  }

  /** The next request (already recorded or future) that matches; resolves with it. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 10_000, after = 0): Promise<RecordedRequest> {
    const seen = this.requests.slice(after).find(match);
    if (seen) return Promise.resolve(seen);
    return withTimeout(
      new Promise<RecordedRequest>((resolve) => this.waiters.push({ match, resolve })),
      timeoutMs,
      'a request from the bot',
    );
  }

  /** The interaction callback (reply, defer, update, autocomplete) for an interaction. */
  waitForCallback(interactionId: string, timeoutMs = 10_000): Promise<RecordedRequest> {
    return this.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${interactionId}/`) && r.path.endsWith('/callback'), timeoutMs);
  }

  /** The first webhook request (edit of @original, follow-up, delete) for an interaction token. */
  waitForWebhook(token: string, method: string, timeoutMs = 10_000): Promise<RecordedRequest> {
    return this.waitForRequest((r) => r.method === method && r.path.startsWith(`/webhooks/${this.applicationId}/${token}`), timeoutMs);
  }

  /** Requests for this interaction, its webhook included, in arrival order. */
  requestsFor(interaction: { id: string; token: string }): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(`/interactions/${interaction.id}/`) || r.path.startsWith(`/webhooks/${this.applicationId}/${interaction.token}`));
  }

  /** Forgets recorded requests (long benchmarks keep memory and look-ups small). */
  clearRecorded(): void {
    this.requests.length = 0;
  }

  /** The next request matching gets this response instead of the normal one (once). */
  injectOnce(match: (r: RecordedRequest) => boolean, response: InjectedResponse): void {
    this.inject(match, response, 1);
  }

  /** The next `times` requests matching get this response instead of the normal one. */
  inject(match: (r: RecordedRequest) => boolean, response: InjectedResponse, times: number): void {
    this.injected.push({ match, response, times });
  }

  /** Calls `listener` with every request once it has been answered (or held) (also when `record` is off). */
  onAnswered(listener: (r: RecordedRequest) => void): void {
    this.listeners.push(listener);
  }

  /** Discord forgets this interaction: its callback answers 404 Unknown interaction (10062). */
  expire(interactionId: string): void {
    this.expired.add(interactionId);
  }

  /** Sends a gateway dispatch; queued for RESUME when the bot is disconnected. */
  dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (!session) throw new Error('fake discord: no gateway session to dispatch to');
    const payload = { op: 0, t, s: ++session.seq, d };
    session.sent.push(payload);
    if (session.sent.length > this.replayLimit) session.sent.shift();
    if (session.socket && session.socket.readyState === session.socket.OPEN) session.socket.send(JSON.stringify(payload));
  }

  /**
   * Closes the gateway socket with `code`; discord.js reconnects and sends RESUME. After 4007 /
   * 4009 (or `invalidate`) the session is forgotten, so the RESUME gets op 9 and the bot must
   * IDENTIFY again; dispatches are possible again once `waitForSession` resolves.
   * `abrupt`: no close frame at all, the TCP connection just dies (the client sees 1006).
   */
  dropConnection(code = 4000, opts: { invalidate?: boolean; abrupt?: boolean } = {}): void {
    const socket = this.session?.socket;
    if (this.session) this.session.socket = undefined;
    if (opts.invalidate ?? SESSION_ENDING_CODES.has(code)) this.session = undefined;
    if (opts.abrupt) socket?.terminate();
    else socket?.close(code, 'fake discord: dropped');
  }

  /** Stops answering the current connection's heartbeats, so the bot sees a zombie connection and reconnects. */
  stopHeartbeatAcks(): void {
    const socket = this.session?.socket;
    if (socket) this.silent.add(socket);
  }

  /** Builds and dispatches an INTERACTION_CREATE; returns its id, token and the time it was sent. */
  dispatchInteraction(i: InteractionInput): { id: string; token: string; sentAt: number } {
    const id = snowflake();
    const token = `itoken_${id}`;
    if (i.expired) this.expired.add(id);
    const user = { id: i.userId ?? this.userId, username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null };
    const base = {
      id,
      application_id: this.applicationId,
      token,
      version: 1,
      guild_id: this.guildId,
      channel_id: this.channelId,
      channel: { id: this.channelId, type: 0, guild_id: this.guildId, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null },
      member: { user, roles: [], joined_at: new Date().toISOString(), permissions: i.permissions ?? '2248473465835073', deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false },
      app_permissions: '2248473465835073',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      attachment_size_limit: 10485760,
    };
    let payload: Record<string, unknown>;
    if (i.type === 'button') {
      payload = {
        ...base,
        type: 3,
        data: { custom_id: i.customId, component_type: 2 },
        message: this.message(i.messageToken ?? token, { content: '', embeds: [], components: [] }, i.messageId),
      };
    } else {
      payload = {
        ...base,
        type: i.type === 'autocomplete' ? 4 : 2,
        data: {
          id: snowflake(),
          name: i.command,
          type: 1,
          guild_id: this.guildId,
          options: Object.entries(i.options ?? {}).map(([name, value]) => ({
            name,
            type: typeof value === 'number' ? 4 : typeof value === 'boolean' ? 5 : 3,
            value,
            ...(i.type === 'autocomplete' && name === i.focused ? { focused: true } : {}),
          })),
        },
      };
    }
    const sentAt = performance.now();
    this.dispatch('INTERACTION_CREATE', payload);
    return { id, token, sentAt };
  }

  async close(): Promise<void> {
    for (const t of this.holds) clearTimeout(t);
    this.holds.clear();
    for (const w of this.sockets) w.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private message(token: string, data: Record<string, unknown>, id?: string): Record<string, unknown> {
    return {
      id: id ?? snowflake(),
      type: 20,
      channel_id: this.channelId,
      author: { id: this.botUserId, username: 'archive-bot', discriminator: '0000', avatar: null, bot: true, global_name: null },
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
      application_id: this.applicationId,
      webhook_id: this.applicationId,
      interaction_metadata: {
        id: token,
        type: 2,
        user: { id: this.userId, username: 'reader', discriminator: '0', avatar: null },
        authorizing_integration_owners: { '0': this.guildId },
      },
      ...data,
    };
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', (code) => {
      this.sockets.delete(ws);
      this.clientCloses.push(code);
      if (this.session?.socket === ws) this.session.socket = undefined;
    });
    ws.on('message', (raw) => this.onGatewayMessage(ws, String(raw)));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatMs } }));
  }

  private onGatewayMessage(ws: WebSocket, raw: string): void {
    const msg: unknown = JSON.parse(raw);
    if (typeof msg !== 'object' || msg === null || !('op' in msg)) return;
    const d = 'd' in msg ? msg.d : null;
    switch (msg.op) {
      case 1:
        if (!this.silent.has(ws)) ws.send(JSON.stringify({ op: 11 }));
        break;
      case 2: {
        this.identifies.push(d);
        const session: Session = { id: `session_${snowflake()}`, seq: 0, socket: ws, sent: [] };
        this.session = session;
        this.dispatch('READY', {
          v: 10,
          user: { id: this.botUserId, username: 'archive-bot', discriminator: '0000', avatar: null, bot: true, verified: true, flags: 0, global_name: null },
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: session.id,
          resume_gateway_url: this.gatewayUrl,
          shard: [0, 1],
          application: { id: this.applicationId, flags: 0 },
          private_channels: [],
          relationships: [],
          presences: [],
          guild_join_requests: [],
          user_settings: {},
          geo_ordered_rtc_regions: [],
        });
        this.dispatch('GUILD_CREATE', this.guild());
        this.notifyConnected();
        break;
      }
      case 6: {
        this.resumes.push(d);
        const session = this.session;
        const ok = session && typeof d === 'object' && d !== null && 'session_id' in d && d.session_id === session.id && 'seq' in d && typeof d.seq === 'number';
        if (!session || !ok) {
          ws.send(JSON.stringify({ op: 9, d: false }));
          break;
        }
        session.socket = ws;
        const since = typeof d === 'object' && d !== null && 'seq' in d && typeof d.seq === 'number' ? d.seq : 0;
        for (const p of session.sent) if (p.s > since) ws.send(JSON.stringify({ op: 0, ...p }));
        ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++session.seq, d: {} }));
        this.notifyConnected();
        break;
      }
      default:
        break;
    }
  }

  private notifyConnected(): void {
    for (const w of this.connectionWaiters.splice(0)) w();
  }

  private guild(): Record<string, unknown> {
    return {
      id: this.guildId,
      name: 'Archive Readers',
      icon: null,
      owner_id: this.userId,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [{ id: this.guildId, name: '@everyone', permissions: '2248473465835073', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_flags: 0,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      members: [],
      channels: [{ id: this.channelId, type: 0, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null }],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      preferred_locale: 'en-US',
      premium_tier: 0,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
    };
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname).replace(/^\/api/, '').replace(/^\/v\d+/, '');
      const raw = Buffer.concat(chunks);
      const text = raw.toString('utf8');
      const contentType = String(req.headers['content-type']);
      let body: unknown = text;
      if (text && contentType.includes('application/json')) body = JSON.parse(text);
      const multipart = contentType.startsWith('multipart/form-data') ? parseMultipart(raw, contentType) : undefined;
      if (multipart) body = multipart.body;
      const record: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, body, headers: req.headers, at };
      if (multipart) record.files = multipart.files;
      if (this.record) this.requests.push(record);
      const send = (status: number, payload?: unknown, headers: Record<string, string> = {}): void => {
        // The client may have given up on a held response (its REST timeout): nothing to write to.
        if (res.destroyed || res.writableEnded) return;
        // Like Discord: a 204 has no body and no content type (a JSON type with no body breaks the client).
        res.writeHead(status, payload === undefined ? headers : { 'content-type': 'application/json', ...headers });
        res.end(payload === undefined ? undefined : JSON.stringify(payload));
      };
      const x = this.injected.find((i) => i.match(record));
      if (x) {
        if (--x.times <= 0) this.injected.splice(this.injected.indexOf(x), 1);
        const { status, body: payload, headers, delayMs, destroy } = x.response;
        // A callback that Discord takes but answers slowly (or whose answer is lost) still counts.
        const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(record.path);
        if (callback?.[1] && status >= 200 && status < 300) this.acknowledged.add(callback[1]);
        const respond = (): void => {
          if (destroy) res.destroy();
          else send(status, payload, headers);
        };
        if (delayMs) {
          const t = setTimeout(() => {
            this.holds.delete(t);
            respond();
          }, delayMs);
          this.holds.add(t);
        } else respond();
      } else this.answer(record, req, send);
      for (const l of this.listeners) l(record);
      // Waiters see a request once it has been answered, so tests can also rely on its effects.
      for (const w of [...this.waiters]) {
        if (w.match(record)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(record);
        }
      }
    });
  }

  private answer(r: RecordedRequest, req: IncomingMessage, send: (status: number, payload?: unknown, headers?: Record<string, string>) => void): void {
    if (req.headers.authorization !== undefined && req.headers.authorization !== `Bot ${FAKE_TOKEN}`) {
      send(401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    const m = (re: RegExp): RegExpExecArray | null => re.exec(r.path);
    let g: RegExpExecArray | null;
    if (r.method === 'GET' && r.path === '/gateway/bot') {
      send(200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    } else if (r.method === 'POST' && (g = m(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const id = g[1] ?? '';
      if (this.expired.has(id)) send(404, { message: 'Unknown interaction', code: 10062 });
      else if (this.acknowledged.has(id)) send(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      else {
        this.acknowledged.add(id);
        send(204);
      }
    } else if ((g = m(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/))) {
      const token = g[2] ?? '';
      if (r.method === 'DELETE') send(204);
      else send(200, this.message(token, typeof r.body === 'object' && r.body !== null ? { ...r.body } : {}));
    } else if (r.method === 'POST' && (g = m(/^\/webhooks\/(\d+)\/([^/]+)$/))) {
      send(200, this.message(g[2] ?? '', typeof r.body === 'object' && r.body !== null ? { ...r.body } : {}));
    } else if (r.method === 'PUT' && (g = m(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const list = Array.isArray(r.body) ? r.body : [];
      const stored = list.map((c: unknown) => ({ ...(typeof c === 'object' && c !== null ? c : {}), id: snowflake(), application_id: g?.[1], version: snowflake() }));
      this.registered.set(g[2] ?? 'global', stored);
      send(200, stored);
    } else send(404, { message: `fake discord: no route ${r.method} ${r.path}`, code: 0 });
  }
}

/** `expired`: Discord has already forgotten it (its callback gets 10062). */
/** `permissions`: the member's permission bits (default: a plain member, without Manage Server). */
export type InteractionInput = { userId?: string; expired?: boolean; permissions?: string } & (
  | { type: 'command'; command: string; options?: Record<string, string | number | boolean> }
  | { type: 'autocomplete'; command: string; options: Record<string, string | number | boolean>; focused: string }
  | { type: 'button'; customId: string; messageToken?: string; messageId?: string }
);

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`fake discord: timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A multipart/form-data body as Discord reads it: the message is the JSON of the
 * `payload_json` part, and each part with a file name is an attachment (binary-safe).
 */
export function parseMultipart(raw: Buffer, contentType: string): { body: unknown; files: RecordedFile[] } | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const files: RecordedFile[] = [];
  let body: unknown = {};
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (raw.toString('latin1', start, start + 2) === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = raw.subarray(start + 2, next - 2);
    const headEnd = part.indexOf('\r\n\r\n');
    const head = part.toString('utf8', 0, headEnd);
    const content = part.subarray(headEnd + 4);
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (name === 'payload_json') body = JSON.parse(content.toString('utf8'));
    else if (filename !== undefined) files.push({ field: name, filename, data: Buffer.from(content) });
    at = next;
  }
  return { body, files };
}

/** The JSON body of a recorded request as a plain record (tests assert on its fields). */
export function bodyOf(r: RecordedRequest): Record<string, unknown> {
  return typeof r.body === 'object' && r.body !== null && !Array.isArray(r.body) ? { ...r.body } : {};
}
