/**
 * How dsm-lint checks a text: with the server's own language service and
 * the run's settings, under the name that tells its kind, and with the
 * service's diagnostics turned into Problems.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { kindFromName } from '../parser/fileKind';
import type { DsmDocument } from '../parser/types';
import { DsmLanguageService } from '../service/languageService';
import type { DsmSettings } from '../service/settings';
import { DiskWorkspace } from './diskWorkspace';
import { CheckSetup, LEVEL_ORDER, Problem } from './types';

/** The kinds --kind names directly; any name the shared detection recognises works too. */
export const KINDS = ['sys', 'opt', 'opt-unix', 'opt-windows', 'inclexcl'] as const;

const LAYOUTS: Readonly<Record<string, DsmSettings['optionsFileLayout']>> = {
  'opt-unix': 'unix',
  'opt-windows': 'windows',
};

/**
 * The name a file is read as under `--kind K`: `dsm.K`, or `K` itself,
 * whichever the shared detection by name recognises (so `sys` is read as a
 * dsm.sys); undefined when it recognises neither.
 */
export function forcedName(kind: string): string | undefined {
  if (LAYOUTS[kind]) return 'dsm.opt';
  return ['dsm.' + kind, kind].find((name) => kindFromName(name) !== undefined);
}

/** The settings of a run: `--kind opt-unix` and `opt-windows` set the layout of dsm.opt files. */
export function settingsForKind(settings: DsmSettings, kind: string | undefined): DsmSettings {
  const layout = kind === undefined ? undefined : LAYOUTS[kind];
  return layout ? { ...settings, optionsFileLayout: layout } : settings;
}

function fingerprint(code: string, lineText: string, occurrence: number): string {
  return createHash('sha256')
    .update(`${code}\0${lineText.trim().replace(/\s+/g, ' ')}\0${occurrence}`)
    .digest('hex')
    .slice(0, 32);
}

/** The service's diagnostics as Problems, 1-based, each with a fingerprint of its code, its line's text and its rank among equal ones. */
export function toProblems(diagnostics: readonly Diagnostic[], text: string): Problem[] {
  if (!diagnostics.length) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const code = String(d.code ?? '');
    const lineText = lines[d.range.start.line] ?? '';
    const key = code + '\0' + lineText;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: LEVEL_ORDER[(d.severity ?? 1) - 1] ?? 'error',
      code,
      message: typeof d.message === 'string' ? d.message : d.message.value,
      fingerprint: fingerprint(code, lineText, occurrence),
    };
  });
}

/** The file: URI of an absolute path. The common case (POSIX, nothing to escape) skips URL: 3 % of a fleet run. */
function fileUri(absolute: string): string {
  return path.sep === '/' && /^[\w./-]+$/.test(absolute) ? 'file://' + absolute : pathToFileURL(absolute).href;
}

/** The language service of one thread, set up as the run asks. */
export class Checker {
  readonly service: DsmLanguageService;
  private readonly forced?: string;

  /**
   * The last file the disk workspace parsed (the dsm.sys beside a dsm.opt):
   * the walk gives a folder's dsm.sys right after its dsm.opt, so checking
   * it next reuses this parse instead of making the same one again.
   */
  private lastRead?: { uri: string; text: string; doc: DsmDocument };

  constructor(setup: CheckSetup) {
    this.forced = setup.kind === undefined ? undefined : forcedName(setup.kind);
    const workspace = new DiskWorkspace(
      setup.sys,
      (text, uri) => (this.lastRead = { uri, text, doc: this.service.parse(text, uri) }).doc,
    );
    this.service = new DsmLanguageService({ settings: setup.settings, workspace, lint: setup.lint });
  }

  /** The URI a file is parsed under: its own; under --kind, the forced name in the same folder. Standard input without a name is `untitled:`. */
  uriFor(file: string | undefined): string {
    if (file === undefined) return 'untitled:' + (this.forced ?? 'stdin');
    const absolute = path.resolve(file);
    return fileUri(this.forced ? path.join(path.dirname(absolute), this.forced) : absolute);
  }

  problems(text: string, uri: string): Problem[] {
    const last = this.lastRead;
    this.lastRead = undefined;
    const doc = last && last.uri === uri && last.text === text ? last.doc : this.service.parse(text, uri);
    return toProblems(this.service.diagnostics(doc), text);
  }
}
