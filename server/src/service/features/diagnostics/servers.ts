/** `tcpport-mismatch`: a catalogued server reached on a port it does not listen on. */
import { Opt } from '../../../model/opt';
import { serverScopes } from '../../scope';
import {
  Finding,
  Rule,
  finding,
  hasPlaceholderNames,
  insertLineAfter,
  rendering,
  replaceWord,
  uncertain,
  wordRange,
} from './rule';

export const tcpportMismatch: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const scope of serverScopes(doc, ctx.table)) {
    const address = scope.line(Opt.TCPSERVERADDRESS);
    const server = address?.values[0] ? ctx.catalog.find(address.values[0].text) : undefined;
    if (!address || !server) continue;
    const port = scope.line(Opt.TCPPORT);
    const portWord = port?.values[0];
    const what = `${server.address} (${server.tier}) listens on port ${server.port}`;
    if (port && portWord && /^\d+$/.test(portWord.text) && Number(portWord.text) !== server.port) {
      // In a template, the address may be in a branch that this port line is not always rendered with.
      const together = rendering(doc, port, address);
      if (together === 'exclusive') continue;
      const f = finding(
        'tcpport-mismatch',
        wordRange(port.line, portWord),
        `${what}, not ${portWord.text}: the client would knock on the wrong door and never reach it.`,
        [
          {
            title: `Change TCPPORT to ${server.port}`,
            edits: [replaceWord(port.line, portWord, String(server.port))],
            preferred: true,
          },
        ],
      );
      findings.push(together === 'certain' ? f : uncertain(f));
    } else if (
      !port &&
      String(server.port) !== scope.defaultOf(Opt.TCPPORT) &&
      !(doc.template && hasPlaceholderNames(scope.lines))
    ) {
      findings.push(
        finding(
          'tcpport-mismatch',
          wordRange(address.line, address.values[0]),
          `${what}, but no TCPPORT is set here, so the client uses ${scope.defaultOf(Opt.TCPPORT)}.`,
          [
            {
              title: `Add TCPPORT ${server.port}`,
              edits: [insertLineAfter(doc, address, address.indent, `TCPPORT ${server.port}`)],
              preferred: true,
            },
          ],
        ),
      );
    }
  }
  return findings;
};
