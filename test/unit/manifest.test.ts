/** package.json and the code say the same thing: diagnostic codes, severity levels, settings, commands. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { CODES, COMMANDS, LEVELS } from '../../server/src/service/codes';
import { SETTINGS_SCHEMA } from '../../server/src/service/settings';
import { SUPPORTED_KEYWORDS, keywordsOf } from '../../server/src/util/jsonSchema';
import {
  INCLEXCL_FILE_GLOBS,
  isInclExclName,
  isOptionFileName,
  kindFromName,
  templateDialect,
} from '../../server/src/parser/fileKind';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const properties = pkg.contributes.configuration.properties;

describe('package.json agrees with the code', () => {
  it('dsm.severity lists every diagnostic code, each with every level, and nothing else', () => {
    const severity = properties['dsm.severity'];
    assert.deepEqual(Object.keys(severity.properties).sort(), Object.keys(CODES).sort());
    for (const [code, schema] of Object.entries(severity.properties as Record<string, { enum: string[] }>)) {
      assert.deepEqual(schema.enum, Object.keys(LEVELS), `levels of ${code}`);
    }
    assert.equal(severity.additionalProperties, false);
  });

  it('the server reads its settings from that same schema, which uses only keywords the checker understands', () => {
    assert.deepEqual(SETTINGS_SCHEMA, properties);
    for (const [key, schema] of Object.entries(properties as Record<string, object>)) {
      const unknown = [...keywordsOf(schema)].filter((k) => !SUPPORTED_KEYWORDS.has(k));
      assert.deepEqual(unknown, [], `${key} uses keywords the settings checker ignores`);
    }
  });

  it('contributes the client-side command the server offers, and hides it from the palette', () => {
    assert.ok(pkg.contributes.commands.some((c: { command: string }) => c.command === COMMANDS.addKnownOption));
    assert.ok(
      pkg.contributes.menus.commandPalette.some(
        (m: { command: string; when: string }) => m.command === COMMANDS.addKnownOption && m.when === 'false',
      ),
    );
  });

  it('opens every include-exclude file the server recognises by name in the dsm language (VS Code matches these patterns without case)', () => {
    const patterns: string[] = pkg.contributes.languages[0].filenamePatterns;
    for (const glob of INCLEXCL_FILE_GLOBS) assert.ok(patterns.includes(glob), `${glob} is not a filenamePattern`);
    for (const pattern of patterns.filter((p) => p.startsWith('*.{'))) {
      const [name, template] = pattern.slice(2).split('.');
      for (const n of name.slice(1, -1).split(','))
        for (const t of template.slice(1, -1).split(','))
          assert.ok(isInclExclName(`file:///x/a.${n}.${t}`), `a.${n}.${t}`);
    }
  });

  it('opens every template of an option file the server reads as one (dsm.sys.j2, dsm_nightly.opt.erb, ...)', () => {
    const lang = pkg.contributes.languages[0];
    // dsm-lint picks from a folder the files VS Code opens as dsm, and passes over other *.sys files.
    for (const f of lang.filenames) assert.ok(isOptionFileName(`file:///x/${f}`), f);
    assert.ok(!isOptionFileName('file:///x/tcpip.sys') && isOptionFileName('file:///x/dsm_nightly.opt.erb'));
    const names: string[] = lang.filenames.filter((f: string) => templateDialect(`file:///x/${f}`));
    assert.ok(names.length >= 12, names.join(' '));
    for (const f of names) assert.ok(kindFromName(`file:///x/${f}`) !== undefined, f);
    const pattern = lang.filenamePatterns.find((p: string) => p.startsWith('dsm*.opt.{'));
    for (const t of pattern.slice('dsm*.opt.{'.length, -1).split(',')) {
      assert.ok(templateDialect(`file:///x/dsm_nightly.opt.${t}`), t);
      assert.equal(kindFromName(`file:///x/dsm_nightly.opt.${t}`), 'opt', t);
    }
  });
});
