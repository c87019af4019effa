import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Tauri serves the bundle from its own origin under a strict CSP, so the build
// must produce plain files: no inline styles, no source maps, no remote content.
// The one inline script is index.html's own (start-up's first question), which
// Tauri allows by adding its hash to the CSP. WebKitGTK (Linux) and WKWebView (macOS) set the syntax target.
export default defineConfig({
  plugins: [preact()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['es2021', 'safari15'],
    sourcemap: false,
    // WebKit has native modulepreload; the polyfill is not needed.
    modulePreload: { polyfill: false },
    // Keep every asset as a file so nothing is inlined as a data: URL script.
    assetsInlineLimit: 0,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
