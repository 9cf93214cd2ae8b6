/**
 * The example GitHub workflow of docs/github-code-scanning.yml: GitHub
 * cannot run here, so its dsm-lint steps are run as GitHub would (bash -e,
 * in the checkout) on a repository of option files, and what they leave is
 * judged: the annotations step lets warnings through, the SARIF step writes
 * a valid SARIF file and fails on them. (Its install step is the one
 * pack.test.ts runs.)
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { GOOD_SYS, PROMPTED_SYS, ROOT, dsmLintOnPath, requireTool, run, tree } from './helpers';
import { assertValidSarif } from '../cli/sarifSchema';

const TIMEOUT_MS = 60_000;

interface Step {
  name?: string;
  run?: string;
}

function steps(): Step[] {
  requireTool('python3', 'python3-yaml');
  const json = run('python3', ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'], {
    cwd: ROOT,
    timeoutMs: TIMEOUT_MS,
    input: fs.readFileSync(path.join(ROOT, 'docs', 'github-code-scanning.yml'), 'utf8'),
  });
  return (JSON.parse(json.output) as { jobs: Record<string, { steps: Step[] }> }).jobs['dsm-lint'].steps;
}

describe('the example workflow for GitHub code scanning', () => {
  const checkout = tree({ 'hosts/web/dsm.sys': PROMPTED_SYS, 'hosts/db/dsm.sys': GOOD_SYS });
  const onPath = dsmLintOnPath();
  after(() => (checkout.cleanup(), onPath.cleanup()));
  const dsmLintSteps = steps().filter((s) => s.run?.startsWith('dsm-lint'));
  const runStep = (s: Step) =>
    run('bash', ['-e', '-c', s.run!], { cwd: checkout.dir, env: onPath.env, timeoutMs: TIMEOUT_MS });

  it('has the two dsm-lint steps and the upload', () => {
    assert.deepEqual(
      dsmLintSteps.map((s) => s.name),
      ['Annotate the pull request', 'Check, for code scanning'],
    );
    assert.ok(steps().some((s) => (s as { uses?: string }).uses?.startsWith('github/codeql-action/upload-sarif')));
  });

  it('annotates warnings without failing, then writes valid SARIF and fails on them', () => {
    const annotate = runStep(dsmLintSteps[0]);
    assert.equal(annotate.status, 0, annotate.output);
    assert.match(annotate.output, /^::warning file=hosts\/web\/dsm\.sys,line=7,/m);
    const sarif = runStep(dsmLintSteps[1]);
    assert.equal(sarif.status, 1, sarif.output);
    const log = assertValidSarif(fs.readFileSync(checkout.at('dsm-lint.sarif'), 'utf8'));
    assert.deepEqual(
      log.runs[0].results?.map((r) => r.ruleId),
      ['schedmode-prompted', 'hash-comment'],
    );
  });
});
