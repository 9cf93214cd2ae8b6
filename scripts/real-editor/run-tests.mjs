#!/usr/bin/env node
// Runs the extension test suite in a real VS Code (the server build inside the
// npm package code-server, started with Node 24) driven by Debian's headless
// Chromium through playwright-core; then, in the same browser, checks with
// Playwright what a person sees (colours, squiggles, hover, quick-fix menu).
//
//   node scripts/real-editor/run-tests.mjs [--no-browser-checks] [--grep <re>]
//
// Environment (all optional):
//   DSM_EXTENSION_PATH        extension under test (default: repository root)
//   DSM_EXTENSION_TESTS_PATH  suite index module (default: out/test/vscode/suite/index)
//   DSM_WORKSPACE_FIXTURE     folder copied to a temp dir and opened (default: test/vscode/workspace)
//   DSM_TEST_TIMEOUT          time for the tests in ms, counted from the end of setup (default 300000);
//                             the one-time install of the VS Code server is not counted
//   DSM_TEST_GREP             only run suite tests whose full title matches
//   DSM_BROWSER_CHECKS=0      skip the Playwright checks of the page
//   DSM_UPDATE_SCREENSHOTS=1  also write docs/screenshot-*.png
//   DSM_VERBOSE=1             print all server / workbench output
//   DSM_KEEP_TEMP=1           keep the temp folders (printed)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';
import { startServer } from './server.mjs';
import { runBrowserChecks } from './browser-checks.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

const extensionPath = path.resolve(process.env.DSM_EXTENSION_PATH || repo);
const testsPath = path.resolve(
  process.env.DSM_EXTENSION_TESTS_PATH || path.join(repo, 'out', 'test', 'vscode', 'suite', 'index'),
);
const fixture = path.resolve(process.env.DSM_WORKSPACE_FIXTURE || path.join(repo, 'test', 'vscode', 'workspace'));
const overallTimeout = Number(process.env.DSM_TEST_TIMEOUT || 300000);
const verbose = process.env.DSM_VERBOSE === '1';
const browserChecks = !flag('--no-browser-checks') && process.env.DSM_BROWSER_CHECKS !== '0';
const grep = opt('--grep') || process.env.DSM_TEST_GREP || '';
const resultsDir = path.join(repo, 'test-results');

// Harmless lines caused by the closed network or the web build.
const NOISE = [
  /github/i,
  /authentication/i,
  /telemetry/i,
  /gallery/i,
  /marketplace/i,
  /service ?worker/i,
  /\b404\b/,
  /copilot/i,
  /getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|ECONNRESET/i,
  /update\.code\.visualstudio|vscode-unpkg|open-vsx|vscode-cdn|default\.exp-tas|mobile\.events\.data/i,
  /Failed to load resource/i,
  /\[Extension Host\] Debugger attached/i,
  /chat/i,
  /agent ?host/i,
  /Ignoring the error while validating workspace folder/i,
  /content security policy/i,
  /Long running operations during shutdown/i,
  /Unable to read file .*\(Canceled/i,
  /ERR_NAME_NOT_RESOLVED/,
  /same-origin iframe|allow-scripts and allow-same-origin/i,
  /AccountPolicyGate|ChatModelSelection|default agent/i,
  /ExtensionService#_doActivateExtension/i,
  /punycode/i,
  /DeprecationWarning/i,
];
const isNoise = (s) => NOISE.some((re) => re.test(s));

function say(...a) {
  console.log(...a);
}

/** console.log-style formatting of the workbench's (format, ...args) log lines. */
function formatLog(args) {
  const a = (Array.isArray(args) ? args : [args]).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  if (!a.length) return '';
  let i = 1;
  let out = String(a[0]).replace(/%[sdifoOc%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= a.length) return m;
    const v = a[i++];
    return m === '%c' ? '' : v;
  });
  if (i < a.length) out += ' ' + a.slice(i).join(' ');
  return out;
}

const results = []; // { name, ok, error, ms, kind }
let server = null;
let browser = null;
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-real-editor-'));
let finished = false;
let skipped = 0;

function printSummaryAndExit(extraFailure) {
  if (finished) return;
  finished = true;
  if (extraFailure) results.push({ name: `harness: ${extraFailure.name}`, ok: false, error: extraFailure.message });
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  say('');
  say(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed || !results.length ? 1 : 0;
}

async function cleanup() {
  try {
    if (browser) await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 5000))]);
  } catch {
    /* ignore */
  }
  try {
    if (server) await server.stop();
  } catch {
    /* ignore */
  }
  if (process.env.DSM_KEEP_TEMP === '1') say(`kept temp folder ${tmpRoot}`);
  else fs.rmSync(tmpRoot, { recursive: true, force: true });
}

