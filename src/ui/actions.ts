/** Svelte actions shared by the components. */

/** Focuses the element as it appears (a field opened for editing, Stop once recording starts); not when `enabled` is false. */
export function focusOnMount(element: HTMLElement, enabled = true): void {
  if (enabled) element.focus();
}

/** Shows a live stream in a muted `<video>` (a recording's preview); stops showing it when removed. */
export function playStream(video: HTMLVideoElement, stream: MediaStream): { destroy: () => void } {
  video.srcObject = stream;
  void video.play().catch(() => {
    // No autoplay: the preview stays on its first frame; the recording is unaffected.
  });
  return {
    destroy: () => {
      video.srcObject = null;
    },
  };
}
