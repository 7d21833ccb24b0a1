/**
 * Logs what a person does in a document: clicks, keys, typing, scrolling,
 * focus and navigation. Used when the recorded tab is the app itself, where
 * these events describe the workflow far better than pixels can.
 *
 * Typing is coalesced per field (one `input` event per pause in typing) and
 * printable keys inside editable fields are not logged one by one: the field's
 * value already says what was typed. Secret fields never give their value.
 */
import type { Point } from '../shared/geometry';
import type { NewEvent } from './events';
import { actionableTarget, describeTarget, isSecretField } from './target-descriptor';

export interface DomLoggerOptions {
  /** Video pixels per CSS pixel, to place points on the captured frame. */
  scale: number;
  /** Current video time, in ms. */
  now(): number;
  emit(event: NewEvent): void;
  /** Elements inside this selector (the recorder's own controls) are not part of the workflow. */
  ignoreSelector?: string;
  /** Keys the app handles itself (hotkeys) are not logged. */
  isHotkey?(event: KeyboardEvent): boolean;
  /** Who logs: the app in its own tab (`page`), or the companion extension in another. */
  source?: 'page' | 'extension';
}

const TYPING_PAUSE_MS = 800;
const SCROLL_GAP_MS = 300;
const NAMED_KEYS = /^(Enter|Tab|Escape|Backspace|Delete|Arrow\w+|Page(Up|Down)|Home|End|F\d{1,2}|Insert)$/;

interface PendingInput {
  el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLElement;
  startT: number;
  timer: ReturnType<typeof setTimeout>;
}

interface PendingScroll {
  startT: number;
  startX: number;
  startY: number;
  timer: ReturnType<typeof setTimeout>;
}

export class DomEventLogger {
  readonly #doc: Document;
  readonly #options: DomLoggerOptions;
  readonly #pendingInputs = new Map<Element, PendingInput>();
  #pendingScroll: PendingScroll | null = null;
  #lastUrl: string;
  readonly #controller = new AbortController();

  readonly #source: 'page' | 'extension';

