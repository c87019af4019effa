// Settings: how the key is kept, backups, and taking the circle elsewhere (export, import).
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Security, api } from '../../api';
import type { BackupFile } from '../../bindings/BackupFile';
import type { CircleCheck } from '../../bindings/CircleCheck';
import { Day } from '../../ui/Day';
import { RecoveryKeyCard } from './RecoveryKeyCard';
import { useApp } from '../../context';
import { backupKindLabel, circleCheckText, formatBytes, localDay, localTime } from '../backups/dataFiles';
import { keySourceText } from './security';
import { useQuery, useQueryState } from '../../data/hooks';
import { keys } from '../../data/keys';
import '../mentors/mentor.css';
import './security.css';

/** Where the key is kept, and moving it; the recovery key while it is unsaved. */
export function SecurityCard() {
  const app = useApp();
  const { data: security, update: updateSecurity } = useQueryState<Security>(keys.security, () => api.security(), { onError: app.fail });

  return (
    <>
      <section class="card" aria-labelledby="security-heading">
        <h2 class="card-heading" id="security-heading">
          Security
        </h2>
        {security === null ? (
          <p class="quiet">Loading…</p>
        ) : (
          <>
            <p id="key-source">
              Your circle’s key is kept in: <strong>{keySourceText(security.keySource)}</strong>.
            </p>
            <p class="quiet">
              {security.recoveryKeySaved
                ? 'Your recovery key is saved; keep it safe.'
                : 'Your recovery key isn’t saved yet.'}
            </p>
            <div class="button-row">
              {security.keySource === 'keyring' ? (
                <button
                  type="button"
                  id="use-passphrase-instead"
                  class="button"
                  onClick={() => app.openDialog({ type: 'changeKey', to: 'passphrase', from: 'keyring' })}
                >
                  Use a passphrase instead
                </button>
              ) : (
                <>
                  <button
                    type="button"
                    id="change-passphrase-open"
                    class="button"
                    onClick={() => app.openDialog({ type: 'changeKey', to: 'passphrase', from: 'passphrase' })}
                  >
                    Change passphrase
                  </button>
                  <button
                    type="button"
                    id="use-keyring-instead"
                    class="button"
                    onClick={() => app.openDialog({ type: 'changeKey', to: 'keyring', from: 'passphrase' })}
                  >
                    Keep the key in the system keyring
                  </button>
                </>
              )}
            </div>
            <p class="field-hint">This re-encrypts your circle with a new key and gives you a new recovery key.</p>
          </>
        )}
      </section>
      {security && !security.recoveryKeySaved && <RecoveryKeyCard onSaved={(s) => updateSecurity(() => s)} />}
    </>
  );
}

/**
 * "Check the circle": reads every page, which can take a while on a large circle; the
 * window stays usable meanwhile (the answer shows when it comes, if Settings is still open).
 */
function CheckCircle() {
  const app = useApp();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<CircleCheck | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const run = () => {
    if (checking) return;
    setChecking(true);
    setResult(null);
    api.checkCircle().then(
      (found) => {
        if (!mounted.current) return;
        setChecking(false);
        setResult(found);
      },
      (e) => {
        if (!mounted.current) return;
        setChecking(false);
        app.fail(e);
      },
    );
  };

  const damaged = result !== null && !result.ok;
  return (
    <div class="circle-check">
      <div class="button-row">
        {/* aria-disabled, not disabled: the focus stays on the button while it checks. */}
        <button
          type="button"
          id="check-circle"
          class="button"
          aria-disabled={checking}
          aria-describedby="check-circle-result"
          onClick={run}
        >
          Check the circle
        </button>
      </div>
      <div id="check-circle-result" role="status">
        {checking && <p class="quiet">Checking every page…</p>}
        {result &&
          (damaged ? (
            <p class="warning-box">
              <span class="warning-mark" aria-hidden="true">
                !
              </span>
              <span>{circleCheckText(result)}</span>
            </p>
          ) : (
            <p>{circleCheckText(result)}</p>
          ))}
      </div>
    </div>
  );
}

/** The backups Mentor Circle keeps, one made now, and restoring one. */
export function BackupsCard() {
  const app = useApp();
  const backups = useQuery<BackupFile[]>(keys.backups, () => api.backups(), { fallback: [], onError: app.fail });

  return (
    <section class="card backups-card" aria-labelledby="backups-heading">
      <h2 class="card-heading" id="backups-heading">
        Backups
      </h2>
      <p class="quiet">
        Mentor Circle keeps a backup every day it runs: the last 7 days and one a week for 4 weeks. Backups are encrypted
        with your circle’s key.
      </p>
      <CheckCircle />
      {backups === null ? (
        <p class="quiet">Loading…</p>
      ) : backups.length === 0 ? (
        <p class="quiet" id="backups-empty">
          No backups yet. The first is made today, while Mentor Circle runs.
        </p>
      ) : (
        <ul class="rows backup-list" aria-labelledby="backups-heading">
          {backups.map((b, i) => {
            const day = localDay(b.madeAt);
            const time = localTime(b.madeAt);
            return (
              <li class="row backup-row" key={b.path} id={`backup-${i}`} title={b.path}>
                <span class="backup-kind">{backupKindLabel(b.kind)}</span>
                <span>
                  <Day iso={day} today={app.today} />
                  {time && <span class="quiet"> {time}</span>}
                </span>
                <span class="quiet backup-size">{formatBytes(b.bytes)}</span>
                <button
                  type="button"
                  class="button button-small"
                  aria-label={`Restore the backup from ${day}${time ? ` ${time}` : ''}…`}
                  onClick={() => app.openDialog({ type: 'restoreBackup', path: b.path })}
                >
                  Restore…
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div class="button-row">
        <button type="button" id="back-up-now" class="button" onClick={() => app.openDialog({ type: 'backUpNow' })}>
          Back up now…
        </button>
        <button
          type="button"
          id="restore-open"
          class="button"
          onClick={() => app.openDialog({ type: 'restoreBackup' })}
        >
          Restore from a backup…
        </button>
      </div>
    </section>
  );
}

/** Export to files that are readable elsewhere; import contacts or a circle export. */
export function TakeAwayCard() {
  const app = useApp();
  return (
    <section class="card" aria-labelledby="take-away-heading">
      <h2 class="card-heading" id="take-away-heading">
        Take your circle with you
      </h2>
      <p class="quiet">
        Export everything to import again, a readable folder, your next catch-ups for a calendar, or contacts. Import
        your network’s connections or contacts as prospects.
      </p>
      <div class="button-row">
        <button type="button" id="export-open" class="button" onClick={() => app.openDialog({ type: 'export' })}>
          Export…
        </button>
        <button type="button" id="import-open" class="button" onClick={() => app.openDialog({ type: 'import' })}>
          Import…
        </button>
      </div>
    </section>
  );
}
