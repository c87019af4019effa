import type { ComponentChildren } from 'preact';
import { api } from '../../api';
import type { Brief } from '../../bindings/Brief';
import type { Mentor } from '../../bindings/Mentor';
import { useApp } from '../../context';
import { BRIEF_TITLES, type BriefSection, briefSections, noteSummary, offerWords } from './followThrough';
import { modeLabel } from '../mentors/labels';
import { AdviceDetails, AdviceStatusBadge } from './AdviceSection';
import { Day } from '../../ui/Day';
import { PageDialog } from '../../ui/PageDialog';
import { GoalProgressLine } from '../goals/SharedGoals';
import { useQuery } from '../../data/hooks';
import { keys } from '../../data/keys';
import '../mentors/mentor.css';

function Part({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="brief-part" aria-labelledby={id}>
      <h3 class="brief-heading" id={id}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/**
 * The pre-meeting brief: the last catch-up, the questions waiting, advice to close the
 * loop on, shared goals, what to thank them for and what was offered; "Copy as text"
 * puts all of it on the clipboard for the user's own notes.
 */
export function BriefDialog({ mentor, onClose }: { mentor: Mentor; onClose: () => void }) {
  const app = useApp();
  const brief = useQuery<Brief>(keys.once('brief', mentor.id), () => api.brief(mentor.id), {
    onError: (e) => {
      onClose();
      app.fail(e);
    },
  });

  const copy = () => {
    if (!brief) return;
    navigator.clipboard.writeText(brief.text).then(
      () => app.toast('Brief copied.'),
      () => app.toast('Couldn’t copy the brief. Select the text and copy it yourself.'),
    );
  };

  const part = (b: Brief, section: BriefSection) => {
    const id = `brief-${section}`;
    const title = BRIEF_TITLES[section];
    switch (section) {
      case 'questions':
        return (
          <Part key={section} id={id} title={title}>
            <ul class="brief-list">
              {b.openQuestions.map((q) => (
                <li key={q.id}>{q.text}</li>
              ))}
            </ul>
          </Part>
        );
      case 'closeTheLoop':
        return (
          <Part key={section} id={id} title={title}>
            <ul class="brief-list">
              {b.closeTheLoop.map((a) => (
                <li key={a.id}>
                  <p>
                    {a.text} <AdviceStatusBadge advice={a} />
                  </p>
                  <AdviceDetails advice={a} />
                </li>
              ))}
            </ul>
          </Part>
        );
      case 'goals':
        return (
          <Part key={section} id={id} title={title}>
            <ul class="brief-list">
              {b.goals.map((g) => (
                <li key={g.id}>
                  <p class="goal-row-title">{g.title}</p>
                  <GoalProgressLine goal={g} today={app.today} />
                </li>
              ))}
            </ul>
          </Part>
        );
      case 'toThank':
        return (
          <Part key={section} id={id} title={title}>
            <ul class="brief-list">
              {b.toThank.map((a) => (
                <li key={a.id}>
                  <p>{a.text}</p>
                  <AdviceDetails advice={a} />
                </li>
              ))}
            </ul>
          </Part>
        );
      case 'offered':
        return (
          <Part key={section} id={id} title={title}>
            <ul class="brief-list">
              {b.offered.map((g) => (
                <li key={g.id}>
                  {offerWords(g.kind)}
                  {g.note && `: ${g.note}`}{' '}
                  <span class="quiet">
                    (offered <Day iso={g.on} today={app.today} />)
                  </span>
                </li>
              ))}
            </ul>
          </Part>
        );
      case 'coMentoring': {
        const co = b.coMentoring;
        return (
          <Part key={section} id={id} title={title}>
            <ul class="brief-list">
              {co?.theyHelpWith && <li>They help you with: {co.theyHelpWith}</li>}
              {co?.iHelpWith && <li>You help them with: {co.iHelpWith}</li>}
            </ul>
          </Part>
        );
      }
    }
  };

  const last = brief?.lastCatchUp ?? null;
  const summary = last ? noteSummary(last.note) : '';

  return (
    <PageDialog id="brief" title={`Before your catch-up with ${mentor.name}`} onClose={onClose}>
      {(requestClose) => (
        <div class="brief">
          {/* One container either way, so the buttons below stay the same elements (and keep focus). */}
          <div class="brief-body">
            {brief === null ? (
              <p class="quiet" role="status">
                Loading…
              </p>
            ) : (
              <>
                {last ? (
                  <Part id="brief-last" title="Last catch-up">
                    <p>
                      <Day iso={last.date} today={app.today} format="short" /> · {modeLabel(last.mode)}
                    </p>
                    {summary && <p class="brief-summary">{summary}</p>}
                  </Part>
                ) : (
                  <p class="brief-first">This will be your first catch-up.</p>
                )}
                {briefSections(brief).map((s) => part(brief, s))}
              </>
            )}
          </div>
          <div class="dialog-actions">
            <button type="button" class="button" onClick={requestClose} title="Close (Esc)">
              Close
            </button>
            <button
              type="button"
              id="brief-copy"
              class="button button-primary"
              aria-disabled={brief === null ? true : undefined}
              data-autofocus
              title="Copy the brief as plain text, for your own notes"
              onClick={copy}
            >
              Copy as text
            </button>
          </div>
        </div>
      )}
    </PageDialog>
  );
}
