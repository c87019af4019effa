import { useState } from 'preact/hooks';
import { api } from '../api';
import type { Mentor } from '../bindings/Mentor';
import type { MentorDraft } from '../bindings/MentorDraft';
import type { Mode } from '../bindings/Mode';
import type { Role } from '../bindings/Role';
import { useApp } from '../context';
import { MODES, ROLES } from '../labels';
import { Dialog, FieldError, SaveForm, focusById, showSaveError } from './Dialog';

type Field = 'name' | 'organisation' | 'roles' | 'cadenceDays' | 'preferredMode';

const FIELD_IDS: Record<Field, string> = {
  name: 'mentor-name',
  organisation: 'mentor-organisation',
  roles: `mentor-role-${ROLES[0]!.value}`,
  cadenceDays: 'mentor-cadence',
  preferredMode: 'mentor-mode',
};

const QUICK_PICKS = [
  { label: '1 week', days: 7 },
  { label: '2 weeks', days: 14 },
  { label: '4 weeks', days: 28 },
  { label: '3 months', days: 91 },
];

interface Props {
  mentor?: Mentor;
  onClose: () => void;
  onSaved: (mentor: Mentor) => void;
}

/** Add a mentor, or edit one when `mentor` is given. */
export function MentorDialog({ mentor, onClose, onSaved }: Props) {
  const app = useApp();
  const init = {
    name: mentor?.name ?? '',
    organisation: mentor?.organisation ?? '',
    roles: mentor?.roles ?? ([] as Role[]),
    cadence: String(mentor?.cadenceDays ?? 28),
    mode: mentor?.preferredMode ?? ('coffee' as Mode),
  };
  const [name, setName] = useState(init.name);
  const [organisation, setOrganisation] = useState(init.organisation);
  const [roles, setRoles] = useState<Role[]>(init.roles);
  const [cadence, setCadence] = useState(init.cadence);
  const [mode, setMode] = useState<Mode>(init.mode);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const dirty =
    name !== init.name ||
    organisation !== init.organisation ||
    cadence !== init.cadence ||
    mode !== init.mode ||
    roles.length !== init.roles.length ||
    roles.some((r) => !init.roles.includes(r));

  const toggleRole = (role: Role, on: boolean) => {
    setRoles((rs) => (on ? [...rs.filter((r) => r !== role), role] : rs.filter((r) => r !== role)));
  };

  const save = async () => {
    if (saving) return;
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = 'Please enter a name.';
    const days = Number(cadence);
    if (cadence.trim() === '' || !Number.isInteger(days) || days < 1) {
      found.cadenceDays = 'Please enter how many days between catch-ups, as a whole number of at least 1.';
    }
    setErrors(found);
    setFormError(undefined);
    const firstBad = (Object.keys(FIELD_IDS) as Field[]).find((f) => found[f]);
    if (firstBad) {
      focusById(FIELD_IDS[firstBad]);
      return;
    }
    const draft: MentorDraft = {
      name: name.trim(),
      organisation: organisation.trim(),
      roles: ROLES.map((r) => r.value).filter((r) => roles.includes(r)),
      cadenceDays: days,
      preferredMode: mode,
    };
    setSaving(true);
    try {
      const saved = mentor ? await api.updateMentor(mentor.id, draft) : await api.addMentor(draft);
      onSaved(saved);
    } catch (e) {
      setSaving(false);
      showSaveError(e, FIELD_IDS, { setErrors, setFormError, fail: app.fail });
    }
  };

  const described = (f: Field) => (errors[f] ? { 'aria-invalid': true, 'aria-describedby': `${FIELD_IDS[f]}-error` } : {});

  return (
    <Dialog title={mentor ? `Edit ${mentor.name}` : 'Add a mentor'} dirty={dirty} onClose={onClose}>
      {(requestClose) => (
        <SaveForm onSave={() => void save()}>
          <div class="field">
            <label for="mentor-name">Name</label>
            <input
              id="mentor-name"
              type="text"
              autocomplete="off"
              data-autofocus
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
              {...described('name')}
            />
            <FieldError id="mentor-name-error" message={errors.name} />
          </div>

          <div class="field">
            <label for="mentor-organisation">Organisation</label>
            <input
              id="mentor-organisation"
              type="text"
              autocomplete="off"
              placeholder="Optional"
              value={organisation}
              onInput={(e) => setOrganisation(e.currentTarget.value)}
              {...described('organisation')}
            />
            <FieldError id="mentor-organisation-error" message={errors.organisation} />
          </div>

          <fieldset class="field roles" aria-describedby={errors.roles ? `${FIELD_IDS.roles}-error` : undefined}>
            <legend>Roles in your circle</legend>
            <div class="checks">
              {ROLES.map((r) => (
                <div class="check" key={r.value}>
                  <input
                    id={`mentor-role-${r.value}`}
                    type="checkbox"
                    checked={roles.includes(r.value)}
                    onChange={(e) => toggleRole(r.value, e.currentTarget.checked)}
                  />
                  <label for={`mentor-role-${r.value}`}>{r.label}</label>
                </div>
              ))}
            </div>
            <FieldError id={`${FIELD_IDS.roles}-error`} message={errors.roles} />
          </fieldset>

          <div class="field-pair field-pair-cadence">
            <div class="field">
              <label for="mentor-cadence">Talk every (days)</label>
              <div class="cadence">
                <input
                  id="mentor-cadence"
                  class="input-number"
                  type="number"
                  min={1}
                  step={1}
                  inputMode="numeric"
                  value={cadence}
                  onInput={(e) => setCadence(e.currentTarget.value)}
                  {...described('cadenceDays')}
                />
                <div class="quick-picks" role="group" aria-label="Quick picks">
                  {QUICK_PICKS.map((q) => (
                    <button
                      type="button"
                      key={q.days}
                      class="pick"
                      aria-pressed={cadence === String(q.days)}
                      onClick={() => setCadence(String(q.days))}
                    >
                      {q.label}
                    </button>
                  ))}
                </div>
              </div>
              <FieldError id="mentor-cadence-error" message={errors.cadenceDays} />
            </div>

            <div class="field">
              <label for="mentor-mode">Preferred way to talk</label>
              <select id="mentor-mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as Mode)}>
                {MODES.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </select>
              <FieldError id="mentor-mode-error" message={errors.preferredMode} />
            </div>
          </div>

          {formError && (
            <p class="form-error" role="alert">
              {formError}
            </p>
          )}

          <div class="dialog-actions">
            <button type="button" class="button" onClick={requestClose} title="Cancel (Esc)">
              Cancel
            </button>
            <button type="submit" class="button button-primary" disabled={saving} title="Save (Enter)">
              {saving ? 'Saving…' : mentor ? 'Save changes' : 'Add mentor'}
            </button>
          </div>
        </SaveForm>
      )}
    </Dialog>
  );
}
