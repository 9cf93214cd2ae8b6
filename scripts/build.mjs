// Bundles the client and the server into one file each (dist/), with esbuild.
import { chmodSync } from 'node:fs';
import * as esbuild from 'esbuild';

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
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
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
  }),
]);
// The server is also the `dsm-language-server` command.
chmodSync('dist/server.js', 0o755);
// And dist/dsm-lint.js is the `dsm-lint` command.
chmodSync('dist/dsm-lint.js', 0o755);
console.log('built dist/client.js, dist/server.js and dist/dsm-lint.js');
