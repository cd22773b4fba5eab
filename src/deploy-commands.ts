import 'dotenv/config';
import { loadCommands } from './commands/registry.js';
import { runDeploy } from './discord/deploy.js';

process.exitCode = await runDeploy(process.env, await loadCommands(), { stdout: process.stdout, stderr: process.stderr });
