import type { ChatInputCommandInteraction } from 'discord.js';
import { MessageFlags } from 'discord.js';
import type { ReplyPage } from '../commands/command.js';
import { pageAttachments } from './attachments.js';

/** Replies never ping anyone, whatever the archive text says. */
export const NO_MENTIONS = { parse: [] };

export async function replyPages(
  interaction: ChatInputCommandInteraction,
  pages: ReplyPage[],
  { hidden }: { hidden: boolean },
): Promise<void> {
  const page = pages[0] ?? { content: 'Nothing to show.', embeds: [] };
  const body = { ...(page.content ? { content: page.content } : {}), embeds: page.embeds, ...pageAttachments(page), allowedMentions: NO_MENTIONS };
  if (interaction.deferred || interaction.replied) await interaction.editReply(body);
  else await interaction.reply({ ...body, ...(hidden ? { flags: MessageFlags.Ephemeral as const } : {}) });
}

export async function replyError(interaction: ChatInputCommandInteraction, message: string): Promise<void> {
  const payload = { content: message, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral as const };
  if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
  else await interaction.reply(payload);
}
