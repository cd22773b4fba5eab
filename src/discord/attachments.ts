import type { AttachmentPayload } from 'discord.js';
import type { ReplyPage } from '../commands/command.js';

/**
 * A page's files as discord.js attachments, to spread into a reply, edit or update. An embed
 * shows one inside itself with `image: { url: 'attachment://NAME' }`, so NAME must be kept.
 *
 * `replacing` (a page turn edits a message that may carry the previous page's files): Discord
 * keeps a message's attachments on edit unless told which to keep, so none are kept and the
 * page's own files are sent. Otherwise a page without files adds nothing.
 */
export function pageAttachments(page: ReplyPage, { replacing = false }: { replacing?: boolean } = {}): { files?: AttachmentPayload[]; attachments?: [] } {
  const files = page.files?.length ? { files: page.files.map((f) => ({ attachment: f.data, name: f.name })) } : {};
  return replacing ? { ...files, attachments: [] } : files;
}
