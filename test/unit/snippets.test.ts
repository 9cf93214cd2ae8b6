import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Position, MarkupContent } from 'vscode-languageserver-types';
import { snippetFileText } from '../../server/src/model/snippetFile';
import { BUILTIN_SERVERS } from '../../server/src/model/serverCatalog';
import { analyze } from './helpers';

const FILE = path.join(__dirname, '..', '..', '..', 'snippets', 'dsm.code-snippets');

/** What an editor inserts when the user accepts every placeholder as it is. */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

describe('snippets', () => {
  const file = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;

  it('snippets/dsm.code-snippets is up to date with the server catalog (npm run generate:snippets)', () => {
    assert.equal(fs.readFileSync(FILE, 'utf8'), snippetFileText());
  });

  it('has a stanza and a flat variant for every catalogued server, found by typing bucky or stanza', () => {
    for (const server of BUILTIN_SERVERS) {
      const short = server.address.split('.')[0];
      const stanza = Object.values(file).find((s) => s.prefix.includes(`bucky-${short}`));
      const flat = Object.values(file).find((s) => s.prefix.includes(`bucky-${short}-opt`));
      assert.ok(stanza && flat, short);
      assert.ok(stanza.prefix.some((p) => p.startsWith('stanza')));
      assert.match(stanza.body[0], /^SErvername \$\{1:/);
      for (const required of ['COMMMETHOD', 'TCPSERVERADDRESS', 'TCPPORT', 'PASSWORDACCESS', 'SCHEDMODE', 'NODENAME']) {
        assert.ok(
          stanza.body.some((l) => l.trim().startsWith(required)),
          `${short}: ${required}`,
        );
      }
      assert.ok(
        stanza.body.some((l) => /NODENAME\s+\$\{2:/.test(l)),
        'NODENAME is a tab stop',
      );
    }
  });

  it('inserted into a dsm.sys, each stanza is warning-free and its port agrees with its server', () => {
    for (const [name, s] of Object.entries(file)) {
      if (!s.body[0].startsWith('SErvername')) continue;
      const text = expand(s.body);
      const { doc, svc } = analyze(text);
      assert.deepEqual(svc.diagnostics(doc), [], name);
      const h = svc.hover(doc, Position.create(2, 25));
      assert.match((h!.contents as MarkupContent).value, /agrees/, name);
    }
  });

  it('inserted into a complete dsm.opt, the flat variant is warning-free', () => {
    for (const [name, s] of Object.entries(file)) {
      if (s.body[0].startsWith('SErvername')) continue;
      const { doc, svc } = analyze(expand(s.body), 'file:///c/dsm.opt');
      assert.equal(doc.fileKind, 'opt-windows');
      assert.deepEqual(svc.diagnostics(doc), [], name);
    }
  });
});
