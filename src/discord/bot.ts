import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Options, type ButtonInteraction, type Interaction } from 'discord.js';
import { warmAutocomplete } from '../commands/autocomplete.js';
import type { CommandContext } from '../commands/command.js';
import type { Logger } from '../log.js';
import type { CommandSpec } from '../commands/command.js';
import type { BotConfig, CooldownSettings } from '../config.js';
import { answerAutocomplete } from './autocomplete.js';
import { restOptions } from './rest.js';
import { Cooldowns, cooldownMessage } from './cooldown.js';
import { FATAL_GATEWAY_EXIT, fatalCloseMessage } from './fatal.js';
import { executeCommand, Pace, type BotContext, type Outcome } from './execute.js';
import { hasAutocomplete } from './slash.js';
import { PageStore, pageCustomId, parsePageCustomId } from './pagination.js';
import { GENERIC_ERROR, NO_MENTIONS, isGoneInteraction, pageButtons, sendChoices, sendPrivate, updatePage } from './respond.js';

export interface BotDeps {
  /** Without `cooldown` nobody is rate-limited (tests, benches); main.ts passes the checked config. */
  config: Pick<BotConfig, 'token' | 'apiBase'> & { cooldown?: CooldownSettings };
  ctx: CommandContext;
  commands: ReadonlyMap<string, CommandSpec>;
  log: Logger;
  /** Defer a command whose answer is not ready this long after it arrived (Discord's deadline is 3 s). */
  deferAfterMs?: number;
  /** Commands that usually take longer than this are deferred before they run. */
  ackBudgetMs?: number;
  /** The clock for page expiry and cooldowns. */
  now?: () => number;
  /** Give up on a REST request after this long and retry it (discord.js's default: 15 s). */
  restTimeoutMs?: number;
  /**
   * Called when Discord closes the gateway for good once connected (a revoked token, bad
   * intents…): discord.js will not reconnect, so the process should exit with FATAL_GATEWAY_EXIT.
   */
  onFatal?: (message: string, code: number) => void;
}

export { FATAL_GATEWAY_EXIT };

export interface Bot {
  client: Client;
  pages: PageStore;
  /** Closes the gateway connection and the REST client; safe to call twice. */
  stop(): Promise<void>;
}

export const DEFAULT_DEFER_AFTER_MS = 2000;
/**
 * A command that usually answers within this many ms replies in one request; a slower one is
 * acknowledged first ("thinking…") and its answer edited in, so the first response stays in
 * single-digit milliseconds even on a large archive.
 */
export const DEFAULT_ACK_BUDGET_MS = 3;

/** Builds the client: only the Guilds intent (interactions need no privileged intent), tiny caches. */
export function createClient(config: BotDeps['config'], restTimeoutMs?: number): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...restOptions(config), ...(restTimeoutMs !== undefined ? { timeout: restTimeoutMs } : {}) },
    // The bot never reads messages, members or presences: keep those caches empty.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: 0,
      UserManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
    }),
    // A default for anything sent outside respond.ts too: never ping.
    allowedMentions: NO_MENTIONS,
  });
}

/** Logs in, waits until the shard is ready, and answers interactions until `stop()`. */
export async function startBot(deps: BotDeps): Promise<Bot> {
  const client = createClient(deps.config, deps.restTimeoutMs);
  const pages = new PageStore(deps.now);
  warmAutocomplete(deps.ctx);
  const route = makeRouter({ ...deps, pages });
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.Error, (err) => deps.log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => deps.log.warn({ message }, 'discord client warning'));
  let ready = false;
  client.on(Events.ShardDisconnect, (event, shard) => {
    const message = fatalCloseMessage(event.code);
    deps.log.fatal({ shard, code: event.code }, message);
    // Before ready, login() fails and the caller reports it; after, nothing else would.
    if (ready) deps.onFatal?.(message, event.code);
  });
  client.on(Events.ShardReconnecting, (shard) => deps.log.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => deps.log.info({ shard, replayed }, 'gateway resumed'));
  const readyEvent = once(client, Events.ClientReady);
  try {
    await client.login(deps.config.token);
    await readyEvent;
    ready = true;
  } catch (e) {
    await client.destroy();
    throw e;
  }
  deps.log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size }, 'connected to Discord');
  let stopped: Promise<void> | undefined;
  return {
    client,
    pages,
    stop: () => (stopped ??= client.destroy()),
  };
}

