// What a backup holds, shown before it is restored: in Settings' restore dialog and on
// the locked screen. Its own file, so the locked screen does not load the dialogs with it.
import type { ComponentChildren } from 'preact';
import type { BackupPreview } from '../../bindings/BackupPreview';
import { formatBytes, namesText } from './dataFiles';
import { Day } from '../../ui/Day';

/**
 * What a backup holds, shown before it is restored (in Settings and on the locked screen).
 * `names`: list the mentors' names too; the locked screen shows counts only.
 */
export function BackupPreviewFacts({
  id,
  preview,
  today,
  names = false,
  children,
}: {
  id: string;
  preview: BackupPreview;
  today: string;
  names?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <div class="backup-preview" id={id} role="region" aria-label="What the backup holds" tabIndex={-1}>
      <h3 class="backup-preview-heading">This backup holds</h3>
      <dl class="facts">
        <dt>Mentors</dt>
        <dd>
          {preview.mentors.length}
          {names && preview.mentors.length > 0 && <span class="quiet">: {namesText(preview.mentors)}</span>}
        </dd>
        <dt>Catch-ups</dt>
        <dd>{preview.catchUps}</dd>
        <dt>Journal entries</dt>
        <dd>{preview.journalEntries}</dd>
        <dt>Goals</dt>
        <dd>{preview.goals}</dd>
        <dt>Prospects</dt>
        <dd>{preview.prospects}</dd>
        <dt>Latest day</dt>
        <dd>{preview.latestDay ? <Day iso={preview.latestDay} today={today} format="short" /> : 'nothing dated yet'}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(preview.bytes)}</dd>
      </dl>
      {children}
    </div>
  );
}
