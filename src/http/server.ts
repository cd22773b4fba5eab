import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';
import { HttpPayloadError, type HttpRouter } from './router.js';
import { isSignedByDiscord, publicKeyFromHex } from './verify.js';

export interface HttpServerOptions {
  /** The application's public key, 64 hex characters (DISCORD_PUBLIC_KEY). */
  publicKey: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  route: HttpRouter;
  log: Logger;
  /** What `GET /healthz` reports, for a load balancer's health check. */
  health?: () => Record<string, unknown>;
  /** The clock the signature timestamp is checked against. */
  now?: () => number;
}

export interface HttpEndpoint {
  server: Server;
  /** `http://host:port`; Discord's "Interactions Endpoint URL" is this plus INTERACTIONS_PATH, behind TLS. */
  url: string;
  /** Stops accepting requests, lets the ones in flight finish (their webhook edits too), then closes. */
  stop(): Promise<void>;
}

/** Where Discord POSTs interactions. */
export const INTERACTIONS_PATH = '/interactions';
/** Interaction payloads are a few KB; anything this big is not one. */
export const MAX_BODY_BYTES = 1 << 20;

/**
 * The HTTP interactions endpoint: checks each request's Ed25519 signature before reading it
 * (Discord sends unsigned and badly signed requests on purpose, and expects 401), then hands it
 * to the router, whose first answer becomes the HTTP response.
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<HttpEndpoint> {
  const key = publicKeyFromHex(opts.publicKey);
  const now = opts.now ?? Date.now;
  const inFlight = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    const job = handle(req, res).catch((err: unknown) => {
      opts.log.error({ err }, 'bug in the HTTP endpoint');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  });
  // Keep-alive from a proxy is welcome; a client that stalls mid-request is not.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return send(res, 200, { ok: true, ...opts.health?.() });
    if (path !== INTERACTIONS_PATH) return send(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return send(res, 405, { error: 'POST only' }, { allow: 'POST' });
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === undefined) {
      send(res, 413, { error: 'request too large' });
      req.destroy();
      return;
    }
    if (!isSignedByDiscord(key, header(req, 'x-signature-ed25519'), header(req, 'x-signature-timestamp'), body, now())) {
      return send(res, 401, { error: 'invalid request signature' });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { error: 'the body is not JSON' });
    }
    let responded = false;
    const respond = async (answer: object): Promise<void> => {
      if (responded) throw new Error('http endpoint: a second response to one interaction');
      responded = true;
      // Resolves once the response is handed to the socket, so slow work started next cannot hold it
      // back; or once the connection is gone (Discord gave up), so nothing waits for ever.
      await new Promise<void>((resolve) => {
        res.once('close', resolve);
        send(res, 200, answer, {}, resolve);
      });
    };
    try {
      await opts.route(payload, respond);
    } catch (e) {
      if (!(e instanceof HttpPayloadError)) throw e;
      if (!responded) return send(res, 400, { error: e.message });
    }
    if (!responded) throw new Error('http endpoint: the router gave no response');
  }

  server.listen(opts.port, opts.host);
  await once(server, 'listening');
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  let stopping: Promise<void> | undefined;
  return {
    server,
    url: `http://${host}:${addr.port}`,
    stop: () =>
      (stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await Promise.allSettled([...inFlight]);
        server.closeAllConnections();
        await closed;
      })()),
  };
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function send(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}, done?: () => void): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text, done);
}

/** The request body, or undefined once it passes `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) return undefined;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
