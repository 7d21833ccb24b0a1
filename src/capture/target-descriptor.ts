/** Describes the element an event acted on: role, accessible name, text and a CSS selector. */
import type { TargetDescriptor } from './events';

const MAX_TEXT = 80;

const IMPLICIT_ROLES: Record<string, string> = {
  a: 'link',
  button: 'button',
  select: 'combobox',
  textarea: 'textbox',
  summary: 'button',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  img: 'img',
  li: 'listitem',
  option: 'option',
  nav: 'navigation',
};

const INPUT_ROLES: Record<string, string> = {
  button: 'button',
  submit: 'button',
  reset: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  range: 'slider',
  search: 'searchbox',
};

function clip(text: string | null | undefined): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT - 1)}…` : clean;
}

export function roleOf(el: Element): string | undefined {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0];
  const tag = el.tagName.toLowerCase();
  if (tag === 'input') return INPUT_ROLES[(el as HTMLInputElement).type] ?? 'textbox';
  if (tag === 'a' && !el.hasAttribute('href')) return undefined;
  return IMPLICIT_ROLES[tag];
}

/** A practical subset of the accessible-name computation: enough to name what a person clicked. */
export function accessibleName(el: Element): string | undefined {
  const labelled = el.getAttribute('aria-labelledby');
  if (labelled) {
    const text = labelled
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
    if (clip(text)) return clip(text);
  }
  const aria = clip(el.getAttribute('aria-label'));
  if (aria) return aria;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
    const label = clip(el.labels?.[0]?.textContent);
    if (label) return label;
    if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return clip(el.value);
    return clip(el.getAttribute('placeholder')) ?? clip(el.getAttribute('title'));
  }
  if (el instanceof HTMLImageElement) return clip(el.alt);
  return clip(el.textContent) ?? clip(el.getAttribute('title'));
}

export function cssSelector(el: Element): string {
  const parts: string[] = [];
  let node: Element | null = el;
  while (node && parts.length < 4) {
    if (node.id) {
      parts.unshift(`#${CSS.escape(node.id)}`);
      break;
    }
    const testId = node.getAttribute('data-testid');
    if (testId) {
      parts.unshift(`[data-testid="${CSS.escape(testId)}"]`);
      break;
    }
    const tag = node.tagName.toLowerCase();
    const parent: Element | null = node.parentElement;
    const same = parent ? Array.from(parent.children).filter((c) => c.tagName === node?.tagName) : [];
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
    node = parent;
  }
  return parts.join(' > ');
}

/** The element a person meant: the closest interactive ancestor of what was hit. */
export function actionableTarget(el: Element): Element {
  return el.closest('button, a[href], input, select, textarea, summary, label, [role], [tabindex]') ?? el;
}

export function describeTarget(el: Element): TargetDescriptor {
  const descriptor: TargetDescriptor = { tag: el.tagName.toLowerCase(), selector: cssSelector(el) };
  const role = roleOf(el);
  if (role) descriptor.role = role;
  const name = accessibleName(el);
  if (name) descriptor.name = name;
  const text = el instanceof HTMLElement ? clip(el.innerText) : undefined;
  if (text) descriptor.text = text;
  if (el instanceof HTMLInputElement) descriptor.inputType = el.type;
  return descriptor;
}

/** Fields whose value must never be stored. */
export function isSecretField(el: Element): boolean {
  if (!(el instanceof HTMLInputElement)) return false;
  if (el.type === 'password') return true;
  const hints = `${el.autocomplete} ${el.name} ${el.id}`;
  return /password|passwd|\bpwd\b|secret|token|one-time-code|\botp\b|\bcvc\b|\bcvv\b|cc-number|cc-csc/i.test(hints);
}
