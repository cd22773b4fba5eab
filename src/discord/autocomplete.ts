import type { AutocompleteInteraction } from 'discord.js';
import type { CommandContext, CommandSpec } from '../commands/command.js';
import { autocompleteChoices } from '../commands/autocomplete.js';
import { sendChoices } from './respond.js';

/** Answers an autocomplete request at once (Discord allows 3 s and no deferring). */
export async function answerAutocomplete(spec: CommandSpec, interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const kind = spec.options[focused.name]?.autocomplete;
  await sendChoices(interaction, kind ? autocompleteChoices(ctx, kind, String(focused.value)) : []);
}
