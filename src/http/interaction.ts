/**
 * The parts of an interaction payload (Discord API v10) the HTTP endpoint reads, taken from the
 * JSON with checks: the signature says Discord sent it, not that every field has the shape we
 * expect, and a malformed field must be a clear refusal rather than a crash.
 */

/** Interaction types. */
export const INTERACTION = { ping: 1, command: 2, component: 3, autocomplete: 4 } as const;
/** Application command type of a slash command. */
const CHAT_INPUT = 1;
/** Component type of a button. */
const BUTTON = 2;

export interface OptionValue {
  name: string;
  value: unknown;
  focused: boolean;
}

export interface Interaction {
  id: string;
  applicationId: string;
  token: string;
  type: number;
  /** The person who acted (member in a server, user in a DM). */
  userId?: string;
  /** Their permissions in the channel (a decimal bit set), when in a server. */
  memberPermissions?: bigint;
  /** Slash command and autocomplete: the command's name and its top-level option values. */
  command?: { name: string; chatInput: boolean; options: OptionValue[] };
  /** Button clicks: its custom id, and who ran the command that made the message. */
  button?: { customId: string; messageOwnerId?: string };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const idOf = (user: unknown): string | undefined => (isObj(user) ? str(user.id) : undefined);

/** The interaction, or undefined when the payload lacks what every interaction has. */
export function readInteraction(json: unknown): Interaction | undefined {
  if (!isObj(json)) return undefined;
  const id = str(json.id);
  const applicationId = str(json.application_id);
  const token = str(json.token);
  const type = json.type;
  if (!id || !applicationId || !token || typeof type !== 'number') return undefined;
  const out: Interaction = { id, applicationId, token, type };
  const member = isObj(json.member) ? json.member : undefined;
  const userId = idOf(member?.user) ?? idOf(json.user);
  if (userId) out.userId = userId;
  if (typeof member?.permissions === 'string' && /^\d{1,40}$/.test(member.permissions)) out.memberPermissions = BigInt(member.permissions);
  const data = isObj(json.data) ? json.data : undefined;
  if ((type === INTERACTION.command || type === INTERACTION.autocomplete) && data && str(data.name)) {
    const options = Array.isArray(data.options) ? data.options.filter(isObj) : [];
    out.command = {
      name: String(data.name),
      chatInput: data.type === undefined || data.type === CHAT_INPUT,
      options: options.filter((o) => str(o.name)).map((o) => ({ name: String(o.name), value: o.value, focused: o.focused === true })),
    };
  }
  if (type === INTERACTION.component && data && data.component_type === BUTTON && typeof data.custom_id === 'string') {
    const message = isObj(json.message) ? json.message : undefined;
    // interaction_metadata is current; interaction is its deprecated predecessor.
    const owner = idOf(isObj(message?.interaction_metadata) ? message.interaction_metadata.user : undefined) ?? idOf(isObj(message?.interaction) ? message.interaction.user : undefined);
    out.button = owner ? { customId: data.custom_id, messageOwnerId: owner } : { customId: data.custom_id };
  }
  return out;
}

/** Manage Server (1 << 5) or Administrator (1 << 3). */
export const canManageServer = (permissions: bigint | undefined): boolean => permissions !== undefined && (permissions & ((1n << 5n) | (1n << 3n))) !== 0n;
