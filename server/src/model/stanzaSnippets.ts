/**
 * Snippets that write a whole server stanza (dsm.sys) or the same options
 * flat (a complete dsm.opt) for a catalogued server. The server offers them
 * in completion; snippets/dsm.code-snippets is generated from the same code
 * (npm run generate:snippets), and a test keeps the two in step.
 */
import { ServerCatalog, ServerEntry } from './serverCatalog';

export interface StanzaSnippet {
  name: string;
  prefix: string[];
  description: string;
  body: string[];
}

function optionLines(server: ServerEntry, indent: string, nodeTabStop: number): string[] {
  const pad = (name: string) => indent + name.padEnd(18);
  return [
    pad('COMMMETHOD') + 'TCPIP',
    pad('TCPSERVERADDRESS') + server.address,
    pad('TCPPORT') + String(server.port),
    pad('PASSWORDACCESS') + 'GENERATE',
    pad('SCHEDMODE') + 'POLLING',
    pad('NODENAME') + '${' + nodeTabStop + ':node_name}',
  ];
}

function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

export function stanzaSnippets(server: ServerEntry): StanzaSnippet[] {
  const short = ServerCatalog.shortName(server);
  const safe = { ...server, address: escapeSnippetText(server.address) };
  const what = `${server.tier} server ${server.address}, port ${server.port}`;
  return [
    {
      name: `Server stanza for ${server.address}`,
      prefix: [`bucky-${short}`, `stanza-${short}`],
      description: `dsm.sys server stanza for the ${what}, scheduler in POLLING mode.`,
      body: ['SErvername ${1:' + escapeSnippetText(short) + '}', ...optionLines(safe, '   ', 2), '$0'],
    },
    {
      name: `Options for ${server.address} (complete dsm.opt)`,
      prefix: [`bucky-${short}-opt`, `stanza-${short}-opt`],
      description: `Connection options for the ${what}, flat, for a complete (Windows) dsm.opt; scheduler in POLLING mode.`,
      body: [...optionLines(safe, '', 1), '$0'],
    },
  ];
}