function copyFixture(name) {
  const dest = path.join(tmpRoot, name);
  if (!fs.existsSync(fixture)) throw new Error(`workspace fixture missing: ${fixture}`);
  fs.cpSync(fixture, dest, { recursive: true });
  return dest;
}

/** URL of the workbench for `folder` with a smoke-test payload. */
export function workbenchUrl(base, folder, payload) {
  const u = new URL(base);
  u.searchParams.set('folder', folder);
  u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}
const remote = (p) => `vscode-remote://remote${p}`;

function recordSuiteReport(reportPath, exitCode) {
  if (!fs.existsSync(reportPath)) {
    results.push({
      name: 'extension-host suite',
      ok: false,
      error: `the suite wrote no report (workbench exit code ${exitCode}); see the log above`,
    });
    return;
  }
  const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
  say('');
  say(`Extension-host suite (VS Code ${report.vscodeVersion || '?'}):`);
  for (const t of report.tests || []) {
    if (t.state === 'pending') {
      skipped++;
      say(`  SKIP  ${t.fullTitle}`);
      continue;
    }
    const ok = t.state === 'passed';
    results.push({ name: t.fullTitle, ok, error: t.error && t.error.message, ms: t.duration, kind: 'suite' });
    say(
      `  ${ok ? 'PASS' : 'FAIL'}  ${t.fullTitle}${t.duration !== undefined && t.duration !== null ? ` (${t.duration} ms)` : ''}`,
    );
    if (!ok && t.error) {
      say(`        ${String(t.error.message).split('\n').join('\n        ')}`);
      if (verbose && t.error.stack) say(`        ${t.error.stack.split('\n').slice(1, 6).join('\n        ')}`);
    }
  }
  if (report.error) results.push({ name: 'extension-host suite: loading', ok: false, error: report.error });
  if (!(report.tests || []).length && !report.error)
    results.push({ name: 'extension-host suite', ok: false, error: 'the suite ran no test' });
  // The workbench's verdict must agree with the report.
  const anyFailed = (report.tests || []).some((t) => t.state === 'failed');
  if (exitCode !== 0 && !anyFailed && !report.error) {
    results.push({
      name: 'extension-host suite: exit code',
      ok: false,
      error: `workbench reported exit code ${exitCode}`,
    });
  }
}

/** Compiles the suite (`tsc -p .`) when its .js is missing or older than test/vscode/suite/*.ts. */
function compileSuiteIfStale() {
  if (process.env.DSM_EXTENSION_TESTS_PATH) return; // someone else's suite
  const src = path.join(repo, 'test', 'vscode', 'suite');
  if (!fs.existsSync(src)) return;
  const newestTs = Math.max(
    ...fs
      .readdirSync(src)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.statSync(path.join(src, f)).mtimeMs),
  );
  const out = path.join(repo, 'out', 'test', 'vscode', 'suite');
  const stale = fs
    .readdirSync(src)
    .filter((f) => f.endsWith('.ts'))
    .some((f) => {
      const js = path.join(out, f.replace(/\.ts$/, '.js'));
      return !fs.existsSync(js) || fs.statSync(js).mtimeMs < newestTs;
    });
  if (!stale) return;
  say('compiling the suite: tsc -p .');
  const r = spawnSync(process.execPath, [path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', repo], {
    encoding: 'utf8',
  });
  if (r.status !== 0)
    say(`tsc reported errors (the suite is still emitted):\n${(r.stdout || '').split('\n').slice(0, 15).join('\n')}`);
}

