/**
 * "Check this host (doctor)" (desktop only): runs the bundled
 * `dsm-lint doctor --format json` on the machine of the extension host and
 * shows its findings in a Markdown document, each with a link to the option
 * line involved (file:///...#L<line>, which VS Code opens at that line).
 */
import { pathToFileURL } from 'url';
import { ExtensionContext, ProgressLocation, TextDocument, window, workspace } from 'vscode';
import { DoctorReport, RestartResult, afterRestart, restartScheduler, runDoctor } from './scheduler';

const escape = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

export function reportMarkdown(report: DoctorReport): string {
  const out = [`# Can the next scheduled backup run? ${report.ok ? 'Yes' : '**No**'}`, ''];
  if (report.scheduler) out.push(afterRestart(report).message.replace(/^After the restart, /, ''), '');
  for (const severity of ['error', 'warning', 'info'] as const) {
    const findings = report.findings.filter((f) => f.severity === severity);
    if (!findings.length) continue;
    out.push(`## ${severity === 'error' ? 'Errors' : severity === 'warning' ? 'Warnings' : 'Information'}`, '');
    for (const f of findings) {
      const link = f.file
        ? ` ([${escape(f.file)}${f.line !== undefined ? `:${f.line + 1}` : ''}](${pathToFileURL(f.file).href}${f.line !== undefined ? `#L${f.line + 1}` : ''}))`
        : '';
      out.push(`- \`${f.code}\`: ${escape(f.message)}${link}${f.fix ? `\n  - Fix: ${escape(f.fix)}` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Runs the doctor and opens its report; returns the document (the tests read it). */
export async function checkHost(context: ExtensionContext): Promise<TextDocument | undefined> {
  try {
    const report = await window.withProgress(
      { location: ProgressLocation.Notification, title: 'Checking this host (dsm-lint doctor)…' },
      () => runDoctor(context),
    );
    const doc = await workspace.openTextDocument({ content: reportMarkdown(report), language: 'markdown' });
    await window.showTextDocument(doc, { preview: false });
    return doc;
  } catch (e) {
    void window.showErrorMessage(`Check this host: ${(e as Error).message}.`);
    return undefined;
  }
}

export const RESTART_ACTION = 'Restart the scheduler';

/** The restart reminder after a SCHEDMODE fix, on the desktop: the same sentence, with the restart offered. */
export async function offerRestart(context: ExtensionContext, text: string): Promise<RestartResult | undefined> {
  const choice = await window.showInformationMessage(text, RESTART_ACTION);
  return choice === RESTART_ACTION ? restartScheduler(context) : undefined;
}
