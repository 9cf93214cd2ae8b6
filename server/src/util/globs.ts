/**
 * The name patterns the workspace lists and watches: basename globs of `*`
 * and `?` only, matched without regard to case, as a regular expression (for
 * the server's own walk) or as a VS Code / LSP glob (for the client's).
 */

/** A regular expression that matches a file name against any of the globs, case-insensitively. */
export function namesRegExp(globs: readonly string[]): RegExp {
  const one = (g: string) =>
    g
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
  return new RegExp(`^(?:${globs.map(one).join('|')})$`, 'i');
}

/** A glob of the files at any depth whose names match any of the globs, whatever the case of their letters (`**` + `/{[dD][sS][mM]*.[sS][yY][sS],...}`). */
export function anyDepthGlob(globs: readonly string[]): string {
  const caseless = (g: string) => g.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
  return `**/{${globs.map(caseless).join(',')}}`;
}
