/**
 * Entry point of the extension-host test suite (the `extensionTestsPath`
 * module). Used unchanged by scripts/real-editor/run-tests.mjs (VS Code's
 * server build in Chromium) and by scripts/real-editor/electron.mjs
 * (@vscode/test-electron).
 *
 * Loads every *.test.js beside this file into Mocha (BDD), runs them, writes
 * a JSON report to $DSM_TEST_REPORT when set, and rejects when a test failed.
 * $DSM_TEST_GREP restricts the run to tests whose full title matches.
 */
import * as fs from 'fs';
import * as path from 'path';
import type MochaType from 'mocha';
import { SuiteReport, runRecorded } from './report';

function loadMocha(): typeof MochaType {
  // Mocha 12's package entry is an ES module; its CommonJS build loads in any
  // extension host (Electron's Node may lack require(esm)).
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('mocha/lib/mocha.cjs');
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('mocha');
  }
}

function vscodeVersion(): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('vscode').version;
  } catch (e) {
    return `unknown (${(e as Error).message})`;
  }
}

function writeReport(report: SuiteReport): void {
  const file = process.env.DSM_TEST_REPORT;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
}

export function run(): Promise<void> {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  if (process.env.DSM_TEST_GREP) mocha.grep(new RegExp(process.env.DSM_TEST_GREP));

  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return runRecorded(mocha, files, vscodeVersion, writeReport);
}
