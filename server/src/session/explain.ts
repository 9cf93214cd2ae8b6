/**
 * dsm.explainPath [uri, path] or [uri, path, { stanza?, operation? }]: the
 * session side of the include-exclude simulator. It reads the document (open
 * in the editor, else through the server's file access) and the INCLEXCL
 * files its list names, then hands them to the pure service
 * (service/features/explain.ts).
 */
import type { Platform } from '../model/optionTable';
import type { Explanation } from '../model/inclexclSimulator';
import { ListFile, explainPaths, inclExclFilesOf, selectedStanza } from '../service/features/explain';

/** What the command needs of the session. */
export interface ExplainAccess {
  /** An open document's parse and text, however its URI is spelt. */
  open(uri: string): ListFile | undefined;
  /** A file's text, read through the session's file access; undefined when it cannot be read. */
  read(uri: string): Promise<string | undefined>;
  parse(text: string, uri: string): ListFile['doc'];
  /** The platform an include-exclude file is for, from the files that name it. */
  platformOf(uri: string): Platform | undefined;
}

export type ExplainAnswer = Explanation & { stanza?: string };

/** The arguments, checked: undefined when they are not [uri, path, options?]. */
export function explainArguments(
  args: unknown[],
): { uri: string; path: string; stanza?: string; operation?: 'backup' | 'archive' } | undefined {
  const [uri, path, options] = args;
  if (typeof uri !== 'string' || typeof path !== 'string' || !path) return undefined;
  if (options === undefined || options === null) return { uri, path };
  if (typeof options !== 'object') return undefined;
  const { stanza, operation } = options as { stanza?: unknown; operation?: unknown };
  if (stanza !== undefined && stanza !== null && typeof stanza !== 'string') return undefined;
  if (operation !== undefined && operation !== null && operation !== 'backup' && operation !== 'archive')
    return undefined;
  return { uri, path, ...(typeof stanza === 'string' ? { stanza } : {}), ...(operation ? { operation } : {}) };
}

async function load(access: ExplainAccess, uri: string, maxBytes: number): Promise<ListFile | undefined> {
  const open = access.open(uri);
  if (open) return open;
  const text = await access.read(uri);
  return text === undefined || text.length > maxBytes ? undefined : { doc: access.parse(text, uri), text };
}

/** The answer for one path, or why there is none. */
export async function explainCommand(
  args: unknown[],
  access: ExplainAccess,
  maxBytes: number,
): Promise<ExplainAnswer | { error: string }> {
  const a = explainArguments(args);
  if (!a)
    return { error: 'dsm.explainPath takes [uri, path] or [uri, path, { stanza?, operation?: "backup" | "archive" }]' };
  let main = await load(access, a.uri, maxBytes);
  if (!main)
    return { error: `Cannot read ${a.uri}: it is not open, and not a readable file of at most ${maxBytes} bytes` };
  // A UNIX dsm.opt: the list is that of the dsm.sys stanza it selects.
  const selected = selectedStanza(main.doc);
  const sys = selected && (await load(access, selected.sysUri, maxBytes));
  let stanza = a.stanza;
  if (selected && sys) {
    main = sys;
    stanza ??= selected.stanza;
  }
  const files = new Map<string, ListFile>();
  for (const target of inclExclFilesOf(main.doc, stanza)) {
    const file = await load(access, target, maxBytes);
    if (file) files.set(target, file);
  }
  const answers = explainPaths(main, files, [a.path], {
    stanza,
    operation: a.operation,
    platform: access.platformOf(a.uri),
  });
  return 'error' in answers ? answers : answers[0];
}
