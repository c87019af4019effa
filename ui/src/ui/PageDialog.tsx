import type { ComponentProps } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { isTypingTarget } from './keys';
import { Dialog } from './Dialog';

type Props = ComponentProps<typeof Dialog> & {
  /** Given to the dialog itself (the element with role="dialog"). */
  id?: string;
};

/**
 * A dialog that a screen opens for itself rather than through the app shell (such as
 * "Record advice" on a mentor's page). It behaves as every dialog does, and the app's
 * own shortcuts (quick log, new mentor, journal, search, quick agenda, palette, help) wait until
 * it is closed, as they do over the shell's dialogs. Locking, quitting and closing the window
 * still work.
 */
export function PageDialog({ id, ...props }: Props) {
  const wrapper = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const panel = wrapper.current?.querySelector('[role="dialog"]');
    if (id && panel) panel.id = id;
  }, [id]);

  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const appShortcut =
      mod && !e.altKey && (e.shiftKey ? key === 'a' : ['l', 'n', 'j', 'f', 'k'].includes(key));
    if (appShortcut) {
      // Handled here: the shell's shortcut listener skips what was already handled.
      e.preventDefault();
    } else if (e.key === '?' && !mod && !e.altKey && !isTypingTarget(e.target)) {
      e.preventDefault();
    }
  };

  return (
    <div class="page-dialog" ref={wrapper} onKeyDown={onKeyDown}>
      <Dialog {...props} />
    </div>
  );
}
