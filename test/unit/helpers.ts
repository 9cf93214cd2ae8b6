import { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DsmLanguageService, ServiceOptions } from '../../server/src/service/languageService';
import { DsmDocument } from '../../server/src/parser/document';
import { checkSettings } from '../../server/src/service/settings';
import * as fs from 'fs';
import * as path from 'path';

export function service(rawSettings?: unknown, options: Omit<ServiceOptions, 'settings'> = {}): DsmLanguageService {
  const { settings, problems } = checkSettings(rawSettings);
  if (problems.length) throw new Error(problems.join(' '));
  return new DsmLanguageService({ ...options, settings });
}

export function analyze(text: string, uri = 'file:///etc/dsm.sys', svc = service()): { doc: DsmDocument; svc: DsmLanguageService } {
  return { doc: svc.parse(text, uri), svc };
}

/** Applies LSP edits the way an editor does. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dsm', 1, text), edits);
}

/** The text a range covers. */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const doc = TextDocument.create('file:///x', 'dsm', 1, text);
  return doc.getText(range);
}

export const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}
