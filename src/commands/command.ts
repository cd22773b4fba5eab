import type { Engine } from '../engine.js';
import type { LiveArchive } from '../live/live-archive.js';
import type { OptionValues, OptionsSpec } from './options.js';

/** What a command gets to answer with: the engine and the features built beside it. */
export interface CommandContext {
  engine: Engine;
  /** The live archive behind the engine, when there is one (reindex needs it). */
  live?: LiveArchive;
  /** Where a long command reports how far it has got (the terminal prints it). */
  progress?: (message: string) => void;
}

/** A page of a Discord reply, as plain embed data (the transport adds buttons and limits). */
export interface ReplyPage {
  content?: string;
  embeds: EmbedData[];
  /** Attachments sent with the page; an embed shows one as `image: { url: 'attachment://NAME' }`. */
  files?: FileData[];
}

/** A file a command produces (a chart): attached in Discord, written by the CLI's `--out`. */
export interface FileData {
  name: string;
  data: Buffer;
}

/** The subset of Discord's embed object the renderers produce. */
export interface EmbedData {
  title?: string;
  url?: string;
  description?: string;
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
  footer?: { text: string };
  timestamp?: string;
  image?: { url: string };
}

/**
 * One command, transport-free: options as data, `run` answers with plain data, and two
 * renderers turn that data into terminal text and Discord pages.
 */
export interface CommandSpec<O extends OptionsSpec = OptionsSpec, R = unknown> {
  name: string;
  description: string;
  options: O;
  /** Admin commands: Discord shows them only to members with this permission ("ManageGuild"). */
  adminPermission?: 'ManageGuild';
  run(ctx: CommandContext, options: OptionValues<O>): R | Promise<R>;
  renderText(result: R): string;
  renderDiscord(result: R): ReplyPage[];
  /** The files the result makes (none for most commands); the CLI writes the first to `--out FILE`. */
  files?(result: R): FileData[];
}
