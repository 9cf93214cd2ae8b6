import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkSettings } from '../../server/src/service/settings';
import { analyze, fixture } from './helpers';

describe('settings', () => {
  it('takes valid settings as they are', () => {
    const { settings, problems } = checkSettings({
      serverCatalog: { mode: 'replace', servers: [{ address: 'tsm.example.edu', tier: 'Gold', port: 1600 }] },
      optionsFileLayout: 'windows',
    });
    assert.deepEqual(problems, []);
    assert.equal(settings.serverCatalog.mode, 'replace');
    assert.equal(settings.optionsFileLayout, 'windows');
  });

  it('reports each bad value in a sentence and keeps the rest', () => {
    const { settings, problems } = checkSettings({
      serverCatalog: {
        mode: 'merge',
        servers: [{ address: 'ok.example', port: 1500 }, { address: 'bad port', port: 99999 }, 7],
      },
      optionsFileLayout: 'mac',
    });
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.deepEqual(settings.serverCatalog.servers, [{ address: 'ok.example', tier: 'site server', port: 1500 }]);
    assert.equal(settings.serverCatalog.mode, 'extend');
    assert.equal(settings.optionsFileLayout, 'auto');
    assert.match(checkSettings('nonsense').problems[0], /defaults/);
    assert.deepEqual(checkSettings(undefined).problems, []);
  });
});

describe('settings with keys of every object (found by a drawn property-test seed)', () => {
  it('reports valueOf, constructor and __proto__ as unknown keys of dsm.severity, and keeps none of them', () => {
    const raw = JSON.parse(
      '{"severity": {"valueOf": "", "constructor": "off", "__proto__": {"schedmode-missing": "off"}}}',
    );
    const { settings, problems } = checkSettings(raw);
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.ok(
      problems.every((p) => /takes no "(valueOf|constructor|__proto__)"/.test(p)),
      problems.join('\n'),
    );
    assert.equal(Object.getPrototypeOf(settings.severity), Object.prototype);
    assert.equal(Object.prototype.hasOwnProperty.call(settings.severity, 'schedmode-missing'), false);
  });
});

describe('outline and folding', () => {
  it('lists stanzas with their options, and the options before them', () => {
    const { doc, svc } = analyze(fixture('two-stanzas.dsm.sys'));
    const symbols = svc.documentSymbols(doc);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['DEFAULTSERVER', 'bucky5', 'archive'],
    );
    assert.deepEqual(
      symbols[1].children!.map((c) => c.name),
      ['COMMMETHOD', 'TCPSERVERADDRESS', 'TCPPORT', 'PASSWORDACCESS', 'SCHEDMODE', 'NODENAME', 'MANAGEDSERVICES'],
    );
    assert.equal(symbols[1].range.start.line, 3);
    assert.equal(symbols[1].range.end.line, 10);
    assert.equal(symbols[2].range.end.line, 17);
  });

  it('folds each stanza and each block of comment lines', () => {
    const { doc, svc } = analyze('* a\n* b\nSErvername x\n  NODename n\n\n  * c\n');
    assert.deepEqual(svc.foldingRanges(doc), [
      { startLine: 2, endLine: 5 },
      { startLine: 0, endLine: 1, kind: 'comment' },
    ]);
  });
});
