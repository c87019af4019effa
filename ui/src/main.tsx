import { render } from 'preact';
import { App } from './App';
import { applyTheme, loadTheme } from './features/settings/theme';
import { askFirstScreen } from './data/firstScreen';
import './styles.css';

// Linux takes the generic font family (see styles.css); Android never runs this.
if (/\bLinux\b/.test(navigator.userAgent)) document.documentElement.dataset.os = 'linux';
applyTheme(loadTheme());

// The first render waits for start-up's answer, or this long at most (see data/firstScreen.ts).
const FIRST_ANSWER_WAIT_MS = 300;

const root = document.getElementById('app');
if (root) askFirstScreen(() => render(<App />, root), FIRST_ANSWER_WAIT_MS);
