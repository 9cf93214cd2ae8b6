/**
 * dsm-lint doctor never runs what the option files say: hostile values in
 * every option it reads (and in DSM_* variables) create no file and remove
 * none, and come back as plain text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { tree } from './helpers';
import { BIN, doctor } from './doctorHelpers';

describe('dsm-lint doctor: hostile option files', () => {
  it('$(...), backticks and "; rm" in the values run nothing', async () => {
    const witness = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-doctor-witness-'));
    const pwned = path.join(witness, 'pwned');
    const keep = path.join(witness, 'keep');
    fs.writeFileSync(keep, 'still here');
    const sys = [
      'SErvername  local',
      `   TCPServeraddress   $(touch${'${IFS}'}${pwned})`,
      '   TCPPort            1500',
      `   NODename           x;touch${'${IFS}'}${pwned}`,
      `   TCPCLIENTPort      \`touch ${pwned}\``,
      '   SCHEDMODe          PROMPTED',
      '   PASSWORDAccess     generate',
      `   PASSWORDDIR        "$(touch ${pwned})"`,
      `   SCHEDLOGName       "; rm -f ${keep}"`,
      `   ERRORLOGName       "| touch ${pwned}"`,
      `   INCLExcl           "\`rm -f ${keep}\`"`,
      `   MANAGEDServices    schedule;touch${'${IFS}'}${pwned}`,
      '',
    ].join('\n');
    const t = tree({ [`${BIN}/dsm.sys`]: sys, [`${BIN}/dsm.opt`]: `SErvername local\n` });
    try {
      for (const args of [['-f', 'json', '--timeout', '2'], ['--no-network']]) {
        const r = await doctor(['--root', t.dir, ...args], {
          DSM_LOG: `$(touch ${pwned})`,
          DSM_CONFIG: `/x;touch ${pwned}`,
        });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        assert.ok(
          r.stdout.includes(`$(touch \${IFS}${pwned})`) || r.stdout.includes(`$(touch\${IFS}${pwned})`),
          r.stdout,
        );
      }
      assert.equal(fs.existsSync(pwned), false, 'a value was run');
      assert.equal(fs.readFileSync(keep, 'utf8'), 'still here');
    } finally {
      t.cleanup();
      fs.rmSync(witness, { recursive: true, force: true });
    }
  });
});

describe('dsm-lint doctor: the command line', () => {
  it('bad usage exits 2 with a sentence; --help exits 0', async () => {
    for (const args of [
      ['--format', 'sarif'],
      ['--timeout', '0'],
      ['--max-age', 'x'],
      ['--nope'],
      ['some-file'],
      ['--root', '/no/such/folder/at/all'],
    ]) {
      const r = await doctor(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /^dsm-lint doctor: /);
      assert.equal(r.stdout, '');
    }
    const help = await doctor(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--no-network/);
  });

  it('an empty --root tree: no option files is an error, in JSON of the documented shape', async () => {
    const t = tree({ README: 'empty machine' });
    try {
      const r = await doctor(['--root', t.dir, '--no-network', '-f', 'json']);
      assert.equal(r.status, 1);
      assert.equal(r.json?.ok, false);
      assert.deepEqual(r.json?.stanzas, []);
      const f = r.json!.findings.find((x) => x.code === 'doctor-no-option-files');
      assert.equal(f?.severity, 'error');
      assert.match(f!.message, /\/opt\/tivoli\/tsm\/client\/ba\/bin/);
      assert.ok(f!.fix);
    } finally {
      t.cleanup();
    }
  });
});
