/** What the firewall must allow: the code lens, the stanza hover and the dsm.firewallRules text. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MarkupContent, Position } from 'vscode-languageserver-types';
import { analyze, service } from './helpers';
import { fill } from '../../server/src/service/features/firewallRules';

const SYS = 'file:///etc/tsm/dsm.sys';
const WIN = 'file:///C%3A/tsm/dsm.opt';
const VSCODE_DESKTOP = { client: { firewallRulesCommand: true, testConnectionCommand: true } };

function lenses(text: string, uri = SYS, options = {}) {
  const { doc, svc } = analyze(text, uri, service(undefined, options));
  return svc.codeLenses(doc).map((l) => ({
    line: l.range.start.line,
    title: l.command!.title,
    command: l.command!.command,
    args: l.command!.arguments,
  }));
}

function titles(text: string, uri = SYS): string[] {
  return lenses(text, uri).map((l) => l.title);
}

function rules(text: string, stanza?: string, uri = SYS): string {
  const { doc, svc } = analyze(text, uri);
  const r = svc.firewallRules(doc, stanza);
  assert.ok('text' in r, JSON.stringify(r));
  return r.text;
}

const STANZA = (body: string, name = 'BUCKY5') =>
  `SErvername  ${name}\n   TCPServeraddress   bucky5.doit.wisc.edu\n${body}`;

describe('firewall code lens', () => {
  it('a POLLING stanza: outbound TCP to the server address and its TCPPORT, on the header line', () => {
    const text = '* lab\n' + STANZA('   TCPPort            1503\n   SCHEDMODE          POLLING\n');
    assert.deepEqual(
      lenses(text).map((l) => [l.line, l.title]),
      [[1, 'Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1503']],
    );
  });

  it("without TCPPORT the client uses IBM's default, 1500", () => {
    assert.deepEqual(titles(STANZA('')), ['Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1500']);
    assert.match(rules(STANZA('')), /TCPPORT, default 1500/);
  });

  it('a PROMPTED stanza also gets the inbound rule, on TCPCLIENTPORT (default 1501), from the server', () => {
    assert.deepEqual(titles(STANZA('   tcpp 1503\n   SCHEDMODe PRompted\n')), [
      'Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1503; inbound TCP on port 1501 from the server',
    ]);
    assert.deepEqual(titles(STANZA('   tcpp 1503\n   SCHEDMODe PRompted\n   TCPCLIENTPort 1600\n')), [
      'Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1503; inbound TCP on port 1600 from the server',
    ]);
  });

  it('SESSIONINITIATION SERVERONLY: the server opens the sessions, inbound on TCPCLIENTPORT', () => {
    assert.match(titles(STANZA('   SESSIONINITiation SERVEROnly\n'))[0], /inbound TCP on port 1501 from the server/);
  });

  it('MANAGEDSERVICES webclient: inbound on HTTPPORT (default 1581) and on both WEBPORTS; random WEBPORTS get a note', () => {
    assert.deepEqual(titles(STANZA('   MANAGEDServices schedule webclient\n')), [
      'Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1500; inbound TCP on port 1581 (web client)',
    ]);
    assert.match(rules(STANZA('   MANAGEDServices webclient\n')), /Note: WEBPORTS does not fix both ports/);
    const fixed = STANZA('   MANAGEDServices WEBCLIENT SCHEDULE\n   HTTPport 1582\n   WEBPorts 1555 1556\n');
    assert.deepEqual(titles(fixed), [
      'Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1500; inbound TCP on ports 1582, 1555, 1556 (web client)',
    ]);
    assert.doesNotMatch(rules(fixed), /Note: WEBPORTS/);
    assert.deepEqual(titles(STANZA('   MANAGEDServices schedule\n')), [
      'Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1500',
    ]);
  });

  it('says when there is nothing to open: no address, or no TCP', () => {
    assert.deepEqual(titles('SErvername local\n   SCHEDMODE POLLING\n'), [
      'Firewall: nothing to open (No TCPSERVERADDRESS: the client looks for the server on its own machine, so no firewall rule is needed)',
    ]);
    assert.match(titles(STANZA('   COMMMethod SHAREdmem\n'))[0], /^Firewall: nothing to open \(COMMMETHOD SHAREDMEM/);
  });

  it('a fail-over (REPLSERVERNAME) stanza: outbound to the replication server', () => {
    const text =
      STANZA('   MYREPLICATIONServer repl1\n') +
      'REPLSERVERName repl1\n   REPLTCPServeraddress 10.0.0.9\n   REPLTCPPort 1700\n';
    assert.deepEqual(titles(text)[1], 'Firewall: allow outbound TCP to 10.0.0.9:1700');
  });

  it('a complete (Windows) dsm.opt: one lens, on its first option line; a UNIX dsm.opt: none', () => {
    const win = '* Windows options\nNODename pc\nTCPServeraddress bl1.doit.wisc.edu\nTCPPort 1501\nSCHEDMODE POLLING\n';
    assert.deepEqual(
      lenses(win, WIN).map((l) => [l.line, l.title, l.args]),
      [[1, 'Firewall: allow outbound TCP to bl1.doit.wisc.edu:1501', [WIN]]],
    );
    assert.deepEqual(lenses('SErvername BUCKY5\n', 'file:///etc/dsm.opt'), []);
  });

  it('VS Code on the desktop gets dsm.showFirewallRules and "Test connection"; other editors the server command only', () => {
    const text = STANZA('   TCPPort 1503\n');
    assert.deepEqual(
      lenses(text, SYS, VSCODE_DESKTOP).map((l) => [l.command, l.title, l.args]),
      [
        ['dsm.showFirewallRules', 'Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1503', [SYS, 'BUCKY5']],
        [
          'dsm.testConnection',
          'Test connection',
          [{ address: 'bucky5.doit.wisc.edu', port: 1503, label: 'stanza BUCKY5' }],
        ],
      ],
    );
    assert.deepEqual(
      lenses(text).map((l) => [l.command, l.args]),
      [['dsm.firewallRules', [SYS, 'BUCKY5']]],
    );
  });

  it('no "Test connection" where there is nothing to connect to', () => {
    assert.deepEqual(
      lenses('SErvername local\n   SCHEDMODE POLLING\n', SYS, VSCODE_DESKTOP).map((l) => l.command),
      ['dsm.showFirewallRules'],
    );
  });
});

describe('the stanza hover says the same', () => {
  it('hover on the stanza name lists each rule with what it is for', () => {
    const text = STANZA('   tcpp 1503\n   SCHEDMODe PROMPTED\n');
    const { doc, svc } = analyze(text);
    const h = svc.hover(doc, Position.create(0, 14));
    const value = (h!.contents as MarkupContent).value;
    assert.match(value, /\*\*Firewall\*\*: what the network must allow/);
    assert.match(value, /- allow outbound TCP to bucky5\\\.doit\\\.wisc\\\.edu\\:1503: every client session/);
    assert.match(
      value,
      /- allow inbound TCP on port 1501 from bucky5\\\.doit\\\.wisc\\\.edu: the server calls the prompted scheduler/,
    );
  });
});

describe('dsm.firewallRules', () => {
  const PROMPTED = STANZA('   tcpp 1503\n   SCHEDMODe PROMPTED\n   TCPCLIENTAddress 10.1.2.3\n');

  it('writes the rules for iptables, nftables, firewalld, ufw, New-NetFirewallRule and netsh', () => {
    const text = rules(PROMPTED, 'bucky5');
    for (const line of [
      'iptables -A OUTPUT -p tcp -d "$SERVER" --dport 1503 -m conntrack --ctstate NEW -j ACCEPT',
      'iptables -A INPUT -p tcp -s "$SERVER" -d 10.1.2.3 --dport 1501 -m conntrack --ctstate NEW -j ACCEPT',
      'nft add rule inet filter output ip daddr "$SERVER" tcp dport 1503 ct state new accept',
      'nft add rule inet filter input ip saddr "$SERVER" ip daddr 10.1.2.3 tcp dport 1501 ct state new accept',
      'firewall-cmd --permanent --add-rich-rule="rule family=\\"ipv4\\" source address=\\"$SERVER\\" destination address=\\"10.1.2.3\\" port port=\\"1501\\" protocol=\\"tcp\\" accept"',
      'ufw allow out proto tcp to "$SERVER" port 1503',
      'ufw allow in proto tcp from "$SERVER" to 10.1.2.3 port 1501',
      'New-NetFirewallRule -DisplayName "TSM client BUCKY5 inbound TCP 1501" -Direction Inbound -Protocol TCP -RemoteAddress $server -LocalAddress 10.1.2.3 -LocalPort 1501 -Action Allow',
      'netsh advfirewall firewall add rule name="TSM client BUCKY5 outbound TCP 1503" dir=out action=allow protocol=TCP remoteip=SERVER_ADDRESS remoteport=1503',
    ]) {
      assert.ok(text.split('\n').includes(line), `missing:\n${line}\n--- in ---\n${text}`);
    }
    assert.match(text, /^SERVER="\$\(getent ahostsv4 bucky5\.doit\.wisc\.edu \| awk '\{ print \$1; exit \}'\)"$/m);
    assert.match(text, /^\$server = \(Resolve-DnsName -Name bucky5\.doit\.wisc\.edu -Type A/m);
  });

  it('uses an IP address as it is, with no look-up, and "any" where no peer is known', () => {
    const text = rules('SErvername a\n   TCPServeraddress 192.0.2.10\n   MANAGEDServices webclient\n');
    assert.doesNotMatch(text, /getent|Resolve-DnsName|SERVER_ADDRESS/);
    assert.ok(
      text.includes('iptables -A OUTPUT -p tcp -d 192.0.2.10 --dport 1500 -m conntrack --ctstate NEW -j ACCEPT'),
    );
    assert.ok(text.includes('iptables -A INPUT -p tcp --dport 1581 -m conntrack --ctstate NEW -j ACCEPT'));
    assert.ok(text.includes('ufw allow in proto tcp from any to any port 1581'));
    assert.ok(
      text.includes(
        'netsh advfirewall firewall add rule name="TSM client a inbound TCP 1581" dir=in action=allow protocol=TCP localport=1581',
      ),
    );
  });

  it('finds the stanza by name in any case; may leave the name out when there is one server stanza, or for a Windows dsm.opt', () => {
    const two = STANZA('') + 'SErvername other\n   TCPServeraddress h2\n';
    assert.match(rules(two, 'Other'), /outbound TCP to h2:1500/);
    const { doc, svc } = analyze(two);
    assert.deepEqual(svc.firewallRules(doc), { error: 'Name one of the stanzas: BUCKY5, other.' });
    assert.deepEqual(svc.firewallRules(doc, 'nope'), {
      error: 'No stanza named nope in this file. Stanzas: BUCKY5, other.',
    });
    assert.match(rules(STANZA('')), /outbound TCP to bucky5\.doit\.wisc\.edu:1500/);
    assert.match(
      rules('NODename pc\nTCPServeraddress 10.0.0.5\nTCPPort 1501\n', undefined, WIN),
      /iptables -A OUTPUT -p tcp -d 10\.0\.0\.5 --dport 1501/,
    );
    const unix = analyze('SErvername BUCKY5\n', 'file:///etc/dsm.opt');
    assert.match(
      (unix.svc.firewallRules(unix.doc) as { error: string }).error,
      /UNIX dsm\.opt connects through the dsm\.sys stanza/,
    );
  });

  it('never lets what the file says reach a command line: addresses and ports are checked, comments cut down to plain characters', () => {
    const text =
      'SErvername x&del\n   TCPServeraddress $(reboot)\n   SCHEDMODE PROMPTED\nSErvername y|z\n   TCPServeraddress h\n   TCPPort 1500;reboot\n   TCPCLIENTAddress `id`\n   SESSIONINITiation SERVEROnly\n';
    for (const stanza of ['x&del', 'y|z']) {
      const out = rules(text, stanza);
      for (const line of out.split('\n')) {
        if (line.startsWith('#') || line.startsWith('REM')) assert.doesNotMatch(line, /[$&|<>`"%!^]/, line);
        else assert.doesNotMatch(line, /reboot|`id`|&del|y\|z/, line);
      }
    }
    assert.match(rules(text, 'x&del'), /nothing to open/);
  });
});

describe('fill: the rule templates', () => {
  it('fills placeholders, takes defaults, and drops a [[part]] whose placeholder has no value', () => {
    assert.equal(fill('a[[ -s {peer}]] --dport {port}', { port: '1', peer: 'h' }), 'a -s h --dport 1');
    assert.equal(fill('a[[ -s {peer}]] --dport {port}', { port: '1' }), 'a --dport 1');
    assert.equal(fill('from {peer|any} to {local|any}', { local: '10.0.0.1' }), 'from any to 10.0.0.1');
  });
});
