/**
 * The one adapter between dsm-lint and the service's cross-file check: the
 * stanza names of the dsm.sys a dsm.opt is checked against (ServiceContext
 * stanzaNamesBeside), read from the disk: the --sys file, else the dsm.sys
 * in the dsm.opt's folder. Each dsm.sys is read once per thread.
 */
import { readFileSync, statSync } from 'fs';
import { fileURLToPath, pathToFileURL } from 'url';
import type { DsmDocument } from '../parser/types';
import { siblingUri } from '../session/files';
import { MAX_SIBLING_BYTES } from '../session/siblings';
import { decode } from './encoding';

/** Enough for a fleet's folders; the cache is emptied when full, so memory stays flat. */
const MAX_CACHED = 1000;

function serverStanzaNames(doc: DsmDocument): string[] {
  return doc.stanzas.filter((s) => s.kind === 'server').map((s) => s.name);
}

/** The text of a dsm.sys, or undefined when there is none to read (the check is then skipped, as in the editor). */
function readSys(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() && st.size <= MAX_SIBLING_BYTES ? decode(readFileSync(path)).text : undefined;
  } catch {
    return undefined;
  }
}

export function stanzaNamesOnDisk(sysPath: string | undefined, parse: (text: string, uri: string) => DsmDocument): (optUri: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (optUri) => {
    let sysUri: string;
    if (sysPath !== undefined) sysUri = pathToFileURL(sysPath).href;
    else if (optUri.startsWith('file:')) sysUri = siblingUri(optUri, 'dsm.sys');
    else return undefined;
    if (!cache.has(sysUri)) {
      if (cache.size >= MAX_CACHED) cache.clear();
      const text = readSys(fileURLToPath(sysUri));
      cache.set(sysUri, text === undefined ? undefined : serverStanzaNames(parse(text, sysUri)));
    }
    return cache.get(sysUri);
  };
}
