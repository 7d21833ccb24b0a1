/**
 * Registers the service worker that makes the app open and record offline.
 *
 * A new version waits until the person applies it: taking over on its own
 * would reload the page, and a reload in the middle of a recording ends it.
 */
import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerEvents {
  onOfflineReady(): void;
  /** A new version is installed; calling `apply` reloads the page into it. */
  onUpdateReady(apply: () => void): void;
}

export function registerServiceWorker(events: ServiceWorkerEvents): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    immediate: true,
    onOfflineReady: events.onOfflineReady,
    onNeedRefresh: () => events.onUpdateReady(() => void updateSW(true)),
    onRegisterError(error: unknown) {
      console.warn('Offline support is unavailable:', error);
    },
  });
}
