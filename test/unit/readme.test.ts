/** The README shows the editor recipes exactly as the editor tests run them (docs/editors/). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { CODES } from '../../server/src/service/codes';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('the README', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const recipe of fs.readdirSync(path.join(ROOT, 'docs', 'editors'))) {
    it(`shows docs/editors/${recipe} as it is`, () => {
      const text = fs.readFileSync(path.join(ROOT, 'docs', 'editors', recipe), 'utf8').trimEnd();
      assert.ok(readme.includes(text), `README.md does not show docs/editors/${recipe} verbatim`);
    });
  }

  it('documents every diagnostic code in its table, with its default level, and no code that does not exist', () => {
    const table = readme.slice(readme.indexOf('## Diagnostic codes'));
    const rows = [...table.matchAll(/^\| `([a-z-]+)` \| (\w+) \|/gm)].map((m) => [m[1], m[2]]);
    const levels = ['', 'error', 'warning', 'information', 'hint'];
    assert.deepEqual(
      rows,
      Object.entries(CODES).map(([code, info]) => [code, levels[info.severity]]),
    );
  });
});
