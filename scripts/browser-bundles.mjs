// The web extension's bundles (package.json `browser`: vscode.dev,
// github.dev): built for a browser, checked to use nothing of Node, and held
// to a size budget. scripts/build.mjs builds them; scripts/bench/sizes.mjs
// prints their sizes against the same budgets.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';

/** Each browser bundle, with its budget in bytes (minified): the build fails above it. */
export const BROWSER_BUNDLES = [
  // The web extension host loads CommonJS; `vscode` is its module.
  { entry: 'client/src/browser.ts', outfile: 'dist/browser/client.js', format: 'cjs', budget: 450 * 1024 },
  // The language server, started by the client as a web worker. Its option table names IBM's page (address and
  // version) of every option, and why the others are unconfirmed (about 60 KB); the simulator, the effective options and
  // the rule links add about 40 KB.
  { entry: 'server/src/browserMain.ts', outfile: 'dist/browser/server.js', format: 'iife', budget: 560 * 1024 },
];

/** Globals that Node has and a browser worker does not. */
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'clearImmediate'];

/**
 * Uses of Node globals that are feature tests, harmless in a browser: the
 * module (a path in the bundle), the global, and why.
 */
const ALLOWED = [
  {
    // Matched anywhere in the module's path: node_modules may sit above the checkout (a copy linked to it).
    module: 'node_modules/minimatch/',
    global: 'process',
    why: "reads process.platform behind `typeof process === 'object'`; in a worker it takes posix paths (vscode-languageclient's glob patterns)",
  },
];

const builtin = new RegExp(`^(node:.*|(${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(/.*)?)$`);

/** Fails the build on any import of a Node built-in module, naming who imports it. */
const noNodeModules = {
  name: 'no-node-modules',
  setup(build) {
    build.onResolve({ filter: builtin }, (args) => ({
      errors: [
        {
          text: `Node built-in module "${args.path}" imported by ${args.importer}: the browser bundles run without Node`,
        },
      ],
    }));
  },
};

function options(bundle) {
  return {
    entryPoints: [bundle.entry],
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: bundle.format,
    external: ['vscode'],
    logLevel: 'warning',
    plugins: [noNodeModules],
  };
}

const marker = (name) => `__node_global_${name}__`;

/**
 * Free references to Node globals, found by building the bundle unminified
 * with each global renamed to a marker, then reading which module (esbuild's
 * `// path` comments) each marker sits in. Returns one line per offending module.
 */
async function nodeGlobalUses(bundle) {
  const define = Object.fromEntries(NODE_GLOBALS.map((g) => [g, marker(g)]));
  const { outputFiles } = await esbuild.build({ ...options(bundle), define, write: false, minify: false });
  const found = new Set();
  let module = '(bundle prologue)';
  for (const line of outputFiles[0].text.split('\n')) {
    const header = /^\s*\/\/ (\S+\.(?:[cm]?js|ts|json))$/.exec(line);
    if (header) module = header[1];
    for (const g of NODE_GLOBALS) {
      if (!line.includes(marker(g)) || ALLOWED.some((a) => a.global === g && `/${module}`.includes(`/${a.module}`)))
        continue;
      found.add(`${g} (in ${module})`);
    }
  }
  return [...found.keys()];
}

/** Builds the browser bundles; throws when one uses Node or is over its budget. */
export async function buildBrowserBundles(common) {
  const problems = [];
  await Promise.all(
    BROWSER_BUNDLES.map(async (bundle) => {
      for (const use of await nodeGlobalUses(bundle)) problems.push(`${bundle.outfile} uses the Node global ${use}`);
      await esbuild.build({
        ...options(bundle),
        minify: common.minify,
        sourcemap: common.sourcemap,
        outfile: bundle.outfile,
      });
      const size = fs.statSync(bundle.outfile).size;
      if (size > bundle.budget)
        problems.push(
          `${bundle.outfile} is ${size} bytes, over its budget of ${bundle.budget} (scripts/browser-bundles.mjs)`,
        );
    }),
  );
  if (problems.length) throw new Error(`browser bundles:\n  ${problems.join('\n  ')}`);
}
