import { channel } from 'node:diagnostics_channel';
import {
  ButtonStyle,
  ComponentType,
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { Choice } from '../commands/autocomplete.js';
import type { EmbedData, ReplyPage } from '../commands/command.js';
import { LIMITS } from '../render/limits.js';
import { clip } from '../render/markdown.js';
import { pageAttachments } from './attachments.js';

/**
 * The one place that sends anything to Discord: every reply, edit, follow-up, update and
 * autocomplete answer goes through here, so limits, `allowedMentions` and privacy are
 * enforced once.
 */

export { LIMITS };

/** Replies never ping anyone, whatever the archive text says. */
export const NO_MENTIONS = { parse: [] };

/** What a person sees when we hit a bug: short, private, and without internals. */
export const GENERIC_ERROR = 'Something went wrong on our side while answering that. It has been logged; please try again later.';

const embedChars = (e: EmbedData): number =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/**
 * An embed link as Discord accepts it: a well-formed http(s) URL. Anything else (an archive's
 * front matter says `url: javascript:…` or `see website`) would make Discord reject the whole
 * reply, so it is left out instead.
 */
export function embedUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname && u.href.length <= LIMITS.url ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** One page cut to fit every message and embed limit; long text is clipped, never rejected. */
export function fitPage(page: ReplyPage): { content?: string; embeds: APIEmbed[] } {
  const embeds: EmbedData[] = page.embeds.slice(0, LIMITS.embeds).map((e) => {
    const out: EmbedData = {};
    if (e.title) out.title = clip(e.title, LIMITS.title);
    const url = e.url ? embedUrl(e.url) : undefined;
    if (url) out.url = url;
    if (e.description) out.description = clip(e.description, LIMITS.description);
    if (e.fields) {
      out.fields = e.fields.slice(0, LIMITS.fields).map((f) => {
        const field: { name: string; value: string; inline?: boolean } = {
          name: clip(f.name, LIMITS.fieldName) || '\u200b',
          value: clip(f.value, LIMITS.fieldValue) || '\u200b',
        };
        if (f.inline !== undefined) field.inline = f.inline;
        return field;
      });
    }
    if (e.footer) out.footer = { text: clip(e.footer.text, LIMITS.footer) };
    if (e.timestamp) out.timestamp = e.timestamp;
    if (e.image) out.image = { url: e.image.url };
    return out;
  });
  // Over the 6,000 total: shorten descriptions from the last embed back, then drop fields, then embeds.
  let excess = embeds.reduce((n, e) => n + embedChars(e), 0) - LIMITS.embedTotal;
  for (let i = embeds.length - 1; i >= 0 && excess > 0; i--) {
    const e = embeds[i];
    if (!e?.description) continue;
    const keep = Math.max(0, e.description.length - excess - 1);
    const before = e.description.length;
    e.description = keep > 20 ? clip(e.description, keep) : '…';
    excess -= before - e.description.length;
  }
  for (let i = embeds.length - 1; i >= 0 && excess > 0; i--) {
    const fields = embeds[i]?.fields;
    while (fields && fields.length > 0 && excess > 0) {
      const f = fields.pop();
      excess -= (f?.name.length ?? 0) + (f?.value.length ?? 0);
    }
  }
  while (excess > 0 && embeds.length > 1) {
    const e = embeds.pop();
    excess -= e ? embedChars(e) : 0;
  }
  const content = page.content ? clip(page.content, LIMITS.content) : undefined;
  return content ? { content, embeds } : { embeds };
}

/** Autocomplete choices within Discord's 25 × 100 characters; values too long to cut are dropped. */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  return choices
    .filter((c) => c.value.length >= 1 && c.value.length <= LIMITS.choiceChars)
    .slice(0, LIMITS.choices)
    .map((c) => ({ name: clip(c.name, LIMITS.choiceChars) || c.value, value: c.value }));
}

/** Previous / Next buttons; custom ids name the page they lead to (see pagination.ts). */
export function pageButtons(customId: (page: number) => string, current: number, total: number): APIActionRowComponent<APIButtonComponent>[] {
  if (total <= 1) return [];
  const prev = Math.max(0, current - 1);
  const next = Math.min(total - 1, current + 1);
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Previous', custom_id: customId(prev), disabled: current === 0 },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Next', custom_id: customId(next), disabled: current === total - 1 },
      ],
    },
  ];
}

