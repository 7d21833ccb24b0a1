/**
 * Which pages are the app: the relay runs only there. The build trusts
 * localhost and 127.0.0.1 (and the origin given at build time) through the
 * manifest; origins the person adds in the options page are kept in
 * `chrome.storage.local`, and the logger, which runs on every page anyway,
 * starts the relay on them. No permission beyond `storage` is needed.
 */

const KEY = 'appOrigins';

/** The origin of an app address typed by the person, or a message saying why it is not one. */
export function appOrigin(input: string): { origin: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return {
      error: 'That is not an address. Type it as it appears in the address bar, e.g. https://pack2skill.example.com',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: `The app is served over https (or http); ${url.protocol} addresses cannot be the app.` };
  }
  return { origin: url.origin };
}

export async function addedOrigins(): Promise<string[]> {
  const stored = (await chrome.storage.local.get(KEY)) as { [KEY]?: unknown };
  const list = stored[KEY];
  return Array.isArray(list) ? list.filter((o): o is string => typeof o === 'string') : [];
}

export async function addOrigin(origin: string): Promise<void> {
  const list = await addedOrigins();
  if (!list.includes(origin)) await chrome.storage.local.set({ [KEY]: [...list, origin] });
}

export async function removeOrigin(origin: string): Promise<void> {
  await chrome.storage.local.set({ [KEY]: (await addedOrigins()).filter((o) => o !== origin) });
}
