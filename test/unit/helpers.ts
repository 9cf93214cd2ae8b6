import { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DsmLanguageService, ServiceOptions } from '../../server/src/service/languageService';
import { DsmDocument } from '../../server/src/parser/document';
import { checkSettings } from '../../server/src/service/settings';
import * as fs from 'fs';
import * as path from 'path';
import { FileSummary, WorkspaceIndex, namesInclExcl, summarize } from '../../server/src/service/workspaceIndex';
import { sameUri } from '../../server/src/util/uris';

export function service(rawSettings?: unknown, options: Omit<ServiceOptions, 'settings'> = {}): DsmLanguageService {
  const { settings, problems } = checkSettings(rawSettings);
  if (problems.length) throw new Error(problems.join(' '));
  return new DsmLanguageService({ ...options, settings });
}

export function analyze(
  text: string,
  uri = 'file:///etc/dsm.sys',
  svc = service(),
): { doc: DsmDocument; svc: DsmLanguageService } {
  return { doc: svc.parse(text, uri), svc };
}

/** Applies LSP edits the way an editor does. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dsm', 1, text), edits);
}

/** The text a range covers. */
export function textAt(
  text: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
): string {
  const doc = TextDocument.create('file:///x', 'dsm', 1, text);
  return doc.getText(range);
}

export const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** A workspace of files held in memory (URI -> text), each parsed and summarized once, as the server's model answers for what it has read. */
export function memoryWorkspace(files: Record<string, string>): WorkspaceIndex {
  const parser = service();
  const summaries: FileSummary[] = Object.entries(files).map(([uri, text]) => summarize(parser.parse(text, uri)));
  return {
    file: (uri) => summaries.find((s) => sameUri(s.uri, uri)),
    files: () => summaries,
    inclExclOwners: (uri) => summaries.filter((s) => !sameUri(s.uri, uri) && namesInclExcl(s, uri)),
  };
}
