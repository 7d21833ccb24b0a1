/** Describes the element an event acted on: role, accessible name, text and a CSS selector. */
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import type { TargetDescriptor } from './events';
import { looksLikeFormat } from '../compose/control';

const MAX_TEXT = 80;

function clip(text: string | null | undefined): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT - 1)}…` : clean;
}

/** The element's ARIA role, explicit or implicit (WAI-ARIA and HTML-AAM, by dom-accessibility-api). */
export function roleOf(el: Element): string | undefined {
  return getRole(el) ?? undefined;
}

/**
 * The element's accessible name as assistive technology computes it (accname 1.2,
 * by dom-accessibility-api): labels, aria-labelledby, aria-label, contents, title;
 * a field's placeholder where nothing else names it.
 */
export function accessibleName(el: Element): string | undefined {
  // A select is not named by its options (dom-accessibility-api reads them as its contents).
  const unnamedSelect =
    el instanceof HTMLSelectElement &&
    el.labels.length === 0 &&
    !['aria-label', 'aria-labelledby', 'title'].some((attribute) => el.hasAttribute(attribute));
  if (unnamedSelect) return undefined;
  const name = clip(computeAccessibleName(el));
  if (name) return name;
  const placeholder = placeholderOf(el);
  // A format or an example ("mm/dd/yyyy", "e.g. 42.00") shows what to type, it does not name the field.
  return placeholder && !looksLikeFormat(placeholder) ? placeholder : undefined;
}

function placeholderOf(el: Element): string | undefined {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
    ? clip(el.getAttribute('placeholder'))
    : undefined;
}

/** A select's options as shown, at most this many: enough to say what there is to choose from. */
const MAX_OPTIONS = 12;

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
    const nth = nthOfType(node);
    parts.unshift(nth ? `${tag}:nth-of-type(${nth})` : tag);
    node = node.parentElement;
  }
  return parts.join(' > ');
}

/**
 * The element's place among its parent's children of the same tag (1-based), or
 * undefined when it is the only one. Walks siblings rather than copying the list:
 * a row among thousands is described on every click in it.
 */
function nthOfType(el: Element): number | undefined {
  let before = 0;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === el.tagName) before++;
  if (before > 0) return before + 1;
  for (let s = el.nextElementSibling; s; s = s.nextElementSibling) if (s.tagName === el.tagName) return 1;
  return undefined;
}

/** The element a person meant: the closest interactive ancestor of what was hit. */
export function actionableTarget(el: Element): Element {
  return el.closest('button, a[href], input, select, textarea, summary, label, [role], [tabindex]') ?? el;
}

export function describeTarget(el: Element): TargetDescriptor {
  const selector = cssSelector(el);
  const descriptor: TargetDescriptor = { tag: el.tagName.toLowerCase(), selector };
  const role = roleOf(el);
  if (role) descriptor.role = role;
  // innerText is the text as shown (jsdom has none: its textContent stands in).
  const text = el instanceof HTMLElement ? clip(el.innerText ?? el.textContent) : undefined;
  // A field or box with no name of its own is named by its row, as a person reads it; so is
  // a bare box with no role and no text (a row of a settings panel clicked beside its caption).
  // Editable text (a tree editor's value cell) holds what is typed: its text is a value, never its name.
  const editable = isEditableText(el);
  const own =
    editable && !el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby') ? undefined : accessibleName(el);
  const byLayout = isFormControl(el) || editable || (!role && !text);
  // A field shown only with a format ("mm/dd/yyyy") and nothing around it is still named by it.
  const name = own ?? (byLayout ? layoutLabel(el) : undefined) ?? placeholderOf(el);
  if (name) descriptor.name = name;
  // A name shared by several controls (a row's icon buttons) says nothing alone: which row.
  // (Not a table's header cell: its column is its name, and another table's is another matter.)
  if (own && !isFormControl(el) && role !== 'columnheader' && role !== 'rowheader' && !uniquelyNamed(el, own)) {
    const context = layoutLabel(el);
    if (context && context !== own) descriptor.context = context;
  }
  if (text) descriptor.text = text;
  if (el instanceof HTMLInputElement) descriptor.inputType = el.type;
  if (el instanceof HTMLTextAreaElement) descriptor.inputType = 'textarea';
  const placeholder = placeholderOf(el);
  if (placeholder && placeholder !== name) descriptor.placeholder = placeholder;
  if (el instanceof HTMLSelectElement) {
    const options = Array.from(el.options).filter((option) => clip(option.label || option.text));
    descriptor.options = options.slice(0, MAX_OPTIONS).map((option) => clip(option.label || option.text)!);
    // What a script sets (Chrome's Recorder sets a select's value, not its text).
    descriptor.optionValues = options.slice(0, MAX_OPTIONS).map((option) => option.value);
    if (options.length > MAX_OPTIONS) descriptor.optionCount = options.length;
  }
  descriptor.selectors = recorderSelectors(el, name, role, text, selector);
  return descriptor;
}

/**
 * Ways to find the element again, as Chrome's Recorder writes them: each is a
 * list of selectors, one per shadow root from the document down; the accessible
 * name (`aria/Name[role="button"]`), CSS, XPath (document level only) and the
 * visible text.
 */
export function recorderSelectors(
  el: Element,
  name: string | undefined,
  role: string | undefined,
  text: string | undefined,
  ownSelector = cssSelector(el),
): string[][] {
  const selectors: string[][] = [];
  if (name) selectors.push([`aria/${name}${role ? `[role="${role}"]` : ''}`]);
  const css: string[] = [];
  for (let node: Element | null = el; node;) {
    css.unshift(node === el ? ownSelector : cssSelector(node));
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  selectors.push(css);
  if (css.length === 1) selectors.push([`xpath/${xpathOf(el)}`]);
  if (text && text.length <= 40 && !text.includes('\n')) selectors.push([`text/${text}`]);
  return selectors;
}

/** An XPath to the element: from the nearest ancestor with an id, else from the root. */
function xpathOf(el: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.id) {
      steps.unshift(`//*[@id=${JSON.stringify(node.id)}]`);
      return steps.join('/');
    }
    const tag = node.tagName.toLowerCase();
    const nth = nthOfType(node);
    steps.unshift(nth ? `${tag}[${nth}]` : tag);
  }
  return `/${steps.join('/')}`;
}

