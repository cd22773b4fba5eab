/**
 * Discord's limits, declared once (API v10 documentation): the renderers size their pages with
 * them, `respond.ts` enforces them on everything sent, and deploy-commands checks the commands.
 * Plain numbers, no discord.js, so the command line can share the renderers.
 */

/** Message, embed and autocomplete limits. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of titles, descriptions, field names and values and footers over all embeds of a message. */
  embedTotal: 6000,
  choices: 25,
  choiceChars: 100,
  url: 2048,
} as const;

/** Limits for chat-input commands ("Application Commands"). */
export const COMMAND_LIMITS = {
  name: 32,
  description: 100,
  options: 25,
  choices: 25,
  /** Names, descriptions and choice values of one command, summed. */
  total: 4000,
  commands: 100,
} as const;
