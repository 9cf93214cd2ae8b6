/**
 * URIs as strings, without Node or VS Code: comparing them as editors spell
 * them, the folder of a file, and the URI of a file specification written in
 * an options file.
 */

/** A URI decoded, so that two spellings of one file (VS Code encodes `:` in drive letters, others do not) compare equal. */
export function canonicalUri(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** The same URI, spelt as editors spell it. */
export function sameUri(a: string, b: string): boolean {
  return a === b || canonicalUri(a) === canonicalUri(b);
}

/** The URI of a file in the same folder as another. */
export function siblingUri(uri: string, name: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return path.slice(0, path.lastIndexOf('/') + 1) + name;
}

/** The folder of a file, with its trailing slash. */
export function folderOf(uri: string): string {
  return siblingUri(uri, '');
}

/** Is `uri` inside the folder `folderUri` (at any depth)? */
export function isInside(uri: string, folderUri: string): boolean {
  const folder = canonicalUri(folderUri).replace(/\/?$/, '/');
  return canonicalUri(uri).startsWith(folder);
}

/** The last part of a URI's path, decoded. */
export function baseName(uri: string): string {
  const path = canonicalUri(uri.replace(/[?#].*$/, ''));
  return path.slice(path.lastIndexOf('/') + 1);
}

function encodePath(segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s)).join('/');
}

/** `.` and `..` levels resolved (never above the root). */
function normalize(segments: string[]): string[] {
  const out: string[] = [];
  for (const s of segments) {
    if (s === '.' || s === '') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out;
}

/**
 * The URI of a file specification written in an options file, or undefined
 * when it names no file an editor could open (empty, a template expression,
 * an environment variable). Absolute UNIX paths keep the scheme and authority
 * of the options file (a remote or virtual workspace); Windows drive and UNC
 * paths become file: URIs. A relative path is resolved against the folder of
 * the options file that names it: IBM says the client resolves it against its
 * current directory, which an editor cannot know; the options file's folder is
 * where the client is usually installed and started.
 */
export function resolveFileSpec(spec: string, baseUri: string): string | undefined {
  const text = spec.trim();
  if (!text || /\{\{|\{%|<%|\$/.test(text) || /[*?]/.test(text)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)/i.exec(baseUri)?.[1];
  if (!scheme) return undefined;
  const drive = /^([A-Za-z]):[\\/](.*)$/.exec(text);
  if (drive) return `file:///${drive[1].toLowerCase()}%3A/${encodePath(normalize(drive[2].split(/[\\/]/)))}`;
  if (text.startsWith('\\\\')) {
    const [host, ...rest] = text.slice(2).split('\\');
    return host ? `file://${encodeURIComponent(host)}/${encodePath(normalize(rest))}` : undefined;
  }
  if (text.startsWith('/')) return `${scheme}/${encodePath(normalize(text.split('/')))}`;
  const folder = canonicalUri(folderOf(baseUri)).slice(scheme.length).split('/');
  return `${scheme}/${encodePath(normalize([...folder, ...text.split(/[\\/]/)]))}`;
}
