import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext, CommandSpec } from '../commands/command.js';
import { parseOptions } from '../commands/options.js';
import { isUserError } from '../errors.js';
import { pageCustomId, type PageStore } from './pagination.js';
import { deferReply, pageButtons, sendPage, sendPrivate } from './respond.js';

/** What Discord commands get beyond the engine: the page store and the defer deadline. */
export interface BotContext extends CommandContext {
  pages: PageStore;
  /** Defer ("thinking…") when the answer is not ready this long after the interaction arrived. */
  deferAfterMs: number;
  /** When the interaction arrived (performance.now()), so the defer deadline counts from there. */
  receivedAt?: number;
}

/** How an interaction ended, for the one log line per interaction. */
export type Outcome = 'answered' | 'deferred' | 'user-error' | 'expired' | 'forbidden' | 'bug' | 'gone';

/** Every reply can be made private with `hide`; it is a Discord matter, not the command's. */
export const HIDE_OPTION = 'hide';

const SLOW = Symbol('slow');

/**
 * Turns a slash command's options into a request, runs it, and replies with the rendered pages.
 * An answer that is not ready in time is deferred first, so Discord's 3-second deadline holds.
 */
export async function executeCommand(spec: CommandSpec, interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome> {
  const raw: Record<string, unknown> = {};
  for (const o of interaction.options.data) if (o.name !== HIDE_OPTION) raw[o.name] = o.value;
  const hidden = interaction.options.getBoolean(HIDE_OPTION) ?? false;
  let deferred = false;
  try {
    const options = parseOptions(spec.name, spec.options, raw);
    const work = Promise.resolve().then(() => spec.run(ctx, options));
    // The engine is synchronous, so the timer only wins against commands that await (or a busy loop);
    // that is exactly where waiting would otherwise miss the deadline.
    const elapsed = ctx.receivedAt === undefined ? 0 : performance.now() - ctx.receivedAt;
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<typeof SLOW>((resolve) => {
      timer = setTimeout(() => resolve(SLOW), Math.max(0, ctx.deferAfterMs - elapsed));
    });
    let result: unknown;
    try {
      const first = await Promise.race([work, slow]);
      if (first === SLOW) {
        deferred = true;
        await deferReply(interaction, hidden);
        result = await work;
      } else result = first;
    } finally {
      clearTimeout(timer);
      // A defer that failed must not leave the work's rejection unhandled.
      work.catch(() => undefined);
    }
    const pages = spec.renderDiscord(result);
    const first = pages[0] ?? { content: 'Nothing to show.', embeds: [] };
    const token = pages.length > 1 ? ctx.pages.add(spec.name, interaction.user.id, pages) : undefined;
    const components = token ? pageButtons((n) => pageCustomId(token, n), 0, pages.length) : [];
    await sendPage(interaction, first, components, hidden);
    return deferred ? 'deferred' : 'answered';
  } catch (e) {
    if (!isUserError(e)) throw e;
    await sendPrivate(interaction, e.message);
    return 'user-error';
  }
}

