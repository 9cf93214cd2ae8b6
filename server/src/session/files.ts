/**
 * How the server reads files that are not open in the editor. The session
 * takes a FileReader; on Node it reads the disk, and a client that serves
 * files itself (a browser, a virtual workspace) can answer instead.
 */

export interface FileReader {
  /** The text of a file, or undefined when it does not exist, is not a regular file, or is larger than maxBytes. Never rejects. */
  read(uri: string, maxBytes: number): Promise<string | undefined>;
}

/** Reads nothing: for a session that has no files besides the open documents. */
export const NO_FILES: FileReader = { read: async () => undefined };

/** The same URI, spelt as editors spell it (VS Code encodes `:` in drive letters, others do not). */
export function sameUri(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return decodeURIComponent(a) === decodeURIComponent(b);
  } catch {
    return false;
  }
}

/** The URI of a file in the same folder as another. */
export function siblingUri(uri: string, name: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return path.slice(0, path.lastIndexOf('/') + 1) + name;
}
