/**
 * The unified diff of --fix-dry-run, against an independent judge: whatever
 * the two texts (LF, CRLF, mixed, no final line ending), `git apply` turns
 * the first into the second with it.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import fc from 'fast-check';
import { unifiedDiff } from '../../server/src/cli/diff';
import { tree } from './helpers';

const line = fc.tuple(
  fc.constantFrom('SErvername a', '   TCPPort 1500', '* note', '', '   SCHEDMODE POLLING', 'x'),
  fc.constantFrom('\n', '\r\n'),
);
const text = fc.tuple(fc.array(line, { maxLength: 30 }), fc.boolean()).map(([lines, lastEnds]) => {
  const s = lines.map(([l, eol]) => l + eol).join('');
  return lastEnds || !s ? s : s.replace(/\r?\n$/, '');
});

/** A second text near the first: a few lines changed, added or removed. */
const pair = text.chain((a) =>
  fc.array(fc.tuple(fc.nat(), fc.constantFrom('change', 'add', 'remove'), line), { maxLength: 4 }).map((edits) => {
    const lines = a.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    for (const [at, kind, [l, eol]] of edits) {
      const i = lines.length ? at % lines.length : 0;
      if (kind === 'add') lines.splice(i, 0, l + eol);
      else if (kind === 'remove') lines.splice(i, 1);
      else if (lines.length) lines[i] = 'changed ' + lines[i];
    }
    return [a, lines.join('')] as const;
  }),
);

describe('unifiedDiff', () => {
  const t = tree({});
  after(t.cleanup);

  it('is empty for equal texts', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', 'f'), '');
  });

  it('marks a last line without a line ending as diff does', () => {
    assert.equal(
      unifiedDiff('a\nb', 'a\nc', 'f'),
      '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
  });

  it('is applied by git apply to give the second text, byte for byte', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        fs.writeFileSync(t.at('f'), a);
        const patch = unifiedDiff(a, b, 'f');
        if (a === b) return patch === '';
        const r = spawnSync('git', ['apply', '--unidiff-zero', '-'], { cwd: t.dir, input: patch, encoding: 'utf8' });
        assert.equal(r.status, 0, `${r.stderr}\n${JSON.stringify(patch)}`);
        assert.equal(fs.existsSync(t.at('f')) ? fs.readFileSync(t.at('f'), 'latin1') : '', b);
        return true;
      }),
      { numRuns: 60 },
    );
  });
});
