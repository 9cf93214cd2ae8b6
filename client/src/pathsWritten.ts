/**
 * The paths an include-exclude list names, as example paths to offer when
 * asking which statement decides a path: each pattern with its wildcards
 * filled in (`...` as no directory, `*` as "file", `?` as "x", a class as its
 * first character). Pure: no vscode, so that unit tests can hold it.
 */

/** The statement lines: INCLUDE or EXCLUDE (any form), then the pattern, quoted or not. */
const STATEMENT = /^\s*(?:include|exclude)(?:\.[a-z.]+)?\s+(?:"([^"]*)"|'([^']*)'|(\S+))/i;

function filled(pattern: string): string {
  return pattern
    .replace(/([\\/])\.\.\.(?=[\\/])/g, '')
    .replace(/\[\\?(.)[^\]]*\]/g, '$1')
    .replace(/\*/g, 'file')
    .replace(/\?/g, 'x');
}

/** The example paths of a list's text, in the order written, each once; at most `max`. */
export function pathsWrittenIn(text: string, max = 200): string[] {
  const found = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = STATEMENT.exec(line);
    const pattern = m && (m[1] ?? m[2] ?? m[3]);
    if (!pattern || !/^([\\/]|[A-Za-z?*]:)/.test(pattern)) continue;
    found.add(filled(pattern));
    if (found.size >= max) break;
  }
  return [...found];
}
