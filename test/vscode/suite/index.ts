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

interface TestRecord {
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  duration?: number;
  error?: { message: string; stack?: string };
}

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

function writeReport(report: object): void {
  const file = process.env.DSM_TEST_REPORT;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
}

export function run(): Promise<void> {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  if (process.env.DSM_TEST_GREP) mocha.grep(new RegExp(process.env.DSM_TEST_GREP));

  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const tests: TestRecord[] = [];
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    let runner: MochaType.Runner;
    try {
      runner = mocha.run((failures) => {
        const passed = tests.filter((t) => t.state === 'passed').length;
        const failed = tests.filter((t) => t.state === 'failed').length;
        writeReport({ vscodeVersion: vscodeVersion(), files, tests, passed, failed, durationMs: Date.now() - started });
        if (failures > 0 || failed > 0) reject(new Error(`${failed || failures} test(s) failed`));
        else if (tests.length === 0) reject(new Error('no test ran'));
        else resolve();
      });
    } catch (e) {
      const err = e as Error;
      writeReport({ vscodeVersion: vscodeVersion(), files, tests, error: `${err.message}\n${err.stack ?? ''}` });
      reject(err);
      return;
    }
    const rec = (t: MochaType.Runnable, state: TestRecord['state'], err?: Error): void => {
      tests.push({
        title: t.title,
        fullTitle: t.fullTitle(),
        file: t.file ? path.basename(t.file) : undefined,
        state,
        duration: t.duration,
        error: err ? { message: String(err.message ?? err), stack: err.stack } : undefined,
      });
    };
    runner.on('pass', (t) => rec(t, 'passed'));
    // 'fail' is also emitted for failing hooks ("before all" hook ...).
    runner.on('fail', (t, err) => rec(t, 'failed', err));
    runner.on('pending', (t) => rec(t, 'pending'));
  });
}
