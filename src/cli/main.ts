#!/usr/bin/env node
// First: warns when dist/ is older than the sources it was built from.
import '../stale-build.js';
import { loadEnv } from '../config.js';
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: loadEnv() });
process.exitCode = code;
