/**
 * The output formats: text like a compiler, JSON, GitHub workflow commands,
 * and SARIF 2.1.0 validated against the official schema (sarifSchema.ts).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { PROMPTED_SYS, ROOT, lint, tree } from './helpers';
import { assertValidSarif, sarifValidator } from './sarifSchema';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/github';
import { sarifFormatter } from '../../server/src/cli/formats/sarif';
import { CODES, INTERNAL_ERROR_CODE } from '../../server/src/service/codes';
import { codePage } from '../../server/src/service/ibmPages';

describe('dsm-lint --format text', () => {
  const t = tree({ 'a/dsm.sys': PROMPTED_SYS, 'b/dsm.sys': 'SErvername x\n  SCHEDMODE POLLING\n  bogus 1\n' });
  after(t.cleanup);

  it('writes file:line:col: severity code message, then a summary', () => {
    const r = lint(['a', 'b'], { cwd: t.dir });
    const lines = r.stdout.split('\n');
    assert.match(
      lines[0],
      /^a\/dsm\.sys:7:23: warning schedmode-prompted SCHEDMODE PROMPTED: the server has to open a connection/,
    );
    assert.match(lines[1], /^a\/dsm\.sys:8:1: hint hash-comment IBM documents only \* /);
    assert.match(lines[2], /^b\/dsm\.sys:3:3: warning unknown-option Unknown option bogus/);
    assert.equal(lines[3], 'dsm-lint: 2 files checked, 3 problems (2 warnings, 1 hint).');
    assert.equal(lines.length, 5);
  });
});

describe('dsm-lint --format json', () => {
  const t = tree({ 'dsm.sys': PROMPTED_SYS, 'clean/dsm.opt': 'DOMain /home\n' });
  after(t.cleanup);

  it('writes one object per file, in order, with 1-based positions; errors have their own entry', () => {
    const r = lint(['--format', 'json', 'dsm.sys', 'missing.sys', 'clean'], { cwd: t.dir });
    assert.equal(r.status, 2);
    const files = JSON.parse(r.stdout);
    assert.deepEqual(
      files.map((f: { file: string }) => f.file),
      ['dsm.sys', 'missing.sys', 'clean/dsm.opt'],
    );
    const [prompted, hash] = files[0].problems;
    assert.deepEqual(
      { ...prompted, message: undefined, fingerprint: undefined },
      {
        line: 7,
        column: 23,
        endLine: 7,
        endColumn: 31,
        severity: 'warning',
        code: 'schedmode-prompted',
        message: undefined,
        fingerprint: undefined,
      },
    );
    assert.equal(hash.code, 'hash-comment');
    assert.match(prompted.fingerprint, /^[0-9a-f]{32}$/);
    assert.match(files[1].error, /cannot read it/);
    assert.deepEqual(files[2].problems, []);
  });

  it('writes an empty array when there is nothing to check', () => {
    fs.mkdirSync(path.join(t.dir, 'empty'), { recursive: true });
    assert.deepEqual(JSON.parse(lint(['--format', 'json', 'empty'], { cwd: t.dir }).stdout), []);
  });
});

describe('dsm-lint --format github', () => {
  const t = tree({ 'odd, name: here/dsm.sys': PROMPTED_SYS });
  after(t.cleanup);

  it('writes workflow commands, with properties and messages escaped', () => {
    const r = lint(['--format', 'github', '.', 'gone.sys'], { cwd: t.dir });
    const lines = r.stdout.split('\n');
    assert.match(
      lines[0],
      /^::warning file=odd%2C name%3A here\/dsm\.sys,line=7,endLine=7,col=23,endColumn=30,title=dsm schedmode-prompted::SCHEDMODE PROMPTED: /,
    );
    assert.match(
      lines[1],
      /^::notice file=odd%2C name%3A here\/dsm\.sys,line=8,endLine=8,col=1,endColumn=1,title=dsm hash-comment::IBM documents/,
    );
    assert.match(lines[2], /^::error file=gone\.sys,title=dsm-lint::cannot read it: no such file or folder\.$/);
    assert.match(lines[3], /^dsm-lint: 2 files checked/);
  });

  it('escapes as the Actions toolkit does', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext%3A a%2C b');
  });
});

describe('dsm-lint --format sarif', () => {
  const outside = tree({ 'dsm.sys': PROMPTED_SYS });
  const t = tree({
    'roles/tsm/files/dsm.sys': PROMPTED_SYS,
    'with space/dsm.opt': 'SErvername nosuch\n',
    'with space/dsm.sys': 'SErvername a\n  SCHEDMODE POLLING\n',
  });
  after(() => (t.cleanup(), outside.cleanup()));

  it('is valid SARIF 2.1.0, with every rule, levels, physical locations and fingerprints', () => {
    const r = lint(['--format', 'sarif', '.', outside.at('dsm.sys')], { cwd: t.dir });
    assert.equal(r.status, 1);
    const log = assertValidSarif(r.stdout);
    const run = log.runs[0];
    const rules = run.tool.driver.rules ?? [];
    assert.deepEqual(
      rules.map((x) => x.id),
      [...Object.keys(CODES), INTERNAL_ERROR_CODE],
    );
    assert.ok(rules.every((x) => x.shortDescription?.text && x.defaultConfiguration?.level));
    assert.equal(rules.find((x) => x.id === 'prompted-only-option')?.defaultConfiguration?.level, 'note');
    const results = run.results ?? [];
    assert.deepEqual(
      results.map((x) => [x.ruleId, x.level, x.locations?.[0].physicalLocation?.artifactLocation?.uri]),
      [
        ['schedmode-prompted', 'warning', 'roles/tsm/files/dsm.sys'],
        ['hash-comment', 'note', 'roles/tsm/files/dsm.sys'],
        ['unknown-server', 'warning', 'with%20space/dsm.opt'],
        ['schedmode-prompted', 'warning', 'file://' + outside.at('dsm.sys')],
        ['hash-comment', 'note', 'file://' + outside.at('dsm.sys')],
      ],
    );
    for (const x of results) assert.equal(rules[x.ruleIndex!].id, x.ruleId);
    assert.equal(results[0].locations?.[0].physicalLocation?.artifactLocation?.uriBaseId, '%SRCROOT%');
    assert.equal(run.originalUriBaseIds?.['%SRCROOT%'].uri, 'file://' + t.dir + '/');
    assert.deepEqual(results[0].locations?.[0].physicalLocation?.region, {
      startLine: 7,
      startColumn: 23,
      endLine: 7,
      endColumn: 31,
    });
    assert.equal(run.invocations?.[0].executionSuccessful, true);
  });

  it("keeps a result's fingerprint when lines are added above it, and tells equal lines apart", () => {
    const fingerprints = (text: string) => {
      const log = assertValidSarif(
        lint(['--format', 'sarif', '--stdin-filename', 'dsm.sys', '-'], { cwd: t.dir, input: text }).stdout,
      );
      return (log.runs[0].results ?? [])
        .filter((x) => x.ruleId === 'schedmode-prompted')
        .map((x) => x.partialFingerprints?.['dsmLintFinding/v1']);
    };
    const before = fingerprints(PROMPTED_SYS);
    assert.deepEqual(fingerprints('* a new banner\n*\n' + PROMPTED_SYS), before);
    const twice = fingerprints(PROMPTED_SYS + PROMPTED_SYS.replace('bucky5', 'other'));
    assert.equal(twice.length, 2);
    assert.equal(twice[0], before[0]);
    assert.notEqual(twice[1], twice[0]);
  });

  it('reports files that could not be checked as notifications, and the run as unsuccessful', () => {
    const r = lint(['--format', 'sarif', 'roles', 'nothing/here.sys'], { cwd: t.dir });
    assert.equal(r.status, 2);
    const invocation = assertValidSarif(r.stdout).runs[0].invocations?.[0];
    assert.equal(invocation?.executionSuccessful, false);
    assert.match(invocation?.toolExecutionNotifications?.[0].message.text ?? '', /^nothing\/here\.sys: cannot read it/);
  });

  it("gives each rule IBM's page as its help URI, its rule page's What it catches as full description, and the page as help", () => {
    const rules =
      assertValidSarif(lint(['--format', 'sarif', 'roles'], { cwd: t.dir }).stdout).runs[0].tool.driver.rules ?? [];
    for (const code of Object.keys(CODES)) {
      const rule = rules.find((x) => x.id === code)!;
      const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', code + '.md'), 'utf8');
      assert.equal(rule.helpUri, codePage(code)!.ibm);
      assert.equal(rule.help?.markdown, page);
      // The section's paragraphs, each on one line.
      const catches = page.split('## What it catches\n\n')[1].split('\n\n## ')[0];
      assert.equal(
        rule.fullDescription?.text,
        catches
          .split(/\n\n+/)
          .map((p) => p.replace(/\n/g, ' '))
          .join('\n\n'),
      );
    }
    assert.equal(
      rules.find((x) => x.id === 'schedmode-prompted')?.helpUri,
      'https://www.ibm.com/docs/en/SSEQVQ_8.1.11/client/r_opt_schedmode.html',
    );
    // The internal error has no page, and the package names no homepage: no link is made up.
    assert.equal(rules.find((x) => x.id === INTERNAL_ERROR_CODE)?.helpUri, undefined);
  });

  it("keeps IBM's pages, and links the homepage's code table for the rule without a page, when the package names a homepage", () => {
    const fmt = sarifFormatter({
      cwd: t.dir,
      tool: { name: 'dsm-lint', version: '1.2.3', homepage: 'https://example.org/dsm-options' },
      fix: 'none',
      quiet: false,
    });
    const text =
      fmt.begin() +
      fmt.end({
        files: 0,
        failed: 0,
        counts: { error: 0, warning: 0, information: 0, hint: 0 },
        fixes: 0,
        fixedFiles: 0,
      }).out;
    const driver = assertValidSarif(text).runs[0].tool.driver;
    assert.equal(driver.informationUri, 'https://example.org/dsm-options');
    assert.deepEqual(
      driver.rules?.map((x) => x.helpUri),
      [...Object.keys(CODES).map((c) => codePage(c)!.ibm), 'https://example.org/dsm-options#diagnostic-codes'],
    );
  });

  it('the schema check is no formality: it rejects a wrong level and a help URI that is no URI', () => {
    const log = assertValidSarif(lint(['--format', 'sarif', 'roles'], { cwd: t.dir }).stdout);
    const validate = sarifValidator();
    const wrongLevel = structuredClone(log);
    (wrongLevel.runs[0].results![0] as { level: string }).level = 'warn';
    assert.equal(validate(wrongLevel), false);
    const wrongUri = structuredClone(log);
    wrongUri.runs[0].tool.driver.rules![0].helpUri = 'see the README';
    assert.equal(validate(wrongUri), false);
  });
});
