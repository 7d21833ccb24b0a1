/**
 * Document Picture-in-Picture: the recorder's controls in a small always-on-top
 * window, so a person can mark and stop without switching back to this tab.
 */

export function canFloatControls(): boolean {
  return 'documentPictureInPicture' in window;
}

/** Opens the floating window with this page's styles; null when the browser refuses. */
export async function openFloatingWindow(): Promise<Window | null> {
  const pip = window.documentPictureInPicture;
  if (!pip) return null;
  if (pip.window) return pip.window;
  try {
    const win = await pip.requestWindow({ width: 380, height: 150 });
    for (const sheet of Array.from(document.styleSheets)) {
      const owner = sheet.ownerNode;
      if (owner instanceof Element) win.document.head.append(owner.cloneNode(true));
    }
    win.document.title = 'pack2skill controls';
    win.document.body.classList.add('floating');
    return win;
  } catch {
    return null; // needs a user gesture, or the browser said no: the tab's controls still work
  }
}
