import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { Prospect } from '../bindings/Prospect';
import { Day } from '../components/Day';
import { useApp } from '../context';
import '../mentor.css';
import '../security.css';

/** Shown at a time; "Show more" adds as many again. */
const PAGE = 100;

/** People who might become mentors, as imported or added. */
export function Prospects() {
  const app = useApp();
  const [prospects, setProspects] = useState<Prospect[] | null>(null);
  const [shown, setShown] = useState(PAGE);

  useEffect(() => {
    let live = true;
    api.prospects().then(
      (list) => live && setProspects(list),
      (e) => {
        if (!live) return;
        setProspects((prev) => prev ?? []);
        app.fail(e);
      },
    );
    return () => {
      live = false;
    };
  }, [app.refreshKey]);

  const importButton = (
    <button type="button" id="prospects-import" class="button" onClick={() => app.openDialog({ type: 'import' })}>
      Import…
    </button>
  );

  return (
    <section class="screen" aria-labelledby="prospects-heading">
      <header class="screen-header">
        <h1 id="prospects-heading">Prospects</h1>
        {prospects !== null && prospects.length > 0 && importButton}
      </header>
      {prospects === null ? (
        <p class="quiet">Loading…</p>
      ) : prospects.length === 0 ? (
        <div class="empty" id="prospects-empty">
          <p>No prospects yet. Import your connections or contacts from Settings.</p>
          <p>Prospects are people who might become mentors: keep them here until you reach out.</p>
          <div class="button-row">{importButton}</div>
        </div>
      ) : (
        <ul class="rows" aria-labelledby="prospects-heading">
          {prospects.slice(0, shown).map((p) => (
            <li class="row prospect-row" key={p.id} id={`prospect-${p.id}`}>
              <div class="prospect-who">
                <span class="name">{p.name}</span>
                <span class="row-meta">{[p.position, p.organisation].filter((s) => s.trim() !== '').join(' · ')}</span>
              </div>
              <span class="quiet prospect-connected">
                {p.connectedOn ? (
                  <>
                    Connected <Day iso={p.connectedOn} today={app.today} format="short" />
                  </>
                ) : (
                  ''
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {prospects !== null && prospects.length > shown && (
        <div class="button-row">
          <button type="button" id="prospects-more" class="button" onClick={() => setShown((n) => n + PAGE)}>
            Show more ({prospects.length - shown} left)
          </button>
        </div>
      )}
    </section>
  );
}
