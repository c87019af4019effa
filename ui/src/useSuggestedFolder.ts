// Where the dialogs offer to put files: the Documents folder, asked once per dialog.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';

/** `null` while asking; an empty string when the backend could not say (the user types a path). */
export function useSuggestedFolder(): string | null {
  const [folder, setFolder] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.suggestedFolder().then(
      (f) => live && setFolder(f),
      () => live && setFolder(''),
    );
    return () => {
      live = false;
    };
  }, []);
  return folder;
}
