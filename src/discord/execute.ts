import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext, CommandSpec } from '../commands/command.js';
import { parseOptions } from '../commands/options.js';
import { isUserError } from '../errors.js';
import { replyPages, replyError } from './respond.js';

/** Turns a slash command's options into a request, runs it, and replies with the rendered pages. */
export async function executeCommand(spec: CommandSpec, interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const raw: Record<string, unknown> = {};
  for (const o of interaction.options.data) if (o.name !== 'hide') raw[o.name] = o.value;
  const hidden = interaction.options.getBoolean('hide') ?? false;
  try {
    const options = parseOptions(spec.name, spec.options, raw);
    const result = await spec.run(ctx, options);
    await replyPages(interaction, spec.renderDiscord(result), { hidden });
  } catch (e) {
    if (isUserError(e)) await replyError(interaction, e.message);
    else throw e;
  }
}
