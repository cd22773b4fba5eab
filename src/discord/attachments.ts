import type { AttachmentPayload } from 'discord.js';
import type { ReplyPage } from '../commands/command.js';

/**
 * A page's files as discord.js attachments, to spread into a reply, edit or update. An embed
 * shows one inside itself with `image: { url: 'attachment://NAME' }`, so NAME must be kept.
 * A page without files adds nothing (an edit then keeps whatever the message had).
 */
export function pageAttachments(page: ReplyPage): { files?: AttachmentPayload[] } {
  if (!page.files?.length) return {};
  return { files: page.files.map((f) => ({ attachment: f.data, name: f.name })) };
}
