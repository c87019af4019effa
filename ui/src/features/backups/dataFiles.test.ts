import { describe, expect, it } from 'vitest';
import type { PreviewRow } from '../../api';
import type { ProspectDraft } from '../../bindings/ProspectDraft';
import {
  backupFileName,
  backupKindLabel,
  canIncludeJournal,
  circleCheckText,
  countPreview,
  exportFileName,
  exportWarning,
  formatBytes,
  importButtonLabel,
  importedText,
  isCircleExport,
  joinPath,
  localDay,
  namesText,
  newProspects,
  previewCountsText,
  suggestedBackup,
  verdictText,
} from './dataFiles';

const TODAY = '2026-11-19';

function draft(name: string): ProspectDraft {
  return { name, organisation: '', position: '', email: '', profileUrl: '', connectedOn: null, note: '', source: null, wants: '', chemistry: '', couldFill: [], nextStep: '', nextStepOn: null };
}

describe('file names', () => {
  it('joins a folder and a name with the folder’s separator', () => {
    expect(joinPath('/home/ana/Documents', 'a.backup')).toBe('/home/ana/Documents/a.backup');
    expect(joinPath('/home/ana/Documents/', 'a.backup')).toBe('/home/ana/Documents/a.backup');
    expect(joinPath('C:\\Users\\Ana\\Documents', 'a.backup')).toBe('C:\\Users\\Ana\\Documents\\a.backup');
    expect(joinPath('/', 'a.backup')).toBe('/a.backup');
    expect(joinPath('', 'a.backup')).toBe('a.backup');
  });

  it('names a backup by its day', () => {
    expect(backupFileName(TODAY)).toBe('mentor-circle-2026-11-19.backup');
  });

  it('names an export by its format', () => {
    expect(exportFileName('json', TODAY)).toBe('mentor-circle-2026-11-19.json');
    expect(exportFileName('markdown', TODAY)).toBe('mentor-circle-2026-11-19');
    expect(exportFileName('ics', TODAY)).toBe('mentor-circle-next-catch-ups.ics');
    expect(exportFileName('vcard', TODAY)).toBe('mentor-circle-contacts.vcf');
  });

  it('tells a circle export from a contacts file', () => {
    expect(isCircleExport('/tmp/mentor-circle.JSON ')).toBe(true);
    expect(isCircleExport('/tmp/Connections.csv')).toBe(false);
    expect(isCircleExport('/tmp/contacts.vcf')).toBe(false);
  });
});

describe('export', () => {
  it('offers the journal only where it fits', () => {
    expect(canIncludeJournal('json')).toBe(true);
    expect(canIncludeJournal('markdown')).toBe(true);
    expect(canIncludeJournal('ics')).toBe(false);
    expect(canIncludeJournal('vcard')).toBe(false);
  });

  it('warns that the file is readable, and says when the journal is in it', () => {
    expect(exportWarning('json', false)).toBe('This file is not encrypted. Anyone who can open it can read it.');
    expect(exportWarning('markdown', true)).toBe(
      'This file is not encrypted. Anyone who can open it can read it. It includes your journal.',
    );
    expect(exportWarning('ics', true)).not.toContain('journal');
  });
});

