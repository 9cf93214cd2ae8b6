#!/usr/bin/env node
// `npm start`: VS Code (the server build from code-server, see
// scripts/real-editor/) with this extension loaded from the repository, on
// examples/ — open the printed URL in a browser. Ctrl+C stops everything.
//
// Environment: PORT (default 8080; a free port if taken), HOST (default 127.0.0.1),
// DSM_START_FOLDER (default examples/), DSM_VERBOSE=1 (server output).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './real-editor/setup.mjs';
import { startServer } from './real-editor/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const folder = path.resolve(process.env.DSM_START_FOLDER || path.join(repo, 'examples'));
const wanted = Number(process.env.PORT || 8080);
const host = process.env.HOST || '127.0.0.1';

const main = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).main;
if (main && !fs.existsSync(path.resolve(repo, main))) {
  console.warn(`warning: ${main} does not exist; run \`npm run build\` (npm start does it for you)`);
}
if (!fs.existsSync(folder)) {
  console.error(`folder to open does not exist: ${folder}`);
  process.exit(1);
}

const ingredients = await setup();
const server = await startServer({
  node: ingredients.node,
  serverMain: ingredients.serverMain,
  host,
  port: wanted,
  timeoutMs: 90000,
  onOutput: (line) => {
    if (process.env.DSM_VERBOSE === '1') console.log(`[server] ${line}`);
  },
});

// The workbench loads an extension from a development path only through the
// payload of its URL (and with the smoke-test driver enabled, which
// startServer does). The authority "remote" is the workbench's own name for
// its server. (No openFile: its authority would have to be the host:port the
// browser uses, which may differ behind a port forward.)
const url = new URL(server.url);
url.searchParams.set('folder', folder);
url.searchParams.set(
  'payload',
  JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://remote${repo}`],
    ['skipWelcome', 'true'],
  ]),
);

console.log('');
if (server.port !== wanted) console.log(`port ${wanted} is taken; using ${server.port}`);
console.log(
  `VS Code with the TSM Client Options extension (${path.relative(repo, folder) || folder}/) is running. Open:`,
);
console.log('');
console.log(`  ${url.toString()}`);
console.log('');
console.log('After rebuilding (npm run build), reload the page. Ctrl+C stops the server.');

const stop = async (why) => {
  clearInterval(timer);
  console.log(`\n${why}: stopping the VS Code server`);
  await server.stop();
  process.exit(0);
};
process.once('SIGINT', () => stop('Ctrl+C'));
process.once('SIGTERM', () => stop('SIGTERM'));
// If the server dies on its own, say so and end.
const timer = setInterval(() => {
  const e = server.exited();
  if (e) {
    clearInterval(timer);
    console.error(`the VS Code server exited (${JSON.stringify(e)}):\n${server.output.slice(-20).join('\n')}`);
    server.stop().then(() => process.exit(1));
  }
}, 1000);