async function main() {
  // The one-time install (minutes, on a fresh machine) is not the tests' time: the clock starts once it is done.
  const ingredients = await setup();
  armHardTimer();
  const t0 = Date.now();
  const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

  const { chromium } = await import('playwright-core');
  const suiteWs = copyFixture('workspace');
  const reportPath = path.join(tmpRoot, 'report.json');
  fs.mkdirSync(resultsDir, { recursive: true });

  compileSuiteIfStale();
  if (!fs.existsSync(testsPath + '.js') && !fs.existsSync(testsPath)) {
    throw new Error(`suite index not found: ${testsPath}.js (run \`npm run compile\` first)`);
  }
  const mainFile = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')).main;
  if (
    mainFile &&
    !fs.existsSync(path.resolve(extensionPath, mainFile)) &&
    !fs.existsSync(path.resolve(extensionPath, mainFile + '.js'))
  ) {
    say(`warning: the extension's main ${mainFile} does not exist (run \`npm run build\`)`);
  }

  server = await startServer({
    node: ingredients.node,
    serverMain: ingredients.serverMain,
    env: {
      DSM_TEST_REPORT: reportPath,
      DSM_TEST_WORKSPACE: suiteWs,
      DSM_TEST_GREP: grep,
      DSM_REPO_ROOT: extensionPath,
    },
    onOutput: (line) => {
      if (verbose) say(`[server] ${line}`);
      else if (/\b(error|exception|uncaught)\b/i.test(line) && !isNoise(line)) say(`[server] ${line}`);
    },
  });
  say(`[${stamp()}] VS Code server on ${server.url} (pid group ${server.pid})`);

  browser = await chromium.launch({
    executablePath: ingredients.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  let resolveExit;
  const exitP = new Promise((r) => {
    resolveExit = r;
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit(code);
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = formatLog(args);
    // The suite's own results are printed from its report; show errors here.
    if (verbose || (/error/i.test(type) && !isNoise(text))) say(`[workbench ${type}] ${text}`);
  });
  page.on('pageerror', (e) => {
    if (verbose || !isNoise(String(e))) say(`[page error] ${e.message}`);
  });
  page.on('console', (m) => {
    const text = m.text();
    // The workbench's log lines also reach codeAutomationLog; print the console only when verbose.
    if (verbose) say(`[console ${m.type()}] ${text}`);
  });

  const url = workbenchUrl(server.url, suiteWs, [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
  ]);
  say(`[${stamp()}] running the suite ${path.relative(repo, testsPath) || testsPath} in ${suiteWs}`);
  await page.goto(url);
  const suiteBudget = Math.max(30000, overallTimeout - (Date.now() - t0) - (browserChecks ? 90000 : 0));
  const code = await Promise.race([exitP, new Promise((r) => setTimeout(() => r('timeout'), suiteBudget))]);
  if (code === 'timeout') {
    await page.screenshot({ path: path.join(resultsDir, 'suite-timeout.png') }).catch(() => {});
    if (fs.existsSync(reportPath)) recordSuiteReport(reportPath, 1);
    results.push({
      name: 'extension-host suite',
      ok: false,
      error: `timed out after ${suiteBudget} ms (screenshot test-results/suite-timeout.png)`,
    });
  } else {
    say(`[${stamp()}] workbench exit code ${code}`);
    recordSuiteReport(reportPath, code);
  }
  await page.close().catch(() => {});

  if (browserChecks) {
    const browserWs = copyFixture('browser-workspace');
    say('');
    say(`[${stamp()}] Browser checks (Playwright against the workbench page):`);
    const checks = await runBrowserChecks({
      context,
      serverUrl: server.url,
      workspace: browserWs,
      extensionPath,
      resultsDir,
      docsDir: process.env.DSM_UPDATE_SCREENSHOTS === '1' ? path.join(repo, 'docs') : null,
      workbenchUrl: (folder, payload) => workbenchUrl(server.url, folder, payload),
      remote,
      say,
      verbose,
      isNoise,
    });
    for (const c of checks) {
      results.push({ ...c, kind: 'browser' });
      say(`  ${c.ok ? 'PASS' : 'FAIL'}  ${c.name} (${c.ms} ms)`);
      if (!c.ok) say(`        ${String(c.error).split('\n').join('\n        ')}`);
    }
  }
  say(`[${stamp()}] done`);
}

let hardTimer;
/** Ends the run, failed, if the tests take longer than their time (plus a margin for the browser checks' own limits). */
function armHardTimer() {
  hardTimer = setTimeout(async () => {
    say(`\nTIMEOUT: the tests took longer than ${overallTimeout} ms after setup`);
    printSummaryAndExit(new Error(`overall timeout ${overallTimeout} ms`));
    await cleanup();
    process.exit(1);
  }, overallTimeout + 30000);
  hardTimer.unref();
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, async () => {
    say(`\n${sig}: stopping`);
    printSummaryAndExit(new Error(`interrupted by ${sig}`));
    await cleanup();
    process.exit(1);
  });
}

main()
  .then(
    async () => {
      printSummaryAndExit();
      await cleanup();
    },
    async (e) => {
      say(`\nERROR: ${(e && e.stack) || e}`);
      printSummaryAndExit({ name: 'error', message: (e && e.message) || String(e) });
      await cleanup();
    },
  )
  .finally(() => {
    clearTimeout(hardTimer);
    // Nothing of ours should be left; exit explicitly in case a handle lingers.
    setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
  });