describe('backups in words', () => {
  it('gives sizes in KB or MB', () => {
    expect(formatBytes(0)).toBe('0 KB');
    expect(formatBytes(200)).toBe('1 KB');
    expect(formatBytes(830 * 1024)).toBe('830 KB');
    expect(formatBytes(1.2 * 1024 * 1024)).toBe('1.2 MB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatBytes(14.4 * 1024 * 1024)).toBe('14 MB');
  });

  it('names each kind', () => {
    expect(backupKindLabel('daily')).toBe('Daily');
    expect(backupKindLabel('beforeUpgrade')).toBe('Before an upgrade');
    expect(backupKindLabel('beforeRestore')).toBe('Before a restore');
  });

  it('reads the day a backup was made', () => {
    // Noon UTC is the same day in nearly every time zone.
    expect(localDay('2026-11-19T12:00:00Z')).toBe('2026-11-19');
    expect(localDay('not a time')).toBe('not a time');
  });

  it('lists names, a few at a time', () => {
    expect(namesText([])).toBe('none');
    expect(namesText(['Ana'])).toBe('Ana');
    expect(namesText(['Ana', 'Ben', 'Chris'])).toBe('Ana, Ben and Chris');
    expect(namesText(['Ana', 'Ben', 'Chris', 'Dee'], 2)).toBe('Ana, Ben and 2 more');
  });
});

describe('an import preview', () => {
  const rows: PreviewRow[] = [
    { line: 2, outcome: { kind: 'new', prospect: draft('Ana') } },
    { line: 3, outcome: { kind: 'duplicate', prospect: draft('Ben'), of: 'Ben Okafor' } },
    { line: 4, outcome: { kind: 'invalid', problem: 'No name on this row.' } },
    { line: 5, outcome: { kind: 'new', prospect: draft('Chris') } },
  ];

  it('counts each verdict', () => {
    expect(countPreview(rows)).toEqual({ fresh: 2, known: 1, problems: 1 });
    expect(previewCountsText(countPreview(rows))).toBe('2 new, 1 already known, 1 with problems');
    expect(previewCountsText({ fresh: 12, known: 0, problems: 0 })).toBe('12 new');
  });

  it('imports only the new rows', () => {
    expect(newProspects(rows).map((p) => p.name)).toEqual(['Ana', 'Chris']);
  });

  it('says each row’s verdict', () => {
    expect(verdictText(rows[0]!.outcome)).toBe('New');
    expect(verdictText(rows[1]!.outcome)).toBe('Already in your circle: Ben Okafor');
    expect(verdictText(rows[2]!.outcome)).toBe('No name on this row.');
  });

  it('counts prospects in its words', () => {
    expect(importButtonLabel(12)).toBe('Import 12 prospects');
    expect(importButtonLabel(1)).toBe('Import 1 prospect');
    expect(importedText(12)).toBe('Imported 12 prospects.');
  });
});

describe('checking the circle', () => {
  it('says every page checked out, and how many', () => {
    expect(circleCheckText({ ok: true, problems: 0, pages: 212 })).toBe('Every page of your circle checked out (212 pages).');
    expect(circleCheckText({ ok: true, problems: 0, pages: 1 })).toBe('Every page of your circle checked out (1 page).');
  });

  it('says what was found and what to do, without alarm', () => {
    expect(circleCheckText({ ok: false, problems: 3, pages: 212 })).toBe(
      '3 problems found. Your circle’s file is damaged: restore your newest backup below; nothing has been deleted.',
    );
    expect(circleCheckText({ ok: false, problems: 1, pages: 212 })).toMatch(/^1 problem found\. /);
    // Not ok, yet no count: still a problem, never "0 problems".
    expect(circleCheckText({ ok: false, problems: 0, pages: 212 })).toMatch(/^A problem was found\. /);
  });
});

describe('the backup a locked screen offers first', () => {
  const file = (path: string, kind: 'daily' | 'beforeUpgrade' | 'beforeRestore') => ({
    path,
    kind,
    madeAt: '2026-11-19T09:00:00Z',
    bytes: 1024,
  });

  it('is the newest one not made before a restore', () => {
    expect(suggestedBackup([file('r', 'beforeRestore'), file('u', 'beforeUpgrade'), file('d', 'daily')])).toBe('u');
    expect(suggestedBackup([file('d1', 'daily'), file('d2', 'daily')])).toBe('d1');
  });

  it('is none when there are only before-restore copies, or nothing', () => {
    expect(suggestedBackup([file('r', 'beforeRestore')])).toBeNull();
    expect(suggestedBackup([])).toBeNull();
  });
});
