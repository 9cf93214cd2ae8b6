/** The doctor's report as text (for people) or JSON (for scripts and the fleet playbook; documented in the README). */
import type { DoctorReport, Finding } from './types';

function where(f: Finding): string {
  if (!f.file) return '';
  return `\n    at ${f.file}${f.line !== undefined ? `:${f.line + 1}` : ''}`;
}

export function formatReport(report: DoctorReport, format: 'text' | 'json'): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  const order = { error: 0, warning: 1, info: 2 };
  const lines = [...report.findings]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((f) => `${f.severity} ${f.code}: ${f.message}${f.fix ? `\n    fix: ${f.fix}` : ''}${where(f)}`);
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  lines.push(
    report.ok
      ? `\nThe next scheduled backup can run${warnings ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : ''}.`
      : `\nSomething stops the next scheduled backup: ${errors} error${errors > 1 ? 's' : ''}${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}.`,
  );
  return lines.join('\n') + '\n';
}
