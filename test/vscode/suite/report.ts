/**
 * How an extension-host suite runs Mocha and reports: every test recorded
 * with its state, the run settling (rejecting when a test failed or none
 * ran). Free of Node, so the web suite (test/web) shares it with index.ts.
 */
import type MochaType from 'mocha';

export interface TestRecord {
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  duration?: number;
  error?: { message: string; stack?: string };
}

export interface SuiteReport {
  vscodeVersion?: string;
  files: string[];
  tests: TestRecord[];
  passed?: number;
  failed?: number;
  durationMs?: number;
  error?: string;
}

/** Runs `mocha`, hands `report` what happened, and resolves only if every test passed. */
export function runRecorded(
  mocha: Pick<MochaType, 'run'>,
  files: string[],
  vscodeVersion: () => string | undefined,
  report: (r: SuiteReport) => void,
): Promise<void> {
  const tests: TestRecord[] = [];
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    let runner: MochaType.Runner;
    try {
      runner = mocha.run((failures) => {
        const passed = tests.filter((t) => t.state === 'passed').length;
        const failed = tests.filter((t) => t.state === 'failed').length;
        report({ vscodeVersion: vscodeVersion(), files, tests, passed, failed, durationMs: Date.now() - started });
        if (failures > 0 || failed > 0) reject(new Error(`${failed || failures} test(s) failed`));
        else if (tests.length === 0) reject(new Error('no test ran'));
        else resolve();
      });
    } catch (e) {
      const err = e as Error;
      report({ vscodeVersion: vscodeVersion(), files, tests, error: `${err.message}\n${err.stack ?? ''}` });
      reject(err);
      return;
    }
    const rec = (t: MochaType.Runnable, state: TestRecord['state'], err?: Error): void => {
      tests.push({
        title: t.title,
        fullTitle: t.fullTitle(),
        file: t.file?.split(/[\\/]/).pop(),
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
