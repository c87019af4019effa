// Where the dialogs offer to put files: the Documents folder, asked once per dialog.
import { api } from '../../api';
import { useQueryState } from '../../data/hooks';
import { keys } from '../../data/keys';

/** `null` while asking; an empty string when the backend could not say (the user types a path). */
export function useSuggestedFolder(): string | null {
  const folder = useQueryState(keys.once('suggestedFolder'), () => api.suggestedFolder());
  return folder.failed ? '' : folder.data;
}
