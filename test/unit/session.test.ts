/** The server's bookkeeping, without a connection: the document store and the validator. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore, Parser } from '../../server/src/session/documentStore';
import { Clock, MAX_PUBLISHED_DIAGNOSTICS, Validator } from '../../server/src/session/validator';
import type { DsmDocument } from '../../server/src/parser/types';
import { service } from './helpers';
import { entriesOf } from '../../server/src/parser/document';

/** The language service as the store's parser, counting whole parses and line re-parses. */
function countingParser() {
  const svc = service();
  const counts = { parse: 0, reparsedLines: 0 };
  const parser: Parser = {
    parse: (text, uri) => (counts.parse++, svc.parse(text, uri)),
    reparse: (doc, text, changed) => ((counts.reparsedLines += changed.size), svc.reparse(doc, text, changed)),
  };
  return { parser, counts, svc };
}

const URI = 'file:///etc/dsm.sys';
const TEXT = 'SErvername a\n  TCPServeraddress bucky5.doit.wisc.edu\n  SCHEDMODE PROMPTED\n';
const at = (line: number, character: number) => ({ line, character });

describe('the document store', () => {
  it('parses a document once per version', () => {
    const { parser, counts } = countingParser();
    const store = new DocumentStore(() => parser);
    store.open(URI, 'dsm', 1, TEXT);
    const first = store.parsed(URI);
    assert.equal(store.parsed(URI), first);
    assert.equal(counts.parse, 1);
    assert.equal(first?.stanzas[0].name, 'a');
  });

  it('re-parses only the lines that changed in place, and gives what a whole parse gives', () => {
    const { parser, counts, svc } = countingParser();
    const store = new DocumentStore(() => parser);
    store.open(URI, 'dsm', 1, TEXT);
    store.parsed(URI);
    store.change(URI, 2, [{ range: { start: at(2, 12), end: at(2, 20) }, text: 'POLLING' }]);
    store.change(URI, 3, [{ range: { start: at(0, 11), end: at(0, 12) }, text: 'b' }]);
    const doc = store.parsed(URI)!;
    assert.deepEqual([counts.parse, counts.reparsedLines], [1, 2]);
    const whole = svc.parse(store.get(URI)!.getText(), URI);
    assert.deepEqual(shape(doc), shape(whole));
    assert.equal(
      store.get(URI)!.getText(),
      'SErvername b\n  TCPServeraddress bucky5.doit.wisc.edu\n  SCHEDMODE POLLING\n',
    );
  });

  it('parses the whole document again after a line break is added or removed', () => {
    const { parser, counts } = countingParser();
    const store = new DocumentStore(() => parser);
    store.open(URI, 'dsm', 1, TEXT);
    store.parsed(URI);
    store.change(URI, 2, [{ range: { start: at(1, 0), end: at(1, 0) }, text: '  NODename n\n' }]);
    assert.equal(store.parsed(URI)!.options.length, 4);
    assert.deepEqual([counts.parse, counts.reparsedLines], [2, 0]);
  });

  it('finds an open document however its URI is spelt', () => {
    const { parser } = countingParser();
    const store = new DocumentStore(() => parser);
    store.open('file:///c%3A/tsm/dsm.sys', 'dsm', 1, TEXT);
    assert.equal(store.find('file:///c:/tsm/dsm.sys')?.uri, 'file:///c%3A/tsm/dsm.sys');
    assert.equal(store.find('file:///c:/tsm/dsm.opt'), undefined);
  });

  it('ignores changes to documents that are not open, and forgets closed ones', () => {
    const { parser } = countingParser();
    const store = new DocumentStore(() => parser);
    assert.equal(store.change(URI, 2, [{ text: 'x' }]), undefined);
    store.open(URI, 'dsm', 1, TEXT);
    assert.equal(store.close(URI), true);
    assert.equal(store.parsed(URI), undefined);
    assert.deepEqual(store.all(), []);
  });

  it('parses every document again after reparseAll (settings changed)', () => {
    const { parser, counts } = countingParser();
    const store = new DocumentStore(() => parser);
    store.open(URI, 'dsm', 1, TEXT);
    store.parsed(URI);
    store.reparseAll();
    store.parsed(URI);
    assert.equal(counts.parse, 2);
  });
});

