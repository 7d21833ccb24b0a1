/** Svelte actions shared by the components. */

/** Focuses the element as it appears (a field opened for editing, Stop once recording starts); not when `enabled` is false. */
export function focusOnMount(element: HTMLElement, enabled = true): void {
  if (enabled) element.focus();
}
