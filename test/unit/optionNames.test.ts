/**
 * Options are named by their typed identifiers (Opt.SCHEDMODE), never by a
 * string: a misspelt string reads as "not set", silently. This test fails
 * when a feature or rule of the language service names an option by a
 * string literal, and when the generated identifiers are stale.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { builtinOptionTable } from '../../server/src/model/optionTable';
import { Opt } from '../../server/src/model/opt';

const repo = path.resolve(__dirname, '../../..');
const serviceDir = path.join(repo, 'server/src/service');

/** Words that are option names but mean something else where they are written: a file kind, the catalog setting's merge mode. */
const NOT_OPTIONS = new Set(['inclexcl', 'replace']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The string literals of a TypeScript source that hold an option's full name (in any case), with their lines. */
export function optionLiterals(text: string, names: ReadonlySet<string>): { line: number; literal: string }[] {
  const found: { line: number; literal: string }[] = [];
  const literal = /(['"`])([A-Za-z][A-Za-z0-9.]*)\1/g;
  text.split('\n').forEach((lineText: string, i) => {
    if (/^\s*(\*|\/\/|\/\*)/.test(lineText)) return; // comments
    lineText = lineText.replace(/\s\/\/ .*$/, ''); // trailing comments
    for (const m of lineText.matchAll(literal)) {
      const word = m[2].toLowerCase();
      if (names.has(word) && !NOT_OPTIONS.has(word)) found.push({ line: i + 1, literal: m[0] });
    }
  });
  return found;
}

const names = new Set(builtinOptionTable().options.map((o) => o.name.toLowerCase()));

test('the checker of this test finds an option named by a string', () => {
  assert.deepEqual(optionLiterals(`  if (isOption(o, 'schedmode')) return;\n  const x = "TCPPort";`, names), [
    { line: 1, literal: "'schedmode'" },
    { line: 2, literal: '"TCPPort"' },
  ]);
  assert.deepEqual(
    optionLiterals(
      `  if (kind === 'inclexcl') return; // 'schedmode' in a comment is prose\n  const x = Opt.SCHEDMODE;`,
      names,
    ),
    [],
  );
});

test('no feature or rule of the language service names an option by a string literal', () => {
  const offenders = sources(serviceDir).flatMap((file) =>
    optionLiterals(readFileSync(file, 'utf8'), names).map(
      (f) => `${path.relative(repo, file)}:${f.line}: ${f.literal}`,
    ),
  );
  assert.deepEqual(offenders, [], 'use Opt.<NAME> from server/src/model/opt.ts');
});

test('Opt has one identifier per option of the table, and it is up to date', () => {
  assert.equal(Object.keys(Opt).length, builtinOptionTable().options.length);
  execFileSync(process.execPath, [path.join(repo, 'scripts/generate-opt.mjs'), '--check'], { stdio: 'pipe' });
});
