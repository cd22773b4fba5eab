import { loadEnv } from '../config.js';
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: loadEnv() });
process.exitCode = code;
