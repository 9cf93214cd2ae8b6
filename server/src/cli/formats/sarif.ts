/**
 * `--format sarif`: SARIF 2.1.0, the OASIS standard that GitHub code
 * scanning reads. Streamed: the run's head with every rule first, then each
 * result as its file is done, then the invocation (whether every file could
 * be checked, and why not). Paths under the current folder are relative to
 * %SRCROOT% (the current folder), as code scanning expects; others are
 * absolute file: URIs. Each result carries a partial fingerprint of its code
 * and line text, so that an alert is followed when lines move.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as Sarif from 'sarif';
import type { FileResult, Level } from '../types';
import type { FormatContext, Formatter } from './common';
import { rules } from './rules';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'dsmLintFinding/v1';
const SRCROOT = '%SRCROOT%';
/** Notifications past this many are counted, not listed: a run over a broken share should not make a huge log. */
const MAX_NOTIFICATIONS = 1000;

const LEVEL: Record<Level, Sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export function artifactLocation(display: string, cwd: string): Sarif.ArtifactLocation {
  const absolute = path.resolve(cwd, display);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

function driver(ctx: FormatContext): Sarif.ToolComponent {
  return {
    name: ctx.tool.name,
    version: ctx.tool.version,
    semanticVersion: ctx.tool.version,
    ...(ctx.tool.homepage ? { informationUri: ctx.tool.homepage } : {}),
    rules: rules().map((r) => ({
      id: r.id,
      shortDescription: { text: r.description },
      ...(r.fullDescription ? { fullDescription: { text: r.fullDescription } } : {}),
      ...(r.helpUri
        ? { helpUri: r.helpUri }
        : ctx.tool.homepage
          ? { helpUri: `${ctx.tool.homepage}#diagnostic-codes` }
          : {}),
      ...(r.page ? { help: { text: r.fullDescription ?? r.description, markdown: r.page } } : {}),
      defaultConfiguration: { level: LEVEL[r.level] },
    })),
  };
}

function head(ctx: FormatContext): string {
  const run = {
    tool: { driver: driver(ctx) },
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/') } },
    columnKind: 'utf16CodeUnits',
  };
  const text = JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] });
  // Everything up to the run's closing braces, then the results array opens.
  return text.slice(0, -3) + ',"results":[';
}

export function sarifFormatter(ctx: FormatContext): Formatter {
  const index = new Map(rules().map((r, i) => [r.id, i]));
  const notifications: Sarif.Notification[] = [];
  let dropped = 0;
  let first = true;
  const notify = (level: Sarif.Notification.level, text: string, display: string) => {
    if (notifications.length >= MAX_NOTIFICATIONS) return void dropped++;
    notifications.push({
      level,
      message: { text },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(display, ctx.cwd) } }],
    });
  };
  return {
    begin: () => head(ctx),
    file(r: FileResult): string {
      if (r.error) notify('error', `${r.display}: ${r.error}`, r.display);
      for (const note of r.notes ?? []) notify('note', `${r.display}: ${note}`, r.display);
      const location = artifactLocation(r.display, ctx.cwd);
      let out = '';
      for (const p of r.problems) {
        const result: Sarif.Result = {
          ruleId: p.code,
          ...(index.has(p.code) ? { ruleIndex: index.get(p.code) } : {}),
          level: LEVEL[p.severity],
          message: { text: p.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: location,
                region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
              },
            },
          ],
          partialFingerprints: { [FINGERPRINT_KEY]: p.fingerprint },
        };
        out += (first ? '\n' : ',\n') + JSON.stringify(result);
        first = false;
      }
      return out;
    },
    end(s) {
      if (dropped)
        notifications.push({ level: 'note', message: { text: `${dropped} more notifications were left out.` } });
      const invocation: Sarif.Invocation = {
        executionSuccessful: s.failed === 0,
        toolExecutionNotifications: notifications,
      };
      return { out: `\n],"invocations":${JSON.stringify([invocation])}}]}\n` };
    },
  };
}
