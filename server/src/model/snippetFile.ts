/** The contents of snippets/dsm.code-snippets: every built-in server's stanza snippets, in VS Code's format. */
import { BUILTIN_SERVERS } from './serverCatalog';
import { stanzaSnippets } from './stanzaSnippets';

export function snippetFileText(): string {
  const file: Record<string, { prefix: string[]; description: string; body: string[] }> = {};
  for (const server of BUILTIN_SERVERS) {
    for (const s of stanzaSnippets(server))
      file[s.name] = { prefix: s.prefix, description: s.description, body: s.body };
  }
  return JSON.stringify(file, null, 2) + '\n';
}
