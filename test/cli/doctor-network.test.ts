/** dsm-lint doctor and the network: a real listener on 127.0.0.1, a port just closed, a name that cannot resolve. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'net';
import { tree } from './helpers';
import { BIN, doctor, finding, sysFor } from './doctorHelpers';

function listen(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer((s) => s.destroy());
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
const portOf = (s: net.Server) => (s.address() as net.AddressInfo).port;
const close = (s: net.Server) => new Promise<void>((r) => s.close(() => r()));

describe('dsm-lint doctor: the server and the inbound port', () => {
  let open: net.Server;
  let closedPort: number;
  before(async () => {
    open = await listen();
    const gone = await listen();
    closedPort = portOf(gone);
    await close(gone);
  });
  after(() => close(open));

  const run = async (sys: string, args: string[] = []) => {
    const t = tree({ [`${BIN}/dsm.sys`]: sys, [`${BIN}/dsm.opt`]: 'SErvername local\n' });
    try {
      return await doctor(['--root', t.dir, '-f', 'json', ...args]);
    } finally {
      t.cleanup();
    }
  };

  it('a listener on 127.0.0.1 gives "connected"', async () => {
    const r = await run(sysFor(portOf(open)));
    assert.equal(r.json?.stanzas[0].connection, 'connected', r.stdout);
    assert.equal(r.json?.stanzas[0].port, portOf(open));
    assert.ok(finding(r, 'doctor-server-connected'));
  });

  it('a closed port gives "refused", an error at the TCPSERVERADDRESS line', async () => {
    const r = await run(sysFor(closedPort));
    assert.equal(r.json?.stanzas[0].connection, 'refused', r.stdout);
    const f = finding(r, 'doctor-server-refused');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.line, 2);
    assert.equal(r.status, 1);
  });

  it('a name that cannot resolve gives "name not resolved"; --no-network tries nothing', async () => {
    const sys = sysFor(1500).replace('127.0.0.1', 'no-such-host.invalid');
    const r = await run(sys, ['--timeout', '3']);
    assert.equal(r.json?.stanzas[0].connection, 'name not resolved', r.stdout);
    assert.ok(finding(r, 'doctor-server-unresolved'));
    const skipped = await run(sys, ['--no-network']);
    assert.equal(skipped.json?.stanzas[0].connection, 'not checked');
    assert.ok(finding(skipped, 'doctor-network-skipped'));
  });

  it('PROMPTED: says which inbound port must be open, and whether anything listens there', async () => {
    const listening = await run(
      sysFor(portOf(open), ['   SCHEDMODe          PROMPTED', `   TCPCLIENTPort      ${portOf(open)}`]),
      ['--no-network'],
    );
    assert.equal(listening.json?.stanzas[0].inboundPort, portOf(open), listening.stdout);
    assert.equal(listening.json?.stanzas[0].listening, true);
    assert.match(
      finding(listening, 'doctor-inbound-port')!.message,
      new RegExp(`TCP port ${portOf(open)}, which must be open inbound`),
    );

    const deaf = await run(
      sysFor(portOf(open), ['   SESSIONINITiation  SERVEROnly', `   TCPCLIENTPort      ${closedPort}`]),
      ['--no-network'],
    );
    assert.equal(deaf.json?.stanzas[0].listening, false, deaf.stdout);
    const f = finding(deaf, 'doctor-inbound-not-listening');
    assert.match(f!.message, /^SESSIONINITIATION SERVERONLY: .* port \d+, but nothing listens there/);
    assert.equal(f!.line, 7);
  });
});
