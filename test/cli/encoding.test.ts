/**
 * dsm-lint reads files with the decoder the server and the VS Code client
 * use (server/src/util/decode.ts): a dsm.opt beside a UTF-16 dsm.sys gives
 * the findings the server gives (test/protocol/encoding.test.ts, the same
 * test/fixtures/utf16-pair/findings.json).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, lint } from './helpers';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'utf16-pair');

describe('dsm-lint: a dsm.opt beside a UTF-16 dsm.sys', () => {
  it('checks the dsm.opt against the stanzas of the dsm.sys read as UTF-16: the findings the server gives', () => {
    const r = lint(['--format', 'json', '.'], { cwd: FIXTURE });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    const files = JSON.parse(r.stdout) as { file: string; problems: Record<string, unknown>[] }[];
    const byFile = new Map(
      files.map((f) => [
        f.file,
        f.problems.map(({ fingerprint, ...rest }) => (assert.match(String(fingerprint), /^[0-9a-f]{32}$/), rest)),
      ]),
    );
    assert.deepEqual([...byFile.keys()], ['dsm.opt', 'dsm.sys']);
    assert.deepEqual(byFile.get('dsm.opt'), JSON.parse(fs.readFileSync(path.join(FIXTURE, 'findings.json'), 'utf8')));
    assert.deepEqual(
      byFile.get('dsm.sys'),
      [],
      'the UTF-16 dsm.sys itself, with a comment in French, has nothing to say',
    );
  });
});
