// First: warns when dist/ is older than the sources it was built from.
import './stale-build.js';
import 'dotenv/config';
import { loadCommands } from './commands/registry.js';
import { runDeploy } from './discord/deploy.js';

process.exitCode = await runDeploy(process.env, await loadCommands(), { stdout: process.stdout, stderr: process.stderr });
