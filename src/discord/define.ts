import {
  PermissionFlagsBits,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { CommandSpec } from '../commands/command.js';
import type { OptionsSpec } from '../commands/options.js';
import { answerAutocomplete } from './autocomplete.js';
import { executeCommand, HIDE_OPTION, type BotContext, type Outcome } from './execute.js';

export { HIDE_OPTION };

/** What every module in `commands/` default-exports. */
export interface SlashCommand {
  data: SlashCommandBuilder;
  spec: CommandSpec;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** Builds the slash command (data, execute, autocomplete) from a transport-free command spec. */
export function defineCommand<O extends OptionsSpec, R>(spec: CommandSpec<O, R>): SlashCommand {
  const data = new SlashCommandBuilder().setName(spec.name).setDescription(spec.description).setDMPermission(false);
  if (spec.adminPermission) data.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
  // Discord requires required options before optional ones.
  const ordered = Object.entries(spec.options).sort(([, a], [, b]) => Number(b.required ?? false) - Number(a.required ?? false));
  for (const [name, o] of ordered) {
    if (o.type === 'string') {
      data.addStringOption((opt) => {
        opt.setName(name).setDescription(o.description).setRequired(o.required ?? false);
        if (o.maxLength !== undefined) opt.setMaxLength(o.maxLength);
        if (o.autocomplete) opt.setAutocomplete(true);
        return opt;
      });
    } else if (o.type === 'integer') {
      data.addIntegerOption((opt) => {
        opt.setName(name).setDescription(o.description).setRequired(o.required ?? false);
        if (o.min !== undefined) opt.setMinValue(o.min);
        if (o.max !== undefined) opt.setMaxValue(o.max);
        return opt;
      });
    } else {
      data.addBooleanOption((opt) => opt.setName(name).setDescription(o.description).setRequired(o.required ?? false));
    }
  }
  data.addBooleanOption((opt) => opt.setName(HIDE_OPTION).setDescription('Only you see the reply'));
  const generic: CommandSpec = spec;
  const command: SlashCommand = {
    data,
    spec: generic,
    execute: (interaction, ctx) => executeCommand(generic, interaction, ctx),
  };
  if (Object.values(spec.options).some((o) => o.autocomplete)) {
    command.autocomplete = (interaction, ctx) => answerAutocomplete(generic, interaction, ctx);
  }
  return command;
}