type Components = APIActionRowComponent<APIButtonComponent>[];

/** Acknowledges a slow command ("… is thinking"); the answer follows with `sendPage`. */
export async function deferReply(interaction: RepliableInteraction, hidden: boolean): Promise<void> {
  try {
    await interaction.deferReply(hidden ? { flags: MessageFlags.Ephemeral } : {});
  } catch (e) {
    // The REST client retries a defer whose answer timed out or whose connection was reset; if the
    // first attempt did reach Discord, the retry gets 40060. The interaction is acknowledged all the
    // same, so the answer can still be edited in instead of leaving "thinking…" forever.
    if (!(e instanceof DiscordAPIError && e.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) || interaction.replied) throw e;
    interaction.deferred = true;
    interaction.ephemeral = hidden;
  }
}

/** undici (under @discordjs/rest) announces here each request whose headers it writes to a socket. */
const headersSent = channel('undici:client:sendHeaders');

const requestPath = (m: unknown): string | undefined =>
  typeof m === 'object' && m !== null && 'request' in m && typeof m.request === 'object' && m.request !== null && 'path' in m.request && typeof m.request.path === 'string'
    ? m.request.path
    : undefined;

/**
 * Starts a defer and waits only until its request is on the socket, not for Discord's answer,
 * so that synchronous work started next cannot hold it back. The returned promise settles
 * with Discord's answer; await it before replying.
 */
export async function startDefer(interaction: RepliableInteraction, hidden: boolean): Promise<{ deferring: Promise<void> }> {
  const marker = `/interactions/${interaction.id}/`;
  let left = false;
  let settled = false;
  const watch = (m: unknown): void => {
    if (requestPath(m)?.includes(marker)) left = true;
  };
  headersSent.subscribe(watch);
  const deferring = deferReply(interaction, hidden).finally(() => {
    settled = true;
  });
  deferring.catch(() => undefined);
  try {
    // A few event-loop turns at most (the request passes queues and a pooled connection first).
    for (let turn = 0; turn < 50 && !left && !settled; turn++) await new Promise((resolve) => setImmediate(resolve));
  } finally {
    headersSent.unsubscribe(watch);
  }
  return { deferring };
}

/** The first reply (or the edit of a deferred one), with its page buttons. */
export async function sendPage(interaction: RepliableInteraction, page: ReplyPage, components: Components, hidden: boolean): Promise<void> {
  const body = { ...fitPage(page), ...pageAttachments(page), components, allowedMentions: NO_MENTIONS };
  if (interaction.deferred || interaction.replied) await interaction.editReply(body);
  else await interaction.reply({ ...body, ...(hidden ? { flags: MessageFlags.Ephemeral as const } : {}) });
}

/** A page turn: the clicked message is replaced in place. */
export async function updatePage(interaction: ButtonInteraction, page: ReplyPage, components: Components): Promise<void> {
  await interaction.update({ ...fitPage(page), ...pageAttachments(page, { replacing: true }), components, allowedMentions: NO_MENTIONS });
}

/**
 * A private message to the person who ran the command (their mistake, or our bug). After a
 * public defer the "thinking" message is removed so that the error stays private.
 */
export async function sendPrivate(interaction: RepliableInteraction, message: string): Promise<void> {
  const payload = { content: clip(message, LIMITS.content), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral as const };
  if (interaction.deferred && !interaction.replied && !interaction.ephemeral) {
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(payload);
  } else if (interaction.deferred && !interaction.replied) {
    await interaction.editReply({ content: payload.content, allowedMentions: NO_MENTIONS });
  } else if (interaction.replied) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

/** Autocomplete answers go out at once: Discord gives 3 seconds and does not allow deferring. */
export async function sendChoices(interaction: AutocompleteInteraction, choices: readonly Choice[]): Promise<void> {
  await interaction.respond(fitChoices(choices));
}

/** Discord no longer knows the interaction (expired after 3 s / 15 min, or already answered). */
export function isGoneInteraction(e: unknown): boolean {
  return (
    e instanceof DiscordAPIError &&
    (e.code === RESTJSONErrorCodes.UnknownInteraction ||
      e.code === RESTJSONErrorCodes.UnknownWebhook ||
      e.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  );
}
