/** dsm.explainPath over the protocol: an open dsm.sys stanza with the INCLEXCL file it names (read through the client), an include-exclude file, and bad arguments. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { LspClient, SERVER } from './lspClient';
import { VSCODE } from './profiles';

const SYS = 'file:///etc/tsm/dsm.sys';
const INCLEXCL = 'file:///etc/tsm/inclexcl.nfs';
const SYS_TEXT = [
  'SErvername  first',
  '   TCPServeraddress a.example.org',
  '   INCLExcl /etc/tsm/inclexcl.nfs',
  '   include /home/*/keep/* keepmc',
  'SErvername  second',
  '   TCPServeraddress b.example.org',
  '   exclude /home/.../*',
  '',
].join('\n');
const INCLEXCL_TEXT = 'exclude.dir /home/*/cache\nexclude /home/.../*\n';

type Answer = {
  path: string;
  decision: string;
  by: { uri: string; line: number; text: string } | null;
  managementClass?: string;
  reason: string;
  stanza?: string;
};

for (const transport of ['stdio', 'in-process'] as const)
  describe(`dsm.explainPath over the protocol (${transport})`, () => {
    let client: LspClient;
    const explain = (args: unknown[]) =>
      client.request<Answer>('workspace/executeCommand', { command: 'dsm.explainPath', arguments: args });

    before(async () => {
      assert.ok(fs.existsSync(SERVER), 'run npm run build first');
      client = new LspClient({ transport });
      const { capabilities } = await client.initialize(VSCODE.capabilities, {
        ...VSCODE.initializationOptions,
        fileAccess: true,
      });
      assert.ok((capabilities.executeCommandProvider as { commands: string[] }).commands.includes('dsm.explainPath'));
      client.files.set(INCLEXCL, INCLEXCL_TEXT);
      await client.open(SYS, SYS_TEXT);
    });
    after(async () => client.stop());

    it('answers with the deciding line of the stanza and its management class', async () => {
      const a = await explain([SYS, '/home/ann/keep/notes', { stanza: 'first' }]);
      assert.deepEqual(
        { decision: a.decision, by: a.by, managementClass: a.managementClass, stanza: a.stanza },
        {
          decision: 'included',
          by: { uri: SYS, line: 3, text: 'include /home/*/keep/* keepmc' },
          managementClass: 'keepmc',
          stanza: 'first',
        },
      );
      assert.match(a.reason, /bottom up/);
    });

    it('reads the INCLEXCL file through the client, in the place of its line', async () => {
      const a = await explain([SYS, '/home/ann/other', { stanza: 'first', operation: 'backup' }]);
      assert.deepEqual([a.decision, a.by], ['excluded', { uri: INCLEXCL, line: 1, text: 'exclude /home/.../*' }]);
      const dir = await explain([SYS, '/home/ann/cache/keep/x', { stanza: 'first' }]);
      assert.deepEqual([dir.decision, dir.by?.line, dir.by?.uri], ['excluded', 0, INCLEXCL]);
    });

    it('answers archive apart from backup: a plain EXCLUDE does not keep a file out of archive', async () => {
      const a = await explain([SYS, '/home/ann/x', { stanza: 'second', operation: 'archive' }]);
      assert.deepEqual([a.decision, a.by], ['included', null]);
    });

    it('explains a path of an include-exclude file that is not open', async () => {
      const a = await explain([INCLEXCL, '/srv/www/index.html']);
      assert.deepEqual([a.path, a.decision, a.by], ['/srv/www/index.html', 'included', null]);
    });

    it('answers bad arguments with an error that says what the command takes, and stays up', async () => {
      await assert.rejects(explain([SYS]), /takes \[uri, path\]/);
      await assert.rejects(explain([SYS, '/x', { operation: 'restore' }]), /takes \[uri, path\]/);
      await assert.rejects(explain([SYS, '/x']), /several server stanzas/);
      await assert.rejects(explain(['file:///nowhere/dsm.sys', '/x']), /Cannot read/);
      assert.equal((await explain([SYS, '/home/y', { stanza: 'second' }])).decision, 'excluded');
    });
  });
