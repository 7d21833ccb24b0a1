/** The relay on the app's built-in origins (the manifest's content script there); see `app-link.ts`. */
import { startRelay } from './app-link';

startRelay();
