import { autocompleteChoices } from '../commands/autocomplete.js';
import type { CommandContext, CommandSpec, ReplyPage } from '../commands/command.js';
import { parseOptions } from '../commands/options.js';
import { isUserError } from '../errors.js';
import type { CooldownSettings } from '../config.js';
import type { Logger } from '../log.js';
import { DEFAULT_DEFER_AFTER_MS } from '../discord/bot.js';
import { Cooldowns, cooldownMessage } from '../discord/cooldown.js';
import { HIDE_OPTION, Pace, type Outcome } from '../discord/execute.js';
import { fitChoices, GENERIC_ERROR, pageButtons } from '../discord/respond.js';
import { canManageServer, INTERACTION, readInteraction, type Interaction } from './interaction.js';
import { decodePageId, encodePageId } from './page-id.js';
import { HttpReply, type ReplyKind, type Respond } from './reply.js';
import { isGone, type InteractionWebhook } from './webhook.js';

export interface HttpRouterDeps {
  commands: ReadonlyMap<string, CommandSpec>;
  ctx: CommandContext;
  log: Logger;
  webhook: InteractionWebhook;
  /** The per-person allowance on commands whose spec says `cooldown: true` (absent: no limit). */
  cooldown?: CooldownSettings;
  /** Defer an answer still not ready this long after the interaction arrived (Discord allows 3 s). */
  deferAfterMs?: number;
  /**
   * Commands that usually take longer than this are deferred before they run. The HTTP response
   * is the cheapest answer (no REST call at all), so only really slow commands are deferred.
   */
  ackBudgetMs?: number;
  now?: () => number;
}

/** Answers a signed, parsed interaction payload; `respond` sends the HTTP response (once). */
export type HttpRouter = (payload: unknown, respond: Respond) => Promise<void>;

/** When a request is too long to carry in a button's custom id (Discord allows 100 characters). */
export const TOO_LONG_TO_PAGE = 'More pages were found, but page buttons need shorter options: shorten the query or narrow it with from/to to see the rest.';

/** A command whose usual time is over this many ms is acknowledged first. */
export const DEFAULT_HTTP_ACK_BUDGET_MS = 1000;

const SLOW = Symbol('slow');

/**
 * The HTTP transport's router: the same command registry, option parsing, renderers, limits and
 * reply rules as the gateway bot (src/discord/bot.ts), with the first response in the HTTP
 * response body and page state in the buttons' custom ids, so that it keeps nothing between
 * requests but the index.
 */
