import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext, CommandSpec } from '../commands/command.js';
import { parseOptions } from '../commands/options.js';
import { isUserError } from '../errors.js';
import { pageCustomId, type PageStore } from './pagination.js';
import { deferReply, pageButtons, sendPage, sendPrivate, startDefer } from './respond.js';

/**
 * How long each command usually takes, so that slow ones are acknowledged (deferred) before the
 * work starts. The engine is synchronous: once a search runs, nothing else (not even a timer)
 * can send a defer until it is done, so the decision has to be made beforehand.
 */
export class Pace {
  private readonly typical = new Map<string, number>();

  /** `budgetMs`: answers expected to take longer than this are deferred first. */
  constructor(readonly budgetMs: number) {}

  isSlow(command: string): boolean {
    return (this.typical.get(command) ?? 0) > this.budgetMs;
  }

  record(command: string, ms: number): void {
    const prev = this.typical.get(command);
    // A moving average: one odd query neither flips a fast command to slow nor back.
    this.typical.set(command, prev === undefined ? ms : prev * 0.8 + ms * 0.2);
  }
}

/** What Discord commands get beyond the engine: the page store and the defer policy. */
export interface BotContext extends CommandContext {
  pages: PageStore;
  pace: Pace;
  /** Defer when the answer is still not ready this long after the interaction arrived (async work). */
  deferAfterMs: number;
  /** When the interaction arrived (performance.now()), so the defer deadline counts from there. */
  receivedAt?: number;
  /**
   * Called when the answer only says the input was wrong, before that reply is sent: whoever
   * reads the reply may run the command again at once, so the allowance must be back by then.
   */
  onUserError?: () => void;
}

/** How an interaction ended, for the one log line per interaction. */
export type Outcome = 'answered' | 'deferred' | 'user-error' | 'expired' | 'forbidden' | 'bug' | 'gone' | 'cooldown';

/** Every reply can be made private with `hide`; it is a Discord matter, not the command's. */
export const HIDE_OPTION = 'hide';

const SLOW = Symbol('slow');

/**
 * Turns a slash command's options into a request, runs it, and replies with the rendered pages.
 * Commands that are usually slow are deferred at once; any other answer that is not ready by
 * `deferAfterMs` is deferred then, so Discord's 3-second deadline always holds.
 */
export async function executeCommand(spec: CommandSpec, interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome> {
  // The registered default permission hides admin commands, but a stale registration or a
  // server's override can still let anyone run one: the member's permissions decide here too.
  if (spec.admin && !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await sendPrivate(interaction, `/${spec.name} is for members with the Manage Server permission.`);
    return 'forbidden';
  }
  const raw: Record<string, unknown> = {};
  for (const o of interaction.options.data) if (o.name !== HIDE_OPTION) raw[o.name] = o.value;
  const hidden = interaction.options.getBoolean(HIDE_OPTION) ?? false;
  let deferring: Promise<void> | undefined;
  try {
    const options = parseOptions(spec.name, spec.options, raw);
    if (ctx.pace.isSlow(spec.name)) ({ deferring } = await startDefer(interaction, hidden));
    const started = performance.now();
    const work = Promise.resolve().then(() => spec.run(ctx, options));
    let result: unknown;
    if (deferring) result = await work;
    else {
      const elapsed = ctx.receivedAt === undefined ? 0 : performance.now() - ctx.receivedAt;
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<typeof SLOW>((resolve) => {
        timer = setTimeout(() => resolve(SLOW), Math.max(0, ctx.deferAfterMs - elapsed));
      });
      try {
        const first = await Promise.race([work, slow]);
        if (first === SLOW) {
          deferring = deferReply(interaction, hidden);
          await deferring;
          result = await work;
        } else result = first;
      } finally {
        clearTimeout(timer);
        // A defer that failed must not leave the work's rejection unhandled.
        work.catch(() => undefined);
      }
    }
    const pages = spec.renderDiscord(result);
    ctx.pace.record(spec.name, performance.now() - started);
    const first = pages[0] ?? { content: 'Nothing to show.', embeds: [] };
    const token = pages.length > 1 ? ctx.pages.add(spec.name, interaction.user.id, pages) : undefined;
    const components = token ? pageButtons((n) => pageCustomId(token, n), 0, pages.length) : [];
    if (deferring) await deferring;
    await sendPage(interaction, first, components, hidden);
    return deferring ? 'deferred' : 'answered';
  } catch (e) {
    // Whatever happened, the reply below must know whether the defer went through.
    if (deferring) await deferring.catch(() => undefined);
    if (!isUserError(e)) throw e;
    ctx.onUserError?.();
    await sendPrivate(interaction, e.message);
    return 'user-error';
  }
}
