// Backups, export and import in words and numbers: file names, sizes, preview counts.
// Pure, so it can be tested; the dialogs only show what these say.
import type { ExportFormat, PreviewRow } from '../../api';
import type { BackupFile } from '../../bindings/BackupFile';
import type { BackupKind } from '../../bindings/BackupKind';
import type { CircleCheck } from '../../bindings/CircleCheck';
import type { ImportFormat } from '../../bindings/ImportFormat';
import type { ProspectDraft } from '../../bindings/ProspectDraft';

/** `name` inside `folder`, with the folder's own separator (Windows or not). */
export function joinPath(folder: string, name: string): string {
  const trimmed = folder.trim();
  if (trimmed === '') return name;
  const windows = trimmed.includes('\\') && !trimmed.includes('/');
  const sep = windows ? '\\' : '/';
  return `${trimmed.replace(/[\\/]+$/, '')}${sep}${name}`;
}

export function backupFileName(today: string): string {
  return `mentor-circle-${today}.backup`;
}

/** Where an export goes by default; for Markdown, a new folder. */
export function exportFileName(format: ExportFormat, today: string): string {
  switch (format) {
    case 'json':
      return `mentor-circle-${today}.json`;
    case 'markdown':
      return `mentor-circle-${today}`;
    case 'ics':
      return 'mentor-circle-next-catch-ups.ics';
    case 'vcard':
      return 'mentor-circle-contacts.vcf';
  }
}

export const EXPORT_FORMATS: ReadonlyArray<{ value: ExportFormat; label: string }> = [
  { value: 'json', label: 'Everything, as JSON (to import again)' },
  { value: 'markdown', label: 'Readable folder of Markdown files' },
  { value: 'ics', label: 'Next catch-ups for your calendar (.ics)' },
  { value: 'vcard', label: 'Contacts (.vcf)' },
];

/** Only these can carry the journal. */
export function canIncludeJournal(format: ExportFormat): boolean {
  return format === 'json' || format === 'markdown';
}

export function exportWarning(format: ExportFormat, includeJournal: boolean): string {
  const base = 'This file is not encrypted. Anyone who can open it can read it.';
  return includeJournal && canIncludeJournal(format) ? `${base} It includes your journal.` : base;
}

/** "830 KB", "1.2 MB", "14 MB"; never "0 KB" for a file with something in it. */
export function formatBytes(bytes: number): string {
  const KB = 1024;
  const MB = KB * 1024;
  if (bytes < KB) return bytes === 0 ? '0 KB' : '1 KB';
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  const mb = bytes / MB;
  return mb < 10 ? `${mb.toFixed(1).replace(/\.0$/, '')} MB` : `${Math.round(mb)} MB`;
}

export function backupKindLabel(kind: BackupKind): string {
  switch (kind) {
    case 'daily':
      return 'Daily';
    case 'beforeUpgrade':
      return 'Before an upgrade';
    case 'beforeRestore':
      return 'Before a restore';
  }
}

/**
 * The backup a locked screen offers first: the newest one not made before a restore (a
 * before-restore copy may be the damaged file itself); `null` when there is none.
 */
export function suggestedBackup(backups: readonly BackupFile[]): string | null {
  return backups.find((b) => b.kind !== 'beforeRestore')?.path ?? null;
}

/** What "Check the circle" found, in one or two sentences. */
export function circleCheckText(check: CircleCheck): string {
  if (check.ok) {
    const pages = check.pages === 1 ? '1 page' : `${check.pages} pages`;
    return `Every page of your circle checked out (${pages}).`;
  }
  const found =
    check.problems <= 0 ? 'A problem was found.' : check.problems === 1 ? '1 problem found.' : `${check.problems} problems found.`;
  return `${found} Your circle’s file is damaged: restore your newest backup below; nothing has been deleted.`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A UTC timestamp's day in the user's time zone, `YYYY-MM-DD` (the timestamp itself if unreadable). */
export function localDay(timestamp: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp.slice(0, 10);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A UTC timestamp's time in the user's time zone, "14:05"; empty if unreadable. */
export function localTime(timestamp: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A path the user typed, the way the backend should get it. */
export function cleanPath(typed: string): string {
  return typed.trim();
}

/** A Mentor Circle export (restored whole), rather than a contacts file (previewed row by row). */
export function isCircleExport(path: string): boolean {
  return /\.json$/i.test(cleanPath(path));
}

export function importFormatLabel(format: ImportFormat): string {
  switch (format) {
    case 'connectionsCsv':
      return 'Connections export (CSV)';
    case 'csv':
      return 'Spreadsheet (CSV)';
    case 'vCard':
      return 'Contacts (vCard)';
  }
}

export interface PreviewCounts {
  fresh: number;
  known: number;
  problems: number;
}

export function countPreview(rows: readonly PreviewRow[]): PreviewCounts {
  const counts: PreviewCounts = { fresh: 0, known: 0, problems: 0 };
  for (const row of rows) {
    if (row.outcome.kind === 'new') counts.fresh += 1;
    else if (row.outcome.kind === 'duplicate') counts.known += 1;
    else counts.problems += 1;
  }
  return counts;
}

/** "12 new, 2 already known, 3 with problems"; the last two only when there are any. */
export function previewCountsText(c: PreviewCounts): string {
  const parts = [`${c.fresh} new`];
  if (c.known > 0) parts.push(`${c.known} already known`);
  if (c.problems > 0) parts.push(`${c.problems} with problems`);
  return parts.join(', ');
}

/** Only the rows the user is importing: the new ones, in the file's order. */
export function newProspects(rows: readonly PreviewRow[]): ProspectDraft[] {
  return rows.flatMap((r) => (r.outcome.kind === 'new' ? [r.outcome.prospect] : []));
}

function prospects(n: number): string {
  return n === 1 ? '1 prospect' : `${n} prospects`;
}

export function importButtonLabel(n: number): string {
  return `Import ${prospects(n)}`;
}

export function importedText(n: number): string {
  return `Imported ${prospects(n)}.`;
}

export function verdictText(outcome: PreviewRow['outcome']): string {
  switch (outcome.kind) {
    case 'new':
      return 'New';
    case 'duplicate':
      return `Already in your circle: ${outcome.of}`;
    case 'invalid':
      return outcome.problem;
  }
}

export function importedCircleText(mentors: number): string {
  return mentors === 1 ? 'Imported your circle: 1 mentor.' : `Imported your circle: ${mentors} mentors.`;
}

/** "Ana, Ben and Chris"; after `max` names, "and 4 more". */
export function namesText(names: readonly string[], max = 12): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
