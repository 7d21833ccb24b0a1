/** Registers the service worker that makes the app open and record offline. */
import { registerSW } from 'virtual:pwa-register';

export function registerServiceWorker(onOfflineReady: () => void): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({
    immediate: true,
    onOfflineReady,
    onRegisterError(error: unknown) {
      console.warn('Offline support is unavailable:', error);
    },
  });
}