/** What a test compares of two parses: every line's kind, name and value words, and the stanzas. */
function shape(doc: DsmDocument) {
  return {
    entries: entriesOf(doc).map((e) =>
      e.kind === 'option'
        ? [e.line, e.name.text, e.values.map((w) => w.text)]
        : e.kind === 'comment'
          ? [e.line, e.text]
          : [e.line],
    ),
    stanzas: doc.stanzas.map((s) => [s.name, s.header.line, s.endLine]),
  };
}

/** A clock the test moves by hand. */
class ManualClock implements Clock {
  private now = 0;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private next = 1;
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.push({ at: this.now + ms, run, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    this.now += ms;
    const due = this.timers.filter((t) => t.at <= this.now);
    this.timers = this.timers.filter((t) => t.at > this.now);
    for (const t of due) t.run();
  }
}

function validatorWith(versions: Map<string, number>, diagnose: (uri: string) => unknown[] = () => []) {
  const clock = new ManualClock();
  const published: { uri: string; version?: number; count: number }[] = [];
  const logs: string[] = [];
  const validator = new Validator(
    {
      version: (uri) => versions.get(uri),
      diagnose: (uri) => diagnose(uri) as never,
      publish: (uri, version, diagnostics) => published.push({ uri, version, count: diagnostics.length }),
      log: (m) => logs.push(m),
    },
    200,
    clock,
  );
  return { validator, clock, published, logs };
}

describe('the validator', () => {
  it('checks at once when asked to, and after the pause in typing otherwise', () => {
    const versions = new Map([[URI, 1]]);
    const { validator, clock, published } = validatorWith(versions);
    validator.schedule(URI, true);
    assert.deepEqual(published, [{ uri: URI, version: 1, count: 0 }]);
    versions.set(URI, 2);
    validator.schedule(URI);
    clock.advance(199);
    assert.equal(published.length, 1);
    assert.equal(validator.pending(URI), true);
    clock.advance(1);
    assert.deepEqual(published[1], { uri: URI, version: 2, count: 0 });
  });

  it('checks a burst of changes once, at the version current when it runs', () => {
    const versions = new Map([[URI, 1]]);
    const { validator, clock, published } = validatorWith(versions);
    for (let v = 2; v <= 6; v++) {
      versions.set(URI, v);
      validator.schedule(URI);
      clock.advance(100);
    }
    clock.advance(200);
    assert.deepEqual(published, [{ uri: URI, version: 6, count: 0 }]);
  });

  it('publishes nothing for a document closed before its check ran', () => {
    const versions = new Map([[URI, 1]]);
    const { validator, clock, published } = validatorWith(versions);
    validator.schedule(URI);
    validator.cancel(URI);
    versions.delete(URI);
    clock.advance(1000);
    assert.deepEqual(published, []);
  });

  it('caps what it publishes, and logs a check that throws instead of stopping', () => {
    const versions = new Map([
      [URI, 1],
      ['file:///bad/dsm.sys', 1],
    ]);
    const { validator, published, logs } = validatorWith(versions, (uri) => {
      if (uri.includes('bad')) throw new Error('boom');
      return new Array(MAX_PUBLISHED_DIAGNOSTICS + 5).fill({});
    });
    validator.schedule('file:///bad/dsm.sys', true);
    validator.schedule(URI, true);
    assert.deepEqual(published, [{ uri: URI, version: 1, count: MAX_PUBLISHED_DIAGNOSTICS }]);
    assert.match(logs.join('\n'), /checking file:\/\/\/bad\/dsm.sys failed: Error: boom/);
    assert.match(logs.join('\n'), /1005 problems; only the first 1000 are shown/);
  });
});