  constructor(doc: Document, options: DomLoggerOptions) {
    this.#doc = doc;
    this.#options = options;
    this.#source = options.source ?? 'page';
    this.#lastUrl = doc.location.href;
    const on = { capture: true, passive: true, signal: this.#controller.signal };
    doc.addEventListener('click', (e) => this.#onClick(e), on);
    doc.addEventListener('keydown', (e) => this.#onKey(e), on);
    doc.addEventListener('input', (e) => this.#onInput(e), on);
    doc.addEventListener('change', (e) => this.#onChange(e), on);
    doc.addEventListener('focusin', (e) => this.#onFocus(e), on);
    doc.addEventListener('focusout', (e) => this.#flushInput(e.composedPath()[0] ?? e.target), on);
    doc.addEventListener('scroll', () => this.#onScroll(), on);
    const win = doc.defaultView;
    win?.addEventListener('hashchange', () => this.#onNavigate(), on);
    win?.addEventListener('popstate', () => this.#onNavigate(), on);
  }

  /** Stops listening; typing and scrolling still pending are logged first. */
  detach(): void {
    for (const el of [...this.#pendingInputs.keys()]) this.#flushInput(el);
    this.#flushScroll();
    this.#controller.abort();
  }

  /**
   * The element an event happened on (inside shadow roots: the first node of its
   * composed path, not the host the document sees), or null when it is not part
   * of the workflow.
   */
  #workflowElement(eventOrTarget: Event | EventTarget | null): Element | null {
    const target =
      eventOrTarget instanceof Event ? (eventOrTarget.composedPath()[0] ?? eventOrTarget.target) : eventOrTarget;
    if (!(target instanceof Element)) return null;
    const { ignoreSelector } = this.#options;
    return ignoreSelector && target.closest(ignoreSelector) ? null : target;
  }

  #point(x: number, y: number): Point {
    const { scale } = this.#options;
    return { x: Math.round(x * scale), y: Math.round(y * scale) };
  }

  #box(el: Element) {
    const rect = el.getBoundingClientRect();
    const { scale } = this.#options;
    return {
      x: Math.round(rect.x * scale),
      y: Math.round(rect.y * scale),
      width: Math.round(rect.width * scale),
      height: Math.round(rect.height * scale),
    };
  }

  #onClick(event: MouseEvent): void {
    const hit = this.#workflowElement(event);
    if (!hit) return;
    const el = actionableTarget(hit);
    this.#options.emit({
      t: this.#options.now(),
      type: 'click',
      source: this.#source,
      point: this.#point(event.clientX, event.clientY),
      box: this.#box(el),
      button: event.button,
      // The second click of a double click says so (the browser counts them in `detail`).
      ...(event.detail >= 2 ? { clickCount: event.detail } : {}),
      target: describeTarget(el),
    });
  }

  #onKey(event: KeyboardEvent): void {
    const target = this.#workflowElement(event);
    if (!target || this.#options.isHotkey?.(event)) return;
    // Enter or Tab may make the page read and clear the field (a todo added, a message sent):
    // its value is taken now, before the page's own handlers run (this listener captures).
    if (event.key === 'Enter' || event.key === 'Tab') this.#flushInput(target);
    const editable = isEditable(target);
    const combo = event.ctrlKey || event.metaKey || (event.altKey && event.key.length > 1);
    if (['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return;
    // Plain characters typed into a field are covered by its `input` event.
    if (editable && !combo && !NAMED_KEYS.test(event.key)) return;
    const secret = isSecretField(target);
    if (secret && !combo && !NAMED_KEYS.test(event.key)) return;
    this.#options.emit({
      t: this.#options.now(),
      type: 'key',
      source: this.#source,
      key: keyCombo(event),
      target: describeTarget(target),
    });
  }

  #onInput(event: Event): void {
    const el = this.#workflowElement(event);
    if (!(el instanceof HTMLElement)) return;
    if (el instanceof HTMLSelectElement || isToggle(el)) return; // logged on `change`
    const pending = this.#pendingInputs.get(el);
    if (pending) clearTimeout(pending.timer);
    this.#pendingInputs.set(el, {
      el,
      startT: pending?.startT ?? this.#options.now(),
      timer: setTimeout(() => this.#flushInput(el), TYPING_PAUSE_MS),
    });
  }

  #onChange(event: Event): void {
    const el = this.#workflowElement(event);
    if (!(el instanceof HTMLElement)) return;
    if (el instanceof HTMLSelectElement || isToggle(el)) this.#emitValue(el, this.#options.now());
    else this.#flushInput(el);
  }

  #flushInput(target: EventTarget | null): void {
    if (!(target instanceof Element)) return;
    const pending = this.#pendingInputs.get(target);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pendingInputs.delete(target);
    this.#emitValue(pending.el, pending.startT);
  }

  #emitValue(el: HTMLElement, t: number): void {
    const secret = isSecretField(el);
    const value = secret ? undefined : valueOf(el);
    this.#options.emit({
      t,
      endT: this.#options.now(),
      type: 'input',
      source: this.#source,
      box: this.#box(el),
      target: describeTarget(el),
      ...(value !== undefined ? { value } : {}),
      ...(secret ? { redacted: true } : {}),
    });
  }

  #onFocus(event: FocusEvent): void {
    const el = this.#workflowElement(event);
    if (!el) return;
    this.#options.emit({
      t: this.#options.now(),
      type: 'focus',
      source: this.#source,
      box: this.#box(el),
      target: describeTarget(el),
    });
  }

  #onScroll(): void {
    const win = this.#doc.defaultView;
    if (!win) return;
    if (this.#pendingScroll) clearTimeout(this.#pendingScroll.timer);
    this.#pendingScroll = {
      startT: this.#pendingScroll?.startT ?? this.#options.now(),
      startX: this.#pendingScroll?.startX ?? win.scrollX,
      startY: this.#pendingScroll?.startY ?? win.scrollY,
      timer: setTimeout(() => this.#flushScroll(), SCROLL_GAP_MS),
    };
  }

  #flushScroll(): void {
    const pending = this.#pendingScroll;
    const win = this.#doc.defaultView;
    if (!pending || !win) return;
    clearTimeout(pending.timer);
    this.#pendingScroll = null;
    const { scale } = this.#options;
    this.#options.emit({
      t: pending.startT,
      endT: this.#options.now(),
      type: 'scroll',
      source: this.#source,
      scrollDelta: {
        x: Math.round((win.scrollX - pending.startX) * scale),
        y: Math.round((win.scrollY - pending.startY) * scale),
      },
    });
  }

  #onNavigate(): void {
    const url = this.#doc.location.href;
    if (url === this.#lastUrl) return;
    this.#lastUrl = url;
    this.#options.emit({ t: this.#options.now(), type: 'navigate', source: this.#source, url, title: this.#doc.title });
  }
}

function isEditable(el: Element): boolean {
  if (el instanceof HTMLInputElement) return !isToggle(el) && !['button', 'submit', 'reset'].includes(el.type);
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable);
}

function isToggle(el: Element): boolean {
  return el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
}

function valueOf(el: HTMLElement): string | undefined {
  if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.text ?? el.value;
  if (el instanceof HTMLInputElement && isToggle(el)) return el.checked ? 'checked' : 'unchecked';
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value;
  if (el.isContentEditable) return el.innerText;
  return undefined;
}

export function keyCombo(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  const parts: string[] = [];
  if (event.ctrlKey) parts.push('Ctrl');
  if (event.metaKey) parts.push('Meta');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey && event.key.length > 1) parts.push('Shift');
  const modified = event.ctrlKey || event.metaKey || event.altKey;
  parts.push(event.key.length === 1 && modified ? event.key.toUpperCase() : event.key);
  return parts.join('+');
}
