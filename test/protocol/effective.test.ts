/** dsm.effectiveOptions over the protocol: a stanza of an open dsm.sys, a UNIX dsm.opt with the dsm.sys beside it read through the client, and bad arguments. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { LspClient, SERVER } from './lspClient';
import { MINIMAL, VSCODE } from './profiles';

const SYS = 'file:///etc/tsm/dsm.sys';
const OPT = 'file:///etc/tsm/dsm.opt';
const SYS_TEXT =
  'DEFAULTServer second\nSErvername first\n   TCPServeraddress bucky5.doit.wisc.edu\n   SCHEDMODe PROMPTED\nSErvername second\n   TCPServeraddress bl1.doit.wisc.edu\n   QUERYSCHedperiod 6\n';

type Entry = {
  name: string;
  value: string;
  source: { uri: string; line: number } | 'default';
  serverOverride?: string;
};

const command = (client: LspClient, args: unknown[]) =>
  client.request<Entry[]>('workspace/executeCommand', { command: 'dsm.effectiveOptions', arguments: args });

for (const transport of ['stdio', 'in-process'] as const)
  describe(`dsm.effectiveOptions over the protocol (${transport})`, () => {
    let client: LspClient;

    before(async () => {
      assert.ok(fs.existsSync(SERVER), 'run npm run build first');
      client = new LspClient({ transport });
      const { capabilities } = await client.initialize(VSCODE.capabilities, {
        ...VSCODE.initializationOptions,
        fileAccess: true,
      });
      assert.ok(
        (capabilities.executeCommandProvider as { commands: string[] }).commands.includes('dsm.effectiveOptions'),
      );
      await client.open(SYS, SYS_TEXT);
    });
    after(async () => client.stop());

    it('answers the DEFAULTServer stanza of an open dsm.sys, each option with its line and the server command that can override it', async () => {
      assert.deepEqual(await command(client, [SYS]), [
        { name: 'SErvername', value: 'second', source: { uri: SYS, line: 4 } },
        { name: 'TCPServeraddress', value: 'bl1.doit.wisc.edu', source: { uri: SYS, line: 5 } },
        { name: 'QUERYSCHedperiod', value: '6', source: { uri: SYS, line: 6 }, serverOverride: 'SET QUERYSCHEDPERIOD' },
      ]);
    });

    it('answers the stanza named, with the defaults when asked', async () => {
      const entries = await command(client, [SYS, { stanza: 'first', defaults: true }]);
      assert.deepEqual(
        entries.find((e) => e.name === 'SCHEDMODe'),
        { name: 'SCHEDMODe', value: 'PROMPTED', source: { uri: SYS, line: 3 }, serverOverride: 'SET SCHEDMODES' },
      );
      assert.deepEqual(
        entries.find((e) => e.name === 'TCPPort'),
        { name: 'TCPPort', value: '1500', source: 'default' },
      );
    });

    it('answers a UNIX dsm.opt that is not open with the stanza it selects in the dsm.sys beside it, both read as needed', async () => {
      client.files.set(OPT, 'SErvername first\nDOMain /home\n');
      const entries = await command(client, [OPT]);
      assert.deepEqual(
        entries.map((e) => [e.name, e.value, e.source]),
        [
          ['SErvername', 'first', { uri: SYS, line: 1 }],
          ['TCPServeraddress', 'bucky5.doit.wisc.edu', { uri: SYS, line: 2 }],
          ['SCHEDMODe', 'PROMPTED', { uri: SYS, line: 3 }],
          ['DOMain', '/home', { uri: OPT, line: 1 }],
        ],
      );
    });

    it('answers the text dsm-lint show prints when asked for text (what the VS Code document shows)', async () => {
      const text = await client.request<string>('workspace/executeCommand', {
        command: 'dsm.effectiveOptions',
        arguments: [SYS, { line: 2, text: true }],
      });
      assert.match(text, /^Effective options: stanza first of dsm\.sys$/m);
      assert.match(text, /^ +SCHEDMODE: PROMPTED +line 4; server: SET SCHEDMODES$/m);
    });

    it('answers bad arguments with an error that says what the command takes, and stays up', async () => {
      await assert.rejects(command(client, [42]), /takes the URI of a dsm\.sys or dsm\.opt/);
      await assert.rejects(command(client, [SYS, { defaults: 'yes' }]), /takes the URI of a dsm\.sys or dsm\.opt/);
      await assert.rejects(
        command(client, [SYS, { stanza: 'nope' }]),
        /No stanza named nope in dsm\.sys\. Stanzas: first, second\./,
      );
      await assert.rejects(command(client, ['file:///nowhere/dsm.sys']), /Cannot read/);
      assert.equal((await command(client, [SYS])).length, 3);
    });
  });

describe('dsm.effectiveOptions for an editor with no extras', () => {
  it('answers on an open document', async () => {
    const client = new LspClient({ transport: 'stdio' });
    try {
      await client.initialize(MINIMAL.capabilities);
      await client.open(SYS, SYS_TEXT);
      const entries = await command(client, [SYS, { stanza: 'FIRST' }]);
      assert.deepEqual(
        entries.map((e) => e.name),
        ['SErvername', 'TCPServeraddress', 'SCHEDMODe'],
      );
    } finally {
      await client.stop();
    }
  });
});