/** An element whose text a person edits in place (`contenteditable`), not a form field. */
function isEditableText(el: Element): boolean {
  return !isFormControl(el) && el.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

function isFormControl(el: Element): boolean {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

/**
 * The text that names an element by layout: in the nearest ancestor (up to four
 * levels) with any text besides the element's own, the text just before the
 * element (a form row's caption, the label left of a field), else just after it
 * (a checkbox's label). Text without letters or digits (a "#" column) is passed over.
 */
export function layoutLabel(el: Element): string | undefined {
  let node: Element | null = el.parentElement;
  for (let level = 0; node && level < 4; level++, node = node.parentElement) {
    let before: string | undefined;
    let after: string | undefined;
    const walker = node.ownerDocument.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (el.contains(text) || text.parentElement?.closest('script, style, option, [hidden], [aria-hidden="true"]'))
        continue;
      const words = clip(text.textContent);
      if (!words || !/[\p{L}\p{N}]/u.test(words)) continue;
      if (el.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_PRECEDING) before = words;
      else {
        after = words;
        break;
      }
    }
    const found = before ?? after;
    if (found) return found;
  }
  return undefined;
}

/** Whether no other element of its kind in its document or shadow root has the same accessible name. */
function uniquelyNamed(el: Element, name: string): boolean {
  const root = el.getRootNode() as Document | ShadowRoot;
  const peers = Array.from(root.querySelectorAll(el.tagName)).slice(0, 200);
  const words = name.replace(/…$/, '');
  return !peers.some((peer) => peer !== el && mayBeNamed(peer, words) && accessibleName(peer) === name);
}

/**
 * Whether `words` could be the element's accessible name: they are in its text or
 * an attribute, or something else names it (labels, aria-labelledby). Computing
 * a name reads styles; this skips the peers that cannot match without doing so.
 */
function mayBeNamed(el: Element, words: string): boolean {
  if (el.hasAttribute('aria-labelledby') || el instanceof HTMLInputElement) return true;
  if ('labels' in el && (el.labels as NodeListOf<HTMLLabelElement> | null)?.length) return true;
  // Names are compared with their white space collapsed, as accessibleName gives them.
  const has = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').includes(words) ?? false;
  return has(el.textContent) || Array.from(el.attributes).some((a) => has(a.value));
}

/** Fields whose value must never be stored. */
export function isSecretField(el: Element): boolean {
  if (!(el instanceof HTMLInputElement)) return false;
  if (el.type === 'password') return true;
  const hints = `${el.autocomplete} ${el.name} ${el.id}`;
  return /password|passwd|\bpwd\b|secret|token|one-time-code|\botp\b|\bcvc\b|\bcvv\b|cc-number|cc-csc/i.test(hints);
}
