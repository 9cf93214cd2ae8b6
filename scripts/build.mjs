// Bundles the client and the server into one file each (dist/), with esbuild.
import { chmodSync, readFileSync, readdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { buildBrowserBundles } from './browser-bundles.mjs';

// The rule pages (docs/rules/<code>.md, by path), which `dsm-lint rule` prints and its SARIF carries: inside the bundle,
// so that the installed command (dist/dsm-lint.js alone) has them.
const rulePages = Object.fromEntries(
  readdirSync('docs/rules')
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => [`docs/rules/${f}`, readFileSync(`docs/rules/${f}`, 'utf8')]),
);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/server.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/dsm-lint.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { DSM_RULE_PAGES: JSON.stringify(rulePages) },
  }),
  // The web extension (package.json `browser`): no Node in it, each bundle within its size budget.
  buildBrowserBundles(common),
]);
// dist/server.js is also the `dsm-language-server` command, and dist/dsm-lint.js the `dsm-lint` command.
chmodSync('dist/server.js', 0o755);
chmodSync('dist/dsm-lint.js', 0o755);
console.log(
  'built dist/client.js, dist/server.js, dist/dsm-lint.js, and for the web dist/browser/client.js and dist/browser/server.js',
);
