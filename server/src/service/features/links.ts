/**
 * Document links: the file named by INCLExcl and by the other options whose
 * value is a file specification (ERRORLOGName, SCHEDLOGName, ...). The
 * service says where each would lead; the server keeps those whose target
 * exists (finding that out is reading the disk, which the service never does).
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { DsmDocument } from '../../parser/types';
import { statementOf } from '../../model/inclexcl';
import { innerRange } from '../workspaceIndex';
import { resolveFileSpec } from '../../util/uris';

/** At most this many links are offered for one document (a long include-exclude list has no file options). */
export const MAX_LINKS = 200;

function isRelative(spec: string): boolean {
  return !/^([A-Za-z]:[\\/]|\\\\|\/)/.test(spec);
}

/** Every file-specification value that names one file, with the URI it resolves to. */
export function linkCandidates(doc: DsmDocument): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const o of doc.options) {
    // Include and exclude patterns match files; they do not name one.
    if (o.option?.value.type !== 'filespec' || statementOf(o.option)) continue;
    const w = o.values[0];
    const target = w && resolveFileSpec(w.text, doc.uri);
    if (!target) continue;
    const tooltip = isRelative(w.text)
      ? `${w.text}, resolved against this file's folder (the client resolves a relative path against its own working directory)`
      : undefined;
    links.push({ range: innerRange(o.line, w), target, tooltip });
    if (links.length >= MAX_LINKS) break;
  }
  return links;
}
