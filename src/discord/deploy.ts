import { DiscordAPIError, REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CommandSpec } from '../commands/command.js';
import { ConfigError, readConfig, type BotConfig, type Env } from '../config.js';
import { COMMAND_LIMITS } from '../render/limits.js';
import { restOptions } from './rest.js';
import { slashJSON } from './slash.js';

export { COMMAND_LIMITS };

// Discord's name rule: lowercase letters (any script), digits, `-` and `_`.
const NAME = /^[-_'\p{Ll}\p{Lm}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Every way the commands break Discord's rules, as sentences; empty when they are fine. */
export function commandProblems(commands: Iterable<CommandSpec>): string[] {
  const problems: string[] = [];
  let count = 0;
  for (const c of commands) {
    count++;
    const json = slashJSON(c);
    const where = `/${json.name}`;
    let total = json.name.length + json.description.length;
    if (!NAME.test(json.name)) problems.push(`${where}: the name must be 1-${COMMAND_LIMITS.name} lowercase letters, digits, - or _`);
    if (json.description.length < 1 || json.description.length > COMMAND_LIMITS.description) {
      problems.push(`${where}: the description has ${json.description.length} characters (1-${COMMAND_LIMITS.description})`);
    }
    const options = json.options ?? [];
    if (options.length > COMMAND_LIMITS.options) problems.push(`${where}: ${options.length} options (at most ${COMMAND_LIMITS.options})`);
    let optionalSeen = false;
    for (const o of options) {
      total += o.name.length + o.description.length;
      if (!NAME.test(o.name)) problems.push(`${where} ${o.name}: the option name must be 1-${COMMAND_LIMITS.name} lowercase letters, digits, - or _`);
      if (o.description.length < 1 || o.description.length > COMMAND_LIMITS.description) {
        problems.push(`${where} ${o.name}: the description has ${o.description.length} characters (1-${COMMAND_LIMITS.description})`);
      }
      const required = 'required' in o && o.required === true;
      if (required && optionalSeen) problems.push(`${where} ${o.name}: a required option comes after an optional one`);
      if (!required) optionalSeen = true;
      const choices = 'choices' in o && Array.isArray(o.choices) ? o.choices : [];
      if (choices.length > COMMAND_LIMITS.choices) problems.push(`${where} ${o.name}: ${choices.length} choices (at most ${COMMAND_LIMITS.choices})`);
      for (const ch of choices) total += ch.name.length + String(ch.value).length;
    }
    if (total > COMMAND_LIMITS.total) problems.push(`${where}: ${total} characters of names and descriptions (at most ${COMMAND_LIMITS.total})`);
  }
  if (count > COMMAND_LIMITS.commands) problems.push(`${count} commands (at most ${COMMAND_LIMITS.commands})`);
  return problems;
}

export interface DeployIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** Registers the commands (bulk overwrite) in the configured server, or globally; returns the names registered. */
export async function deployCommands(config: BotConfig, commands: ReadonlyMap<string, CommandSpec>): Promise<{ scope: string; names: string[] }> {
  if (!config.clientId) throw new ConfigError(['DISCORD_CLIENT_ID is missing: the application id (Developer Portal → General Information)']);
  const problems = commandProblems(commands.values());
  if (problems.length) throw new Error(`the commands break Discord's limits:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const body: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [...commands.values()].map(slashJSON);
  // No sweeper timers: this is a one-shot process that must exit when done.
  const rest = new REST({ ...restOptions(config), hashSweepInterval: 0, handlerSweepInterval: 0, retries: 1 }).setToken(config.token);
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
  const result: unknown = await rest.put(route, { body });
  const names = Array.isArray(result) ? result.map((c: unknown) => (typeof c === 'object' && c !== null && 'name' in c ? String(c.name) : '?')) : [];
  if (names.length !== body.length) throw new Error(`Discord answered with ${names.length} commands for the ${body.length} sent`);
  return { scope: config.guildId ? `server ${config.guildId}` : 'globally', names };
}

/** Why Discord refused, with the likely fix. */
export function explainDeployError(e: unknown): string {
  if (e instanceof ConfigError) return e.message;
  if (e instanceof DiscordAPIError) {
    const hint =
      e.status === 401
        ? 'DISCORD_TOKEN is wrong or was reset: copy the current bot token into .env.'
        : e.status === 403 || e.code === 50001
          ? 'the bot is not in that server (DISCORD_GUILD_ID), or was invited without the applications.commands scope.'
          : e.status === 404
            ? 'DISCORD_CLIENT_ID (or DISCORD_GUILD_ID) does not name an application (server) this token can use.'
            : e.status === 400
              ? `Discord rejected a command: ${JSON.stringify(e.rawError).slice(0, 1500)}`
              : '';
    return `deploy-commands: Discord refused the registration (HTTP ${e.status}, code ${String(e.code)}: ${e.message})${hint ? `\n${hint}` : ''}`;
  }
  return `deploy-commands: ${e instanceof Error ? e.message : String(e)}`;
}

/** The whole of `npm run deploy-commands`; returns the exit code. */
export async function runDeploy(env: Env, commands: ReadonlyMap<string, CommandSpec>, io: DeployIO): Promise<number> {
  try {
    const config = readConfig(env, { token: true, clientId: true, archive: false });
    const { scope, names } = await deployCommands(config, commands);
    const when = config.guildId ? 'they are usable now' : 'Discord may take a few minutes to show changes everywhere';
    io.stdout.write(`Registered ${names.length} commands ${scope === 'globally' ? 'globally' : `in ${scope}`} (${when}):\n${names.map((n) => `  /${n}`).join('\n')}\n`);
    return 0;
  } catch (e) {
    io.stderr.write(`${explainDeployError(e)}\n`);
    return 1;
  }
}
