/**
 * The doctor's check of the server a stanza reaches: a TCP connection to
 * TCPSERVERADDRESS:TCPPORT, and for PROMPTED or SERVERONLY the port the
 * server calls this host on, and whether anything listens there.
 */
import { builtinOptionTable } from '../../model/optionTable';
import type { OptName } from '../../model/opt';
import { OPT, StanzaConfig } from './config';
import { schedmodeOf, sessionInitiationOf } from './hostChecks';
import { listeningPorts, probe } from './network';
import type { DoctorOptions, Finding, StanzaState } from './types';

/** An option's default, from the option table (IBM's pages): TCPPORT 1500, TCPCLIENTPORT 1501. */
const defaultOf = (name: OptName): string | undefined => builtinOptionTable().named(name)?.default ?? undefined;

/** The server of the stanza on its port; for PROMPTED or SERVERONLY, the port the server calls in on. */
export async function checkServer(
  stanza: StanzaConfig,
  options: DoctorOptions,
): Promise<{ findings: Finding[]; state: StanzaState }> {
  const findings: Finding[] = [];
  const address = stanza.get(OPT.address);
  const portSetting = stanza.get(OPT.port);
  const port = Number(portSetting?.value ?? defaultOf(OPT.port));
  const state: StanzaState = {
    name: stanza.name,
    file: stanza.file,
    line: stanza.line,
    address: address?.value,
    port,
    schedmode: schedmodeOf(stanza),
    sessionInitiation: sessionInitiationOf(stanza),
    connection: 'not checked',
  };
  findings.push(...(await connection(stanza, options, state)));
  findings.push(...inboundPort(stanza, state));
  return { findings, state };
}

/** The connection to the server, or why it was not tried. */
async function connection(stanza: StanzaConfig, options: DoctorOptions, state: StanzaState): Promise<Finding[]> {
  const findings: Finding[] = [];
  const address = stanza.get(OPT.address);
  const portSetting = stanza.get(OPT.port);
  const port = state.port;
  const where = { file: address?.file ?? stanza.file, line: address?.line ?? stanza.line };
  if (!address) {
    findings.push({
      code: 'doctor-server-no-address',
      severity: 'error',
      message: `stanza ${stanza.name} has no TCPSERVERADDRESS: the client does not know which server to reach.`,
      fix: "Add TCPSERVERADDRESS with the server's host name to the stanza.",
      ...where,
    });
  } else if (!Number.isInteger(port) || port < 1 || port > 65535) {
    findings.push({
      code: 'doctor-server-bad-port',
      severity: 'error',
      message: `TCPPORT ${portSetting!.value} is no port number.`,
      fix: "Set TCPPORT to the server's port.",
      file: portSetting!.file,
      line: portSetting!.line,
    });
  } else if (!options.network) {
    findings.push({
      code: 'doctor-network-skipped',
      severity: 'info',
      message: `the connection to ${address.value}:${port} was not tried (--no-network).`,
    });
  } else {
    const { result, detail } = await probe(address.value, port, options.timeout);
    state.connection = result;
    const target = `${address.value}:${port}`;
    const byResult: Record<string, Finding> = {
      connected: { code: 'doctor-server-connected', severity: 'info', message: `${target}: connected.` },
      refused: {
        code: 'doctor-server-refused',
        severity: 'error',
        message: `${target}: connection refused: nothing listens on that port of the server.`,
        fix: "Check TCPSERVERADDRESS and TCPPORT against the server's, and that the server runs.",
        ...where,
      },
      'timed out': {
        code: 'doctor-server-timeout',
        severity: 'error',
        message: `${target}: no answer within ${options.timeout} s (a firewall may drop the connection).`,
        fix: 'Ask for the outbound port to be opened to the server, or check the address.',
        ...where,
      },
      'name not resolved': {
        code: 'doctor-server-unresolved',
        severity: 'error',
        message: `${target}: the name ${address.value} does not resolve (${detail}).`,
        fix: "Correct TCPSERVERADDRESS, or the host's DNS.",
        ...where,
      },
      unreachable: {
        code: 'doctor-server-unreachable',
        severity: 'error',
        message: `${target}: cannot connect (${detail}).`,
        fix: 'Check the route to the server from this host.',
        ...where,
      },
    };
    findings.push(byResult[result]);
  }
  return findings;
}

/** PROMPTED or SERVERONLY: the port the server calls in on, and whether anything listens there. */
function inboundPort(stanza: StanzaConfig, state: StanzaState): Finding[] {
  const findings: Finding[] = [];
  if (state.schedmode === 'prompted' || state.sessionInitiation === 'serveronly') {
    const clientPort = stanza.get(OPT.clientPort);
    const inbound = Number(clientPort?.value ?? defaultOf(OPT.clientPort));
    state.inboundPort = inbound;
    const ports = listeningPorts();
    const why = state.sessionInitiation === 'serveronly' ? 'SESSIONINITIATION SERVERONLY' : 'SCHEDMODE PROMPTED';
    if (ports === undefined) {
      findings.push({
        code: 'doctor-inbound-port',
        severity: 'info',
        message: `${why}: the server calls this host on TCP port ${inbound}, which must be open inbound; whether anything listens there was not checked.`,
      });
    } else {
      state.listening = ports.has(inbound);
      findings.push(
        state.listening
          ? {
              code: 'doctor-inbound-port',
              severity: 'info',
              message: `${why}: the server calls this host on TCP port ${inbound}, which must be open inbound from the server; something listens there.`,
            }
          : {
              code: 'doctor-inbound-not-listening',
              severity: 'warning',
              message: `${why}: the server calls this host on TCP port ${inbound}, but nothing listens there, so its call cannot be answered.`,
              fix: 'Start the scheduler, or switch the stanza to SCHEDMODE POLLING (with SESSIONINITIATION CLIENT).',
              file: clientPort?.file ?? stanza.file,
              line: clientPort?.line ?? stanza.line,
            },
      );
    }
  }
  return findings;
}
