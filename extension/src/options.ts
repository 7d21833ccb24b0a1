/**
 * The options page: the app addresses the companion trusts. Built-in ones come
 * from the manifest; the person adds the address of a self-hosted app here.
 */
import { addOrigin, addedOrigins, appOrigin, removeOrigin } from './app-origins';

const builtin = document.getElementById('builtin') as HTMLUListElement;
const added = document.getElementById('added') as HTMLUListElement;
const form = document.getElementById('add') as HTMLFormElement;
const input = document.getElementById('origin') as HTMLInputElement;
const message = document.getElementById('message') as HTMLParagraphElement;

function item(text: string): HTMLLIElement {
  const li = document.createElement('li');
  const code = document.createElement('code');
  code.textContent = text;
  li.append(code);
  return li;
}

async function render(): Promise<void> {
  const relay = chrome.runtime.getManifest().content_scripts?.find((c) => c.js?.includes('relay.js'));
  builtin.replaceChildren(...(relay?.matches ?? []).map((m) => item(m)));
  const origins = await addedOrigins();
  added.replaceChildren(
    ...origins.map((origin) => {
      const li = item(origin);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove ${origin}`);
      remove.addEventListener('click', () => {
        void removeOrigin(origin).then(render, show);
      });
      li.append(' ', remove);
      return li;
    }),
  );
}

function show(error: unknown): void {
  message.textContent = error instanceof Error ? error.message : String(error);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const parsed = appOrigin(input.value);
  if ('error' in parsed) return show(parsed.error);
  message.textContent = '';
  addOrigin(parsed.origin).then(() => {
    input.value = '';
    message.textContent = `Added ${parsed.origin}. Reload the app's tab there.`;
    return render();
  }, show);
});

void render();
