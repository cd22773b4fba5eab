import { loadCommands } from './commands/registry.js';
import { loadEnv } from './config.js';
import { runDeploy } from './discord/deploy.js';

process.exitCode = await runDeploy(loadEnv(), await loadCommands(), { stdout: process.stdout, stderr: process.stderr });
