import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../../api';
import type { Outreach } from '../../bindings/Outreach';
import type { Prospect } from '../../bindings/Prospect';
import type { Role } from '../../bindings/Role';
import type { Stage } from '../../bindings/Stage';
import { Day } from '../../ui/Day';
import { FieldError, showSaveError } from '../../ui/Dialog';
import { PagedList } from '../../ui/PagedList';
import { type AppActions, useApp } from '../../context';
import { rolesText } from '../mentors/labels';
import {
  MOVABLE_STAGES,
  capChoices,
  capFromValue,
  capSavedText,
  capValue,
  couldFill,
  groupByStage,
  movedText,
  outreachText,
  peopleText,
  roleFilterEmptyText,
  roleFilterHeading,
  sourceLabel,
  stageHint,
} from './pipeline';
import '../mentors/mentor.css';
import '../security/security.css';
import './prospects.css';
import { invalidate, useQueryState } from '../../data/hooks';
import { CHANGED_BY, keys } from '../../data/keys';

/**
 * Prospects drawn at first in each stage, and added by its "Show more": each one is a
 * card with a form's worth of controls, so fewer than the rows of other lists.
 */
const PAGE = 25;

const GENTLE = 'No need to make it official: start with an informal chat.';

interface Props {
  /** Only prospects who could fill this role (one the circle is missing); `null`: everyone. */
  role: Role | null;
}

/**
 * People who might become mentors, as a gentle pipeline: grouped by stage, each with what
 * the user wants from them and the next small step; welcomed into the circle when it fits.
 */
export function Prospects({ role }: Props) {
  const app = useApp();
  const { data: loaded, update } = useQueryState<{ list: Prospect[]; outreach: Outreach | null }>(
    keys.prospects,
    () => Promise.all([api.prospects(), api.outreach()]).then(([list, outreach]) => ({ list, outreach })),
    { fallback: { list: [], outreach: null }, onError: app.fail },
  );
  const prospects = loaded?.list ?? null;
  const outreach = loaded?.outreach ?? null;
  // A new weekly cap, saved by the line itself: shown without loading the list again.
  const setOutreach = (o: Outreach) => update((d) => ({ ...d, outreach: o }));
  // A control to give the keyboard back to once the list has reloaded (a prospect that
  // moved stage is drawn again under its new heading, on whichever page of it that is).
  const focusAfter = useRef<{ prospectId: number; controlId: string } | null>(null);

  useEffect(() => {
    const after = focusAfter.current;
    if (after === null || prospects === null) return;
    focusAfter.current = null;
    document.getElementById(after.controlId)?.focus();
  }, [prospects]);

  const addProspect = () => app.openDialog(role === null ? { type: 'addProspect' } : { type: 'addProspect', role });
  const addButton = (
    <button type="button" id="prospects-add" class="button button-primary" onClick={addProspect}>
      Add prospect
    </button>
  );
  const importButton = (
    <button type="button" id="prospects-import" class="button" onClick={() => app.openDialog({ type: 'import' })}>
      Import…
    </button>
  );

  const list = useMemo(() => (prospects === null ? [] : couldFill(prospects, role)), [prospects, role]);
  const groups = useMemo(() => groupByStage(list), [list]);
  const returning = focusAfter.current?.prospectId;

  return (
    <section class="screen" aria-labelledby="prospects-heading">
      <header class="screen-header">
        <div>
          <h1 id="prospects-heading">Prospects</h1>
          <p class="subtitle">
            People who might become mentors, and how it is going.
            {/* The empty states say it themselves. */}
            {prospects !== null && list.length > 0 && ` ${GENTLE}`}
          </p>
        </div>
        {prospects !== null && list.length > 0 && (
          <div class="button-row prospects-header-actions">
            {addButton}
            {importButton}
          </div>
        )}
      </header>

      {outreach !== null && <OutreachLine outreach={outreach} onSaved={setOutreach} app={app} />}

      {role !== null && (
        <div class="prospect-filter">
          <h2 id="prospects-filter-heading">{roleFilterHeading(role)}</h2>
          <button
            type="button"
            id="prospects-show-everyone"
            class="button button-small"
            onClick={() => app.navigate({ name: 'prospects' })}
          >
            Show everyone
          </button>
        </div>
      )}

      {prospects === null ? (
        <p class="quiet">Loading…</p>
      ) : role === null && prospects.length === 0 ? (
        <div class="empty" id="prospects-empty">
          <h2>No prospects yet</h2>
          <p>
            Prospects are people who might become mentors: a former boss, a professor, someone who interviewed you or
            you met at an event. Keep them here while you get to know them, at your own pace.
          </p>
          <p>{GENTLE}</p>
          <div class="button-row">
            {addButton}
            {importButton}
          </div>
        </div>
      ) : role !== null && list.length === 0 ? (
        <div class="empty" id="prospects-role-empty">
          <p>{roleFilterEmptyText(role)}</p>
          <p>Think of a former boss, a professor or someone you met at an event. {GENTLE}</p>
          <div class="button-row">{addButton}</div>
        </div>
      ) : (
        groups.map((g) => (
          <section key={g.stage} class="stage" aria-labelledby={`stage-${g.stage}`}>
            <div class="stage-head">
              <h2 class="stage-heading" id={`stage-${g.stage}`}>
                {g.label}
              </h2>
              <span class="stage-count">{peopleText(g.prospects.length)}</span>
            </div>
            <p class="quiet stage-hint">{stageHint(g.stage)}</p>
            <PagedList
              items={g.prospects}
              class="prospect-list"
              aria-labelledby={`stage-${g.stage}`}
              page={PAGE}
              resetOn={role}
              reveal={returning === undefined ? undefined : g.prospects.findIndex((p) => p.id === returning)}
            >
              {(p) => (
                <ProspectItem
                  key={p.id}
                  prospect={p}
                  app={app}
                  onMoved={(controlId) => {
                    focusAfter.current = { prospectId: p.id, controlId };
                  }}
                />
              )}
            </PagedList>
          </section>
        ))
      )}
    </section>
  );
}

