// Electron entry (bundled to dist/electron/main.cjs). The work is in app.ts.
import { startApp } from './app';

startApp();