/** Short values for the log line: what was asked, never a token. */
function summarize(interaction: Interaction): { command?: string; options?: Record<string, unknown> } {
  const cut = (v: unknown): unknown => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 59)}…` : v);
  if (interaction.isChatInputCommand()) {
    return { command: interaction.commandName, options: Object.fromEntries(interaction.options.data.map((o) => [o.name, cut(o.value)])) };
  }
  if (interaction.isAutocomplete()) {
    const f = interaction.options.getFocused(true);
    return { command: interaction.commandName, options: { [f.name]: cut(f.value), focused: f.name } };
  }
  if (interaction.isButton()) return { options: { customId: cut(interaction.customId) } };
  return {};
}

/** The interaction router: commands, autocomplete and page buttons, one log line each. */
export function makeRouter(deps: BotDeps & { pages: PageStore }): (interaction: Interaction) => Promise<void> {
  const { commands, log, pages } = deps;
  const deferAfterMs = deps.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const pace = new Pace(deps.ackBudgetMs ?? DEFAULT_ACK_BUDGET_MS);
  const cooldown = deps.config.cooldown ?? { runs: 0, seconds: 0 };
  const cooldowns = new Cooldowns(cooldown, deps.now);
  return async (interaction) => {
    const receivedAt = performance.now();
    // Read through, not copied: a context that is still loading gets its engine later.
    const ctx: BotContext = Object.assign(Object.create(deps.ctx) as CommandContext, { pages, pace, deferAfterMs, receivedAt });
    const kind = interaction.isChatInputCommand() ? 'command' : interaction.isAutocomplete() ? 'autocomplete' : interaction.isButton() ? 'button' : 'other';
    let outcome: Outcome = 'answered';
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        const user = interaction.user.id;
        const wait = command?.cooldown ? cooldowns.take(user, command.name) : 0;
        if (wait > 0) {
          await sendPrivate(interaction, cooldownMessage(interaction.commandName, wait, cooldown));
          outcome = 'cooldown';
        } else if (command) {
          // A reply that only says the input was wrong does not use up the allowance.
          if (command.cooldown) ctx.onUserError = () => cooldowns.refund(user, command.name);
          outcome = await executeCommand(command, interaction, ctx);
        } else {
          await sendPrivate(interaction, `This bot has no /${interaction.commandName} command any more; an admin should run \`npm run deploy-commands\`.`);
          outcome = 'user-error';
        }
      } else if (interaction.isAutocomplete()) {
        const command = commands.get(interaction.commandName);
        if (command && hasAutocomplete(command)) await answerAutocomplete(command, interaction, ctx);
        else await sendChoices(interaction, []);
      } else if (interaction.isButton()) {
        outcome = await turnPage(interaction, pages);
      } else return;
    } catch (e) {
      if (isGoneInteraction(e)) {
        outcome = 'gone';
        log.warn({ interaction: interaction.id, code: codeOf(e) }, 'interaction expired or unknown to Discord; nothing sent');
      } else {
        outcome = 'bug';
        log.error({ interaction: interaction.id, kind, ...summarize(interaction), err: e }, 'bug while answering an interaction');
        try {
          if (interaction.isAutocomplete()) {
            if (!interaction.responded) await sendChoices(interaction, []);
          } else if (interaction.isRepliable()) await sendPrivate(interaction, GENERIC_ERROR);
        } catch (e2) {
          log.warn({ interaction: interaction.id, err: e2 }, 'could not send the error reply');
        }
      }
    }
    log.info({ interaction: interaction.id, kind, ...summarize(interaction), user: interaction.user.id, latencyMs: round(performance.now() - receivedAt), outcome }, 'interaction');
  };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
const codeOf = (e: unknown): unknown => (typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined);

/** A Previous / Next click: the stored page, in place; stale, forged or foreign clicks get a private note. */
async function turnPage(interaction: ButtonInteraction, pages: PageStore): Promise<Outcome> {
  const id = parsePageCustomId(interaction.customId);
  const set = id ? pages.get(id.token) : undefined;
  if (!id) {
    await sendPrivate(interaction, 'That button is not one this bot knows. Run the command again.');
    return 'forbidden';
  }
  if (!set) {
    await sendPrivate(interaction, 'These pages have expired (page buttons work for 15 minutes). Run the command again to browse them.');
    return 'expired';
  }
  if (set.owner !== interaction.user.id) {
    await sendPrivate(interaction, `Only the person who ran /${set.command} can turn its pages. Run it yourself to browse.`);
    return 'forbidden';
  }
  const page = set.pages[id.page];
  if (!page) {
    await sendPrivate(interaction, 'That page does not exist. Run the command again.');
    return 'forbidden';
  }
  await updatePage(interaction, page, pageButtons((n) => pageCustomId(id.token, n), id.page, set.pages.length));
  return 'answered';
}
