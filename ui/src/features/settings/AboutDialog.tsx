import { useEffect, useState } from 'preact/hooks';
import { type About, api } from '../../api';
import { useApp } from '../../context';
import icon from '../../../../src-tauri/icons/icon.svg';
import { Dialog } from '../../ui/Dialog';

/** "About Mentor Circle": the version, and where the circle is kept. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const app = useApp();
  const [about, setAbout] = useState<About | null>(null);
  useEffect(() => {
    api.about().then(setAbout, (e) => app.fail(e));
  }, []);
  return (
    <Dialog title="About Mentor Circle" onClose={onClose} size="narrow">
      {(requestClose) => (
        <>
          <div class="about">
            <img class="about-icon" src={icon} width={64} height={64} alt="" />
            <div>
              <p class="about-name">Mentor Circle</p>
              <p class="about-version">{about ? `Version ${about.version}` : 'Version …'}</p>
            </div>
          </div>
          <p>Keeps your circle of career mentors, each agreement and every catch-up, and tells you when it’s time to catch up.</p>
          <p>
            Your circle is kept encrypted on this computer, and nothing leaves it.
            {about && (
              <>
                {' '}
                It is in <code class="about-path">{about.dataFolder}</code>.
              </>
            )}
          </p>
          <div class="dialog-actions">
            <button type="button" class="button" onClick={requestClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