export function makeHttpRouter(deps: HttpRouterDeps): HttpRouter {
  const { commands, log, ctx } = deps;
  const deferAfterMs = deps.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const pace = new Pace(deps.ackBudgetMs ?? DEFAULT_HTTP_ACK_BUDGET_MS);
  const cooldown = deps.cooldown ?? { runs: 0, seconds: 0 };
  const cooldowns = new Cooldowns(cooldown, deps.now);

  /** Runs a command, deferring first when it is usually slow, or when it is not done in time. */
  async function run(spec: CommandSpec, options: Readonly<Record<string, unknown>>, reply: HttpReply, kind: ReplyKind, hidden: boolean, receivedAt: number): Promise<ReplyPage[]> {
    if (pace.isSlow(spec.name)) await reply.defer(kind, hidden);
    const started = performance.now();
    // The options were checked against this very spec by parseOptions.
    const work = Promise.resolve().then(() => spec.run(ctx, options as never));
    work.catch(() => undefined);
    if (!reply.responded) {
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<typeof SLOW>((resolve) => {
        timer = setTimeout(() => resolve(SLOW), Math.max(0, deferAfterMs - (performance.now() - receivedAt)));
      });
      try {
        if ((await Promise.race([work, slow])) === SLOW) await reply.defer(kind, hidden);
      } finally {
        clearTimeout(timer);
      }
    }
    const result = await work;
    pace.record(spec.name, performance.now() - started);
    return spec.renderDiscord(result);
  }

  /** Page `index` of a reply, with Previous / Next buttons whose custom ids carry the request. */
  function view(spec: CommandSpec, options: Readonly<Record<string, string | number | boolean>>, pages: ReplyPage[], index: number): { page: ReplyPage; components: object[] } {
    const page = pages[index] ?? { content: 'Nothing to show.', embeds: [] };
    if (pages.length <= 1) return { page, components: [] };
    const idFor = (n: number): string | undefined => encodePageId({ command: spec.name, page: n, options });
    // The last page has the longest number: if its id fits, every id does.
    if (idFor(pages.length - 1) === undefined) return { page: { ...page, content: `${page.content ? `${page.content}\n` : ''}${TOO_LONG_TO_PAGE}` }, components: [] };
    return { page, components: pageButtons((n) => idFor(n) ?? '', index, pages.length) };
  }

  async function command(i: Interaction, reply: HttpReply, receivedAt: number): Promise<Outcome> {
    const name = i.command?.name ?? '';
    const spec = commands.get(name);
    if (!spec || !i.command?.chatInput) {
      await reply.private(`This bot has no /${name} command any more; an admin should run \`npm run deploy-commands\`.`);
      return 'user-error';
    }
    if (spec.admin && !canManageServer(i.memberPermissions)) {
      await reply.private(`/${spec.name} needs the Manage Server permission.`);
      return 'forbidden';
    }
    const user = i.userId;
    const wait = spec.cooldown && user ? cooldowns.take(user, spec.name) : 0;
    if (wait > 0) {
      await reply.private(cooldownMessage(spec.name, wait, cooldown));
      return 'cooldown';
    }
    const raw: Record<string, unknown> = {};
    let hidden = false;
    for (const o of i.command.options) {
      if (o.name === HIDE_OPTION) hidden = o.value === true;
      else raw[o.name] = o.value;
    }
    try {
      const options = parseOptions(spec.name, spec.options, raw);
      const pages = await run(spec, options, reply, 'reply', hidden, receivedAt);
      const { page, components } = view(spec, options as Record<string, string | number | boolean>, pages, 0);
      await reply.page('reply', page, components, hidden);
      return reply.deferred ? 'deferred' : 'answered';
    } catch (e) {
      if (!isUserError(e)) throw e;
      // A reply that only says the input was wrong does not use up the allowance.
      if (spec.cooldown && user) cooldowns.refund(user, spec.name);
      await reply.private(e.message);
      return 'user-error';
    }
  }

  /** A Previous / Next click: the request in the custom id runs again, on whichever copy got the click. */
  async function turnPage(i: Interaction, reply: HttpReply, receivedAt: number): Promise<Outcome> {
    const req = decodePageId(i.button?.customId ?? '');
    const spec = req ? commands.get(req.command) : undefined;
    if (!req || !spec) {
      await reply.private('That button is not one this bot knows. Run the command again.');
      return 'forbidden';
    }
    if (i.button?.messageOwnerId && i.button.messageOwnerId !== i.userId) {
      await reply.private(`Only the person who ran /${spec.name} can turn its pages. Run it yourself to browse.`);
      return 'forbidden';
    }
    try {
      const options = parseOptions(spec.name, spec.options, req.options);
      const pages = await run(spec, options, reply, 'update', false, receivedAt);
      // The archive may have changed since the first page: stay within what there is now.
      const index = Math.min(req.page, Math.max(0, pages.length - 1));
      const { page, components } = view(spec, options as Record<string, string | number | boolean>, pages, index);
      await reply.page('update', page, components, false);
      return reply.deferred ? 'deferred' : 'answered';
    } catch (e) {
      if (!isUserError(e)) throw e;
      await reply.private(`These pages cannot be shown any more (${e.message}). Run the command again.`);
      return 'user-error';
    }
  }

  async function autocomplete(i: Interaction, reply: HttpReply): Promise<void> {
    const spec = commands.get(i.command?.name ?? '');
    const focused = i.command?.options.find((o) => o.focused);
    const kind = focused ? spec?.options[focused.name]?.autocomplete : undefined;
    await reply.choices(kind && focused ? fitChoices(autocompleteChoices(ctx, kind, String(focused.value ?? ''))) : []);
  }

  return async (payload, respond) => {
    const receivedAt = performance.now();
    const i = readInteraction(payload);
    if (!i) throw new HttpPayloadError('not an interaction: id, application_id, token or type is missing');
    if (i.type === INTERACTION.ping) {
      await respond({ type: 1 });
      return;
    }
    const reply = new HttpReply(respond, deps.webhook, i);
    const kind = i.type === INTERACTION.command ? 'command' : i.type === INTERACTION.autocomplete ? 'autocomplete' : i.button ? 'button' : 'other';
    let outcome: Outcome = 'answered';
    try {
      if (kind === 'command') outcome = await command(i, reply, receivedAt);
      else if (kind === 'autocomplete') await autocomplete(i, reply);
      else if (kind === 'button') outcome = await turnPage(i, reply, receivedAt);
      else {
        await reply.private('This bot does not handle that kind of interaction.');
        outcome = 'forbidden';
      }
    } catch (e) {
      if (isGone(e)) {
        outcome = 'gone';
        log.warn({ interaction: i.id, err: e }, 'interaction expired or unknown to Discord; nothing sent');
      } else {
        outcome = 'bug';
        log.error({ interaction: i.id, kind, command: i.command?.name, err: e }, 'bug while answering an interaction');
        try {
          if (kind === 'autocomplete') await reply.choices([]);
          else await reply.private(GENERIC_ERROR);
        } catch (e2) {
          log.warn({ interaction: i.id, err: e2 }, 'could not send the error reply');
        }
      }
    }
    log.info({ interaction: i.id, kind, command: i.command?.name, user: i.userId, latencyMs: Math.round((performance.now() - receivedAt) * 100) / 100, outcome, transport: 'http' }, 'interaction');
  };
}

/** A signed payload that is not an interaction we can read (answered 400). */
export class HttpPayloadError extends Error {
  override readonly name = 'HttpPayloadError';
}
