import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CommandSpec } from '../commands/command.js';
import { HIDE_OPTION } from './execute.js';

/** The slash command Discord registers for a command spec (the bot and deploy-commands use it). */
export function slashCommand(spec: CommandSpec): SlashCommandBuilder {
  const data = new SlashCommandBuilder().setName(spec.name).setDescription(spec.description).setContexts(InteractionContextType.Guild);
  if (spec.admin) data.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
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
  return data;
}

/** The registration body for a command spec. */
export function slashJSON(spec: CommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return slashCommand(spec).toJSON();
}

/** Whether any option of the command is autocompleted. */
export const hasAutocomplete = (spec: CommandSpec): boolean => Object.values(spec.options).some((o) => o.autocomplete);
