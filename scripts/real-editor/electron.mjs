#!/usr/bin/env node
// The same extension-host suite in desktop VS Code, through
// @vscode/test-electron (`npm run test:electron`). It downloads a VS Code
// build from Microsoft's update server, which works on a developer laptop but
// not on the closed-network build machines (use `npm run test:vscode` there).
//
// Environment: VSCODE_VERSION (default "stable"), VSCODE_EXECUTABLE (a local
// VS Code binary; no download then), DSM_TEST_GREP, DSM_TEST_REPORT.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const fixture = path.join(repo, 'test', 'vscode', 'workspace');
const tests = path.join(repo, 'out', 'test', 'vscode', 'suite', 'index');

if (!fs.existsSync(tests + '.js')) {
  console.log('compiling the suite: tsc -p .');
  spawnSync(process.execPath, [path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', repo], {
    stdio: 'inherit',
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-electron-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(fixture, workspace, { recursive: true });
const report = process.env.DSM_TEST_REPORT || path.join(tmp, 'report.json');

let code;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: repo,
    extensionTestsPath: tests,
    extensionTestsEnv: {
      DSM_TEST_REPORT: report,
      DSM_TEST_WORKSPACE: workspace,
      DSM_TEST_GREP: process.env.DSM_TEST_GREP || '',
    },
    launchArgs: [
      workspace,
      '--disable-extensions', // only the extension under development
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      path.join(tmp, 'user-data'),
    ],
  });
} catch (e) {
  console.error(`test-electron failed: ${(e && e.message) || e}`);
  console.error('(It downloads VS Code from Microsoft; on a closed network use `npm run test:vscode`.)');
  code = 1;
}

let passed = 0,
  failed = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  for (const t of r.tests || []) {
    if (t.state === 'pending') continue;
    const ok = t.state === 'passed';
    if (ok) passed++;
    else failed++;
    console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${t.fullTitle}`);
    if (!ok && t.error) console.log(`        ${t.error.message}`);
  }
}
if (code !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
if (!process.env.DSM_KEEP_TEMP) fs.rmSync(tmp, { recursive: true, force: true });
process.exit(code === 0 && failed === 0 ? 0 : 1);
