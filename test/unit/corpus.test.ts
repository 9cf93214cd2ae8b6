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

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

/**
 * What a file declares it means to raise, in a comment of its own (a template
 * comment in a template, which never reaches the rendered file):
 * `corpus-expect: schedmode-prompted@12:information duplicate-option@20`, lines
 * counted from 1, severity `warning` unless written; `corpus-expect: nothing`.
 */
function declared(text: string): string[] | undefined {
  const m = /corpus-expect:([^#%}\r\n]*)/.exec(text);
  if (!m) return undefined;
  return m[1]
    .split(/\s+/)
    .filter((w) => w && w !== 'nothing' && w !== '-')
    .map((w) => {
      const [, code, line, severity] = /^([a-z-]+)@(\d+)(?::(\w+))?$/.exec(w) ?? [];
      assert.ok(code, `corpus-expect: cannot read ${w}`);
      return `${code} ${Number(line) - 1} ${severity ?? 'warning'}`;
    });
}

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('realistic corpus', () => {
  const all = files(CORPUS);
  it('has files of every kind', () => {
    assert.ok(all.length >= 8, `${all.length} files`);
    const kinds = new Set(all.map((f) => analyze(fs.readFileSync(f, 'utf8'), pathToFileURL(f).href).doc.fileKind));
    assert.deepEqual([...kinds].sort(), ['inclexcl', 'opt-unix', 'opt-windows', 'sys']);
    for (const ext of ['.j2', '.jinja', '.tmpl', '.erb', '.epp', '.template', '.tpl', '.in'])
      assert.ok(
        all.some((f) => f.endsWith(ext)),
        `a template ending in ${ext}`,
      );
  });

  it('reads a Jinja template kept under a plain name (a Salt formula) as a template, by its text', () => {
    const salt = path.join(CORPUS, 'templates', 'salt-plain', 'dsm.sys');
    assert.equal(analyze(fs.readFileSync(salt, 'utf8'), pathToFileURL(salt).href).doc.template?.dialect, 'jinja');
  });

  it('reads every file of inclexcl-files/ (shaped like the include-exclude files of Puppet modules and Ansible roles) as an include-exclude file, by its name', () => {
    const lists = all.filter((f) => f.includes(`${path.sep}inclexcl-files${path.sep}`));
    assert.ok(lists.length >= 12, `${lists.length} include-exclude files`);
    for (const f of lists)
      assert.equal(analyze(fs.readFileSync(f, 'utf8'), pathToFileURL(f).href).doc.fileKind, 'inclexcl', f);
  });
  for (const file of all) {
    const rel = path.relative(CORPUS, file).split(path.sep).join('/');
    it(`${rel} raises only what it is meant to`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const { doc, svc } = analyze(text, pathToFileURL(file).href);
      const own = declared(text);
      const found = svc
        .diagnostics(doc)
        .map((d) => `${d.code} ${d.range.start.line}` + (own ? ` ${SEVERITY_NAMES[d.severity ?? 0]}` : ''));
      assert.deepEqual(
        found,
        own ?? EXPECTED[rel] ?? [],
        svc
          .diagnostics(doc)
          .map((d) => `${d.range.start.line}: ${d.message}`)
          .join('\n'),
      );
    });
  }
});
