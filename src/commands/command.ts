import type { Engine } from '../engine.js';
import type { ReindexReport } from '../live/report.js';
import type { LoadingStatus } from '../loading-status.js';
import type { OptionValues, OptionsSpec } from './options.js';

/** Where a long command reports how far it has got (the terminal prints it). */
export type Progress = (message: string) => void;

/** What a command gets to answer with. */
export interface CommandContext {
  engine: Engine;
  /** Rebuilds the index from the archive files, when this process runs the live archive. */
  reindex?: (progress?: Progress) => Promise<ReindexReport>;
  progress?: Progress;
  /** While the archive is still loading (a bot that came online first), how far it has got. */
  loading?: () => LoadingStatus | undefined;
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
 * renderers turn that data into terminal text and Discord pages (plain embed JSON). The bot
 * (`src/discord/slash.ts`), deploy-commands and the command line all read this one object.
 */
export interface CommandSpec<O extends OptionsSpec = OptionsSpec, R = unknown> {
  name: string;
  description: string;
  options: O;
  /** The words after the command name in a realistic call, shown by `COMMAND --help`: `city subpoena --limit 3`. */
  example?: string;
  /** Admin commands: Discord shows them only to members who can manage the server. */
  admin?: boolean;
  /**
   * The command costs real work: each person gets a burst allowance of runs per window
   * (COOLDOWN_RUNS per COOLDOWN_SECONDS) of it in Discord. Cheap commands are never limited.
   */
  cooldown?: boolean;
  run(ctx: CommandContext, options: OptionValues<O>): R | Promise<R>;
  renderText(result: R): string;
  renderDiscord(result: R): ReplyPage[];
  /** The files the result makes (none for most commands); the CLI writes the first to `--out FILE`. */
  files?(result: R): FileData[];
}

/**
 * Declares a command (what every module in `commands/` default-exports). It returns the spec
 * itself, typed: the options' types flow into `run`, and `run`'s result into the renderers.
 */
export function defineCommand<O extends OptionsSpec, R>(spec: CommandSpec<O, R>): CommandSpec<O, R> {
  return spec;
}
