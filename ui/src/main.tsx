import { render } from 'preact';
import { App } from './App';
import { applyTheme, loadTheme } from './theme';
import { askFirstScreen } from './useCircle';
import './styles.css';

// Before the first render, so the answer is on its way while the page draws.
askFirstScreen();
// Linux takes the generic font family (see styles.css); Android never runs this.
if (/\bLinux\b/.test(navigator.userAgent)) document.documentElement.dataset.os = 'linux';
applyTheme(loadTheme());

const root = document.getElementById('app');
if (root) render(<App />, root);
