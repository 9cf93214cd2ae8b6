import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { MarkupContent, Position } from 'vscode-languageserver-types';
import { OptionTable, OptionTableData, builtinOptionTable } from '../../server/src/model/optionTable';
import { minimumLength } from '../../server/src/model/abbreviations';
import { analyze } from './helpers';

const DATA = path.join(__dirname, '..', '..', '..', 'server', 'src', 'data');
const raw = JSON.parse(fs.readFileSync(path.join(DATA, 'options.json'), 'utf8')) as OptionTableData;
const table = builtinOptionTable();

describe('the option table', () => {
  it('is valid against its schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(DATA, 'options.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(raw), JSON.stringify(validate.errors, null, 2));
  });

  it("covers IBM's client options: a few hundred, with the options every file uses", () => {
    assert.ok(raw.options.length >= 250, `${raw.options.length} options`);
    for (const name of [
      'SErvername',
      'DEFAULTServer',
      'SCHEDMODe',
      'TCPServeraddress',
      'TCPPort',
      'INCLUDE',
      'EXCLUDE.DIR',
      'REPLSERVERName',
      'DOMain',
      'INCLExcl',
    ]) {
      assert.ok(table.lookup(name), name);
    }
  });

  it('has unique names and a description, page, place and platform for each', () => {
    const seen = new Set<string>();
    for (const o of raw.options) {
      assert.ok(!seen.has(o.name.toLowerCase()), `duplicate ${o.name}`);
      seen.add(o.name.toLowerCase());
      assert.ok(o.description.length > 10 && o.ibmPage && o.where.length && o.platforms.length, o.name);
    }
  });

  it('round-trips through the loader: every full name and every minimum abbreviation resolves to its own option', () => {
    const reloaded = new OptionTable(JSON.parse(JSON.stringify(raw)));
    for (const o of raw.options) {
      const min = o.name.slice(0, Math.max(1, minimumLength(o.name)));
      assert.equal(reloaded.lookup(o.name)?.name, o.name, o.name);
      assert.equal(reloaded.lookup(o.name.toLowerCase())?.name, o.name, o.name);
      assert.equal(reloaded.lookup(min)?.name, o.name, `minimum abbreviation ${min} of ${o.name}`);
    }
  });

  it('has keyword values whose minimum abbreviations do not collide within an option', () => {
    for (const o of raw.options) {
      for (const k of table.keywords(o)) {
        const min = k.slice(0, Math.max(1, minimumLength(k)));
        assert.deepEqual(table.resolveKeyword(o, min), { kind: 'match', item: k }, `${o.name} ${k}`);
      }
    }
  });

  it('places SSLREQuired and SSLFIPSMODE where IBM says, "the client options file": a dsm.sys stanza or either dsm.opt', () => {
    // IBM names no platform for them (unlike TCPPort: "dsm.sys within a server stanza" on UNIX, dsm.opt on Windows).
    for (const name of ['SSLREQuired', 'SSLFIPSMODE']) {
      assert.deepEqual(table.lookup(name)?.where, ['sys-stanza', 'opt-unix', 'opt-windows'], name);
    }
    assert.deepEqual(table.lookup('TCPPort')?.where, ['sys-stanza', 'opt-windows']);
  });

  it('has number ranges that hold their own defaults', () => {
    for (const o of raw.options) {
      const v = o.value;
      if (v.type !== 'number' || o.default === null || !/^\d+$/.test(o.default)) continue;
      const n = Number(o.default);
      assert.ok((v.min === undefined || n >= v.min) && (v.max === undefined || n <= v.max), `${o.name} default ${n}`);
    }
  });
});

describe('hover and completion cover every option', () => {
  it("hover documents every option name, with IBM's page as a link (or why it is unconfirmed)", () => {
    for (const o of table.options) {
      const line = `${o.name} x`;
      const uri =
        o.where.includes('sys-stanza') || o.where.includes('sys-global')
          ? 'file:///etc/dsm.sys'
          : 'file:///etc/dsm.opt';
      const { doc, svc } = analyze(line, uri);
      const h = svc.hover(doc, Position.create(0, 1));
      assert.ok(h, o.name);
      const text = (h.contents as MarkupContent).value;
      if (o.name === 'SCHEDMODe') continue;
      if (o.source) assert.ok(text.includes(`](${o.source.url})`), o.name);
      else assert.ok(text.includes('Not confirmed against IBM') && text.includes(o.ibmPage), `${o.name}: ${text}`);
    }
  });

  it('completion offers every option in at least one kind of file', () => {
    const offered = new Set<string>();
    for (const [text, uri] of [
      ['\n', 'file:///etc/dsm.sys'],
      ['SErvername a\n\n', 'file:///etc/dsm.sys'],
      ['\n', 'file:///etc/dsm.opt'],
      ['NODename x\nTCPPort 1500\n\n', 'file:///c/dsm.opt'],
    ] as const) {
      const { doc, svc } = analyze(text, uri);
      for (const item of svc.completion(doc, Position.create(text.split('\n').length - 1, 0))) offered.add(item.label);
    }
    for (const o of table.options) assert.ok(offered.has(o.name.toUpperCase()), o.name);
  });
});
