import type { ReplyPage } from '../commands/command.js';
import { fitPage, NO_MENTIONS } from '../discord/respond.js';
import { LIMITS } from '../render/limits.js';
import { clip } from '../render/markdown.js';
import type { InteractionWebhook, MessageBody } from './webhook.js';

/** Interaction callback types (Discord API v10). */
export const CALLBACK = { pong: 1, message: 4, deferMessage: 5, deferUpdate: 6, update: 7, choices: 8 } as const;
/** Message flag: only the person who ran the command sees it. */
export const EPHEMERAL = 64;

/** `reply`: the answer to a slash command; `update`: a page turn, which replaces the clicked message. */
export type ReplyKind = 'reply' | 'update';

export type Respond = (body: object) => Promise<void>;

/**
 * How one HTTP interaction is answered. The first response is the HTTP response itself (the
 * body of our answer to Discord's POST); after a defer, or when the page has files (uploads need
 * multipart, which Discord takes on the webhook), the answer is edited in through the webhook.
 * Every message goes through `fitPage` and carries `allowed_mentions: {parse: []}`, as the
 * gateway bot's replies do.
 */
export class HttpReply {
  private state: 'none' | 'deferred' | 'done' = 'none';
  private deferredAs: { kind: ReplyKind; hidden: boolean } | undefined;

  constructor(
    private readonly respond: Respond,
    private readonly webhook: InteractionWebhook,
    private readonly interaction: { applicationId: string; token: string },
  ) {}

  /** Whether Discord has had its first response (a defer counts). */
  get responded(): boolean {
    return this.state !== 'none';
  }

  get deferred(): boolean {
    return this.deferredAs !== undefined;
  }

  /** "… is thinking" for a command, or a silent acknowledgement for a page turn; the answer follows. */
  async defer(kind: ReplyKind, hidden: boolean): Promise<void> {
    if (this.state !== 'none') return;
    this.state = 'deferred';
    this.deferredAs = { kind, hidden };
    await this.respond(kind === 'reply' ? { type: CALLBACK.deferMessage, data: hidden ? { flags: EPHEMERAL } : {} } : { type: CALLBACK.deferUpdate });
  }

  /** A page, with its buttons, as the answer (or as the replacement of the clicked message). */
  async page(kind: ReplyKind, page: ReplyPage, components: readonly object[], hidden: boolean): Promise<void> {
    const files = page.files ?? [];
    // A page turn replaces the message: the previous page's files must not stay on it.
    const body: MessageBody = { ...fitPage(page), components, allowed_mentions: NO_MENTIONS, ...(kind === 'update' ? { attachments: [] } : {}) };
    if (this.state === 'none' && files.length > 0) await this.defer(kind, hidden);
    if (this.state === 'none') {
      this.state = 'done';
      const data = kind === 'reply' && hidden ? { ...body, flags: EPHEMERAL } : body;
      await this.respond({ type: kind === 'reply' ? CALLBACK.message : CALLBACK.update, data });
      return;
    }
    if (this.state === 'done') throw new Error('http reply: this interaction has already been answered');
    this.state = 'done';
    await this.webhook.editOriginal(this.interaction.applicationId, this.interaction.token, body, files);
  }

  /**
   * A note only the person sees (their mistake, or our bug). After a public defer the
   * "thinking…" message is removed, so that the note stays private.
   */
  async private(message: string): Promise<void> {
    const content = clip(message, LIMITS.content);
    const note = { content, allowed_mentions: NO_MENTIONS, flags: EPHEMERAL };
    const { applicationId, token } = this.interaction;
    const was = this.state;
    this.state = 'done';
    if (was === 'none') await this.respond({ type: CALLBACK.message, data: note });
    else if (was === 'deferred' && this.deferredAs?.kind === 'reply' && this.deferredAs.hidden) {
      await this.webhook.editOriginal(applicationId, token, { content, allowed_mentions: NO_MENTIONS });
    } else if (was === 'deferred' && this.deferredAs?.kind === 'reply') {
      await this.webhook.deleteOriginal(applicationId, token).catch(() => undefined);
      await this.webhook.followUp(applicationId, token, note);
    } else await this.webhook.followUp(applicationId, token, note);
  }

  /** Autocomplete choices: always the first and only response. */
  async choices(choices: readonly object[]): Promise<void> {
    if (this.state !== 'none') return;
    this.state = 'done';
    await this.respond({ type: CALLBACK.choices, data: { choices } });
  }
}
