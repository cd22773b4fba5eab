// First: warns when dist/ is older than the sources it was built from.
import './stale-build.js';
import { loadCommands } from './commands/registry.js';
import { loadEnv } from './config.js';
import { runDeploy } from './discord/deploy.js';

process.exitCode = await runDeploy(loadEnv(), await loadCommands(), { stdout: process.stdout, stderr: process.stderr });
