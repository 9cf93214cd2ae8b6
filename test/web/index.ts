/**
 * Entry point of the web suite (the `extensionTestsPath` module), bundled
 * for the browser by scripts/web/run-tests.mjs. Runs web.test.ts (and the
 * real-editor suite's effective.test.ts, which needs no Node) with
 * Mocha's browser build in the web extension host and prints the report on
 * the console, one line, where the runner reads it (there is no disk to
 * write it to). Rejects when a test failed or none ran.
 */
import 'mocha/mocha.js'; // Mocha's browser build: the global `mocha`, which runs in a worker without a page.
import * as vscode from 'vscode';
import { runRecorded } from '../vscode/suite/report';

/** The report's line: this prefix, then the report as JSON (scripts/web/run-tests.mjs reads it). */
export const REPORT_PREFIX = 'dsm-web-suite-report ';

export function run(): Promise<void> {
  // 'base' prints nothing: the runner prints each test from the report.
  mocha.setup({ ui: 'bdd', reporter: 'base', timeout: 60000, color: false });
  // Loaded after setup, so that its describe() and it() are Mocha's.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./web.test');
  // The real-editor suite's effective options tests are free of Node: the same tests on the web.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../vscode/suite/effective.test');
  return runRecorded(
    mocha,
    ['web.test.ts', 'effective.test.ts'],
    () => vscode.version,
    (report) => console.log(REPORT_PREFIX + JSON.stringify(report)),
  );
}