const CAP_ID = 'outreach-cap';
const CAP_ERROR_ID = `${CAP_ID}-error`;

/** "Reached out to 2 this week of 3", and the cap, changed as soon as it is chosen. */
function OutreachLine({
  outreach,
  onSaved,
  app,
}: {
  outreach: Outreach;
  onSaved: (o: Outreach) => void;
  app: AppActions;
}) {
  const [shown, setShown] = useState(capValue(outreach.cap));
  const [error, setError] = useState<string | undefined>();
  const latest = useRef(0);
  useEffect(() => setShown(capValue(outreach.cap)), [outreach.cap]);

  const choose = (value: string) => {
    const asked = ++latest.current;
    setShown(value);
    setError(undefined);
    api.setOutreachCap(capFromValue(value)).then(
      (saved) => {
        if (asked !== latest.current) return;
        onSaved(saved);
        setShown(capValue(saved.cap));
        app.toast(capSavedText(saved.cap));
      },
      (e) => {
        if (asked !== latest.current) return;
        setShown(capValue(outreach.cap));
        showSaveError(e, { cap: CAP_ID }, { setErrors: (errs) => setError(errs.cap), setFormError: setError, fail: app.fail });
      },
    );
  };

  return (
    <div class="outreach">
      <p class="outreach-line" id="prospects-outreach">
        {outreachText(outreach)}
      </p>
      <div class="outreach-cap">
        <label for={CAP_ID}>Weekly outreach cap</label>
        <select
          id={CAP_ID}
          value={shown}
          onChange={(e) => choose(e.currentTarget.value)}
          aria-describedby={error ? `${CAP_ID}-hint ${CAP_ERROR_ID}` : `${CAP_ID}-hint`}
          {...(error ? { 'aria-invalid': true } : {})}
        >
          {capChoices(outreach.cap).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <p class="field-hint outreach-hint" id={`${CAP_ID}-hint`}>
        Reaching out slowly keeps it personal: a cap stops you asking too many people at once.
      </p>
      <FieldError id={CAP_ERROR_ID} message={error} />
    </div>
  );
}

function ProspectItem({
  prospect: p,
  app,
  onMoved,
}: {
  prospect: Prospect;
  app: AppActions;
  /** Called before the list reloads, with the control to focus afterwards. */
  onMoved: (focusId: string) => void;
}) {
  const nameId = `prospect-${p.id}-name`;
  const who = [p.position, p.organisation].filter((s) => s.trim() !== '').join(' · ');
  const source = sourceLabel(p.source);
  const mentorId = p.mentorId;
  return (
    <li class="prospect" id={`prospect-${p.id}`}>
      <div class="prospect-main">
        <h3 class="prospect-name" id={nameId}>
          {p.name}
        </h3>
        {who !== '' && <p class="prospect-org">{who}</p>}
        {(source !== '' || p.wants !== '' || p.couldFill.length > 0 || p.nextStep !== '' || p.nextStepOn !== null) && (
          <dl class="prospect-facts">
            {source !== '' && (
              <div>
                <dt>Where you found them</dt>
                <dd>{source}</dd>
              </div>
            )}
            {p.wants !== '' && (
              <div>
                <dt>What you want</dt>
                <dd class="prospect-text">{p.wants}</dd>
              </div>
            )}
            {p.couldFill.length > 0 && (
              <div>
                <dt>Could be your</dt>
                <dd>{rolesText(p.couldFill)}</dd>
              </div>
            )}
            {(p.nextStep !== '' || p.nextStepOn !== null) && (
              <div>
                <dt>Next step</dt>
                <dd class="prospect-text">
                  {p.nextStep !== '' ? p.nextStep : 'A next step'}
                  {p.nextStepOn !== null && (
                    <>
                      {', by '}
                      <Day iso={p.nextStepOn} today={app.today} />
                    </>
                  )}
                </dd>
              </div>
            )}
          </dl>
        )}
      </div>
      <div class="prospect-actions">
        {p.stage === 'mentor' ? (
          mentorId !== null && (
            <button
              type="button"
              class="button button-small"
              id={`prospect-${p.id}-open`}
              aria-describedby={nameId}
              onClick={() => app.navigate({ name: 'mentor', id: mentorId })}
            >
              Open their page
            </button>
          )
        ) : (
          <>
            <StageSelect prospect={p} app={app} onMoved={onMoved} />
            <button
              type="button"
              class="button button-small"
              id={`prospect-${p.id}-welcome`}
              aria-describedby={nameId}
              onClick={() => app.openDialog({ type: 'promoteProspect', prospect: p })}
            >
              Welcome to the circle
            </button>
          </>
        )}
        <button
          type="button"
          class="button button-small button-quiet"
          id={`prospect-${p.id}-edit`}
          aria-describedby={nameId}
          onClick={() => app.openDialog({ type: 'editProspect', prospect: p })}
        >
          Edit
        </button>
      </div>
    </li>
  );
}

/** Where the prospect is along the pipeline, moved as soon as it is chosen. */
function StageSelect({
  prospect: p,
  app,
  onMoved,
}: {
  prospect: Prospect;
  app: AppActions;
  onMoved: (focusId: string) => void;
}) {
  const id = `prospect-stage-${p.id}`;
  // The stage being saved; back to the prospect's own when that fails (over the weekly cap).
  const [shown, setShown] = useState<Stage>(p.stage);
  const latest = useRef(0);
  useEffect(() => setShown(p.stage), [p.stage]);

  const choose = (stage: Stage) => {
    const asked = ++latest.current;
    setShown(stage);
    api.moveProspect(p.id, stage).then(
      (moved) => {
        if (asked !== latest.current) return;
        if (document.activeElement === document.getElementById(id)) onMoved(id);
        invalidate(...CHANGED_BY.prospect);
        app.toast(movedText(moved.name, moved.stage));
      },
      (e) => {
        if (asked !== latest.current) return;
        setShown(p.stage);
        app.fail(e);
      },
    );
  };

  return (
    <div class="prospect-stage">
      <label for={id}>Stage</label>
      <select id={id} value={shown} onChange={(e) => choose(e.currentTarget.value as Stage)}>
        {MOVABLE_STAGES.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  );
}
