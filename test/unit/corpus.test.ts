import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { analyze } from './helpers';

const CORPUS = path.join(__dirname, '..', '..', '..', 'test', 'corpus');

/** The diagnostics a corpus file is meant to raise; every other file must be silent. */
const EXPECTED: Record<string, string[]> = {
  'schedmode-only/dsm.sys': ['schedmode-prompted 6', 'schedmode-missing 10'],
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('realistic corpus', () => {
  const all = files(CORPUS);
  it('has files of every kind', () => {
    assert.ok(all.length >= 8, `${all.length} files`);
    const kinds = new Set(all.map((f) => analyze(fs.readFileSync(f, 'utf8'), pathToFileURL(f).href).doc.fileKind));
    assert.deepEqual([...kinds].sort(), ['inclexcl', 'opt-unix', 'opt-windows', 'sys']);
  });

  it('reads every file of inclexcl-files/ (shaped like the include-exclude files of Puppet modules and Ansible roles) as an include-exclude file, by its name', () => {
    const lists = all.filter((f) => f.includes(`${path.sep}inclexcl-files${path.sep}`));
    assert.ok(lists.length >= 12, `${lists.length} include-exclude files`);
    for (const f of lists) assert.equal(analyze(fs.readFileSync(f, 'utf8'), pathToFileURL(f).href).doc.fileKind, 'inclexcl', f);
  });
  for (const file of all) {
    const rel = path.relative(CORPUS, file).split(path.sep).join('/');
    it(`${rel} raises only what it is meant to`, () => {
      const { doc, svc } = analyze(fs.readFileSync(file, 'utf8'), pathToFileURL(file).href);
      const found = svc.diagnostics(doc).map((d) => `${d.code} ${d.range.start.line}`);
      assert.deepEqual(found, EXPECTED[rel] ?? [], svc.diagnostics(doc).map((d) => `${d.range.start.line}: ${d.message}`).join('\n'));
    });
  }
});
