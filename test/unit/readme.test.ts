/** The README shows the editor recipes exactly as the editor tests run them (docs/editors/). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('the README', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const recipe of fs.readdirSync(path.join(ROOT, 'docs', 'editors'))) {
    it(`shows docs/editors/${recipe} as it is`, () => {
      const text = fs.readFileSync(path.join(ROOT, 'docs', 'editors', recipe), 'utf8').trimEnd();
      assert.ok(readme.includes(text), `README.md does not show docs/editors/${recipe} verbatim`);
    });
  }
});
