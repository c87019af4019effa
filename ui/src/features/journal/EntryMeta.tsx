import type { JournalEntry } from '../../bindings/JournalEntry';
import { useApp } from '../../context';
import { linkedNames, scaleText } from './journalForm';
import { namesText } from '../nudges/nudgeHistory';

interface Props {
  entry: JournalEntry;
  names: ReadonlyMap<number, string>;
  /** Mentor names open their pages (on the entry itself; the list keeps one button per row). */
  links?: boolean;
}

/** An entry's mood and energy (when noted), tags, and who it is to raise with. */
export function EntryMeta({ entry, names, links = false }: Props) {
  const app = useApp();
  const mood = scaleText('Mood', entry.mood);
  const energy = scaleText('Energy', entry.energy);
  const people = entry.mentorIds.filter((id) => names.has(id));
  if (!mood && !energy && entry.tags.length === 0 && people.length === 0) return null;
  return (
    <div class="entry-meta">
      {mood && <span class="scale-chip">{mood}</span>}
      {energy && <span class="scale-chip">{energy}</span>}
      {entry.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {entry.tags.map((t) => (
            <li key={t} class="tag">
              {t}
            </li>
          ))}
        </ul>
      )}
      {people.length > 0 &&
        (links ? (
          <span class="entry-mentors">
            To raise with{' '}
            {people.map((id, i) => (
              <span key={id}>
                {i > 0 && (i === people.length - 1 ? ' and ' : ', ')}
                <button type="button" class="link entry-mentor" onClick={() => app.navigate({ name: 'mentor', id })}>
                  {names.get(id)}
                </button>
              </span>
            ))}
          </span>
        ) : (
          <span class="entry-mentors">To raise with {namesText(linkedNames(people, names))}</span>
        ))}
    </div>
  );
}
