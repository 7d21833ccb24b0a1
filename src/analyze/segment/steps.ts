/**
 * From bursts to steps a person would recognise: one per action, with the
 * screen change it caused attached. Pure.
 *
 * - A key burst becomes one step per field typed into (the field's final value),
 *   a "choose" for a select, a "toggle" for a checkbox, a "key" step for keys
 *   pressed outside fields (shortcuts, Enter).
 * - A click followed by typing in what was clicked is one "type X into Y" step;
 *   select-all before the typing (it replaces the field's text) and Enter after
 *   it (it submits what was typed) are part of that step, not steps of their own.
 * - A screen change joins the action it followed (within `attachWindowMs`);
 *   a change with no action before it (another tab, seen only as pixels) is a
 *   step of its own. Focus and pointer moves never make a step alone.
 * - Seen only as pixels, typing that paused and went on where it stopped is one
 *   step: a person stops mid-word, and the screen stands still long enough for
 *   the change to settle.
 */
import { contains, expand, ROW_HEIGHT, union, type Point, type Rect } from '../../shared/geometry';
import type { TargetDescriptor } from '../../capture/events';
import { toBurst, type Burst, type TimedEvent } from './bursts';

export type StepKind = 'click' | 'type' | 'choose' | 'toggle' | 'scroll' | 'key' | 'visual';

/** The event fields steps are built from (a subset of the stored event record). */
export interface StepEvent extends TimedEvent {
  point?: Point;
  box?: Rect;
  target?: TargetDescriptor;
  value?: string;
  redacted?: boolean;
  key?: string;
  scrollDelta?: { x: number; y: number };
  clickCount?: number;
  beforeFrameId?: string;
  afterFrameId?: string;
  fraction?: number;
  /** A screen change closed because the screen went on changing elsewhere at once (typing, then Enter). */
  moved?: true;
}

export interface StepDraft<E extends StepEvent> {
  start: number;
  end: number;
  kind: StepKind;
  /** What the person did (no screen changes). */
  events: E[];
  /** The screen changes this step caused. */
  visual: E[];
  target?: E['target'];
  value?: string;
  redacted?: boolean;
  key?: string;
  /** A click that was a double click. */
  double?: boolean;
  /** Typing: the key pressed right after it to submit it (Enter). */
  thenKey?: string;
  /** Typing: the field's text was selected first, so the value replaces it. */
  replaces?: boolean;
  scrollDelta?: { x: number; y: number };
  /** Where the action happened, in video pixels. */
  region?: Rect;
  /** Time within the step that the screen stood still (typing paused): not part of how long it changed. */
  pausedMs?: number;
  beforeFrameId?: string;
  afterFrameId?: string;
}

export interface StepOptions {
  /** How long after an action a screen change still counts as its result. */
  attachWindowMs: number;
  /** How soon typing must follow a click to make one "type into" step. */
  clickThenTypeMs: number;
  /** How long typing seen only as pixels may pause and still go on in the same step. */
  typingPauseMs: number;
}

export const defaultStepOptions: StepOptions = { attachWindowMs: 1500, clickThenTypeMs: 2000, typingPauseMs: 2000 };

/** At most this share of the frame changed: typing in one field, not what Enter did to the page. */
export const FIELD_FRACTION = 0.02;

export function buildSteps<E extends StepEvent>(
  bursts: Burst<E>[],
  options: StepOptions = defaultStepOptions,
  navigations: number[] = [],
): StepDraft<E>[] {
  const actions = bursts.filter((b) => b.kind !== 'visual').flatMap((b) => actionSteps(b));
  const steps = foldSubmitKeys(mergeClickThenType(foldSelectAll(actions, options), options), options);
  attachLeftovers(
    steps,
    bursts.filter((b) => b.kind === 'move' || onlyFocus(b)).flatMap((b) => b.events),
  );
  for (const burst of bursts
    .filter((b) => b.kind === 'visual')
    .flatMap(partAfterMoves)
    .flatMap(partAtScrolls)) {
    if (pageLoad(steps, burst, navigations, options)) continue;
    attachVisual(steps, burst, options);
  }
  for (const step of steps) finish(step);
  return joinPausedTyping(
    steps.sort((a, b) => a.start - b.start),
    options,
  );
}

const onlyFocus = (burst: Burst<StepEvent>) => burst.events.every((e) => e.type === 'focus');
const fieldKey = (e: StepEvent) => e.target?.selector ?? e.target?.name ?? '';

function draft<E extends StepEvent>(kind: StepKind, events: E[]): StepDraft<E> {
  const start = Math.min(...events.map((e) => e.t));
  const end = Math.max(...events.map((e) => e.endT ?? e.t));
  return { start, end, kind, events, visual: [] };
}

/** The steps one action burst makes; empty for bursts that are only context. */
function actionSteps<E extends StepEvent>(burst: Burst<E>): StepDraft<E>[] {
  if (burst.kind === 'move' || onlyFocus(burst)) return [];
  if (burst.kind === 'scroll') {
    const step = draft('scroll', burst.events);
    step.scrollDelta = burst.events.reduce(
      (sum, e) => ({ x: sum.x + (e.scrollDelta?.x ?? 0), y: sum.y + (e.scrollDelta?.y ?? 0) }),
      { x: 0, y: 0 },
    );
    return [step];
  }
  if (burst.kind === 'click') {
    const clicks = burst.events.filter((e) => e.type === 'click');
    const step = draft('click', burst.events);
    const last = clicks.at(-1);
    if (last?.target) step.target = last.target;
    if ((last?.clickCount ?? 1) >= 2) step.double = true;
    if (last?.box) step.region = last.box;
    else if (last?.point) step.region = { x: last.point.x - 8, y: last.point.y - 8, width: 16, height: 16 };
    return [step];
  }
  if (burst.kind === 'mixed') return mixedSteps(burst.events);
  return keySteps(burst.events);
}

/** A key burst: one step per field typed into, and one per run of keys pressed outside fields. */
function keySteps<E extends StepEvent>(events: E[]): StepDraft<E>[] {
  const steps: StepDraft<E>[] = [];
  let run: E[] = [];
  const flush = () => {
    if (run.length > 0) steps.push(inputOrKeyStep(run));
    run = [];
  };
  for (const event of events) {
    const previous = run.at(-1);
    const sameField =
      previous && event.type === 'input' && previous.type === 'input' && fieldKey(previous) === fieldKey(event);
    const sameKeys = previous && event.type === 'key' && previous.type === 'key';
    if (previous && !sameField && !sameKeys) flush();
    run.push(event);
  }
  flush();
  return steps;
}

function inputOrKeyStep<E extends StepEvent>(run: E[]): StepDraft<E> {
  const last = run.at(-1)!;
  if (last.type === 'key') {
    const step = draft('key', run);
    step.key = run.map((e) => e.key).join(', ');
    if (last.target) step.target = last.target;
    return step;
  }
  const tag = last.target?.tag;
  const toggle = last.target?.inputType === 'checkbox' || last.target?.inputType === 'radio';
  const step = draft(tag === 'select' ? 'choose' : toggle ? 'toggle' : 'type', run);
  if (last.target) step.target = last.target;
  if (last.box) step.region = last.box;
  if (last.redacted) step.redacted = true;
  else if (last.value !== undefined) step.value = last.value;
  return step;
}

/** Simple mode mixes kinds in one burst: split it back into actions. */
function mixedSteps<E extends StepEvent>(events: E[]): StepDraft<E>[] {
  const steps: StepDraft<E>[] = [];
  const byKind = (types: string[]) => events.filter((e) => types.includes(e.type));
  const clicks = byKind(['click', 'focus']);
  if (clicks.some((e) => e.type === 'click'))
    steps.push(...actionSteps({ start: 0, end: 0, kind: 'click', events: clicks }));
  const keys = byKind(['key', 'input']);
  if (keys.length > 0) steps.push(...keySteps(keys));
  const scrolls = byKind(['scroll']);
  if (scrolls.length > 0) steps.push(...actionSteps({ start: 0, end: 0, kind: 'scroll', events: scrolls }));
  const visual = byKind(['visual']);
  if (visual.length > 0 && steps.length === 0) {
    const step = draft<E>('visual', []);
    Object.assign(step, { start: visual[0]!.t, end: Math.max(...visual.map((e) => e.endT ?? e.t)), visual });
    steps.push(step);
  } else {
    // Each change goes to the last action that started before it (or the first action).
    for (const change of visual) {
      const owner = steps.filter((s) => s.start <= change.t).at(-1) ?? steps[0]!;
      owner.visual.push(change);
    }
  }
  return steps;
}

/** "Click the field, then type" reads as one step: "Type X into Y". */
function mergeClickThenType<E extends StepEvent>(steps: StepDraft<E>[], options: StepOptions): StepDraft<E>[] {
  const sorted = [...steps].sort((a, b) => a.start - b.start);
  const out: StepDraft<E>[] = [];
  for (const step of sorted) {
    const previous = out.at(-1);
    // A click on a select or a box that the browser reports before or after its change is that change.
    const sameControl = (a: StepDraft<E>, b: StepDraft<E>) =>
      a.target?.selector !== undefined && a.target.selector === b.target?.selector;
    if (
      step.kind === 'click' &&
      (previous?.kind === 'choose' || previous?.kind === 'toggle') &&
      sameControl(previous, step) &&
      step.start - previous.end <= options.clickThenTypeMs
    ) {
      previous.events.push(...step.events);
      continue;
    }
    const typing = step.kind === 'type' || step.kind === 'choose' || step.kind === 'toggle';
    if (previous?.kind === 'click' && typing && step.start - previous.end <= options.clickThenTypeMs) {
      const clickPoint = previous.events.find((e) => e.type === 'click')?.point;
      // Typing with nothing known of its field (a key logger's keys) goes where the click put the focus.
      const unplaced = step.target === undefined && step.region === undefined;
      const sameField =
        unplaced ||
        (previous.target?.selector !== undefined && previous.target.selector === step.target?.selector) ||
        (step.region !== undefined && clickPoint !== undefined && contains(step.region, clickPoint));
      if (sameField) {
        const region = step.region ?? previous.region;
        out[out.length - 1] = {
          ...step,
          start: previous.start,
          events: [...previous.events, ...step.events],
          ...(region ? { region } : {}),
        };
        continue;
      }
    }
    out.push(step);
  }
  return out;
}

const SELECT_ALL = /^(Control|Ctrl|Meta|Cmd)\+A$/i;

/** Select-all right before typing: the typing replaces the field's text (one step, not two). */
function foldSelectAll<E extends StepEvent>(steps: StepDraft<E>[], options: StepOptions): StepDraft<E>[] {
  const sorted = [...steps].sort((a, b) => a.start - b.start);
  const out: StepDraft<E>[] = [];
  for (const step of sorted) {
    const previous = out.at(-1);
    if (
      step.kind === 'type' &&
      previous?.kind === 'key' &&
      SELECT_ALL.test(previous.key ?? '') &&
      step.start - previous.end <= options.clickThenTypeMs
    ) {
      out[out.length - 1] = {
        ...step,
        start: previous.start,
        events: [...previous.events, ...step.events],
        replaces: true,
      };
      continue;
    }
    out.push(step);
  }
  return out;
}

/**
 * Enter right after typing submits what was typed, Tab moves on from the field: "type X
 * into Y and press Enter" is one step.
 */
function foldSubmitKeys<E extends StepEvent>(steps: StepDraft<E>[], options: StepOptions): StepDraft<E>[] {
  const out: StepDraft<E>[] = [];
  for (const step of steps) {
    const previous = out.at(-1);
    const keys = step.kind === 'key' ? (step.key ?? '').split(', ') : [];
    if (
      previous?.kind === 'type' &&
      previous.thenKey === undefined &&
      (keys[0] === 'Enter' || keys[0] === 'Tab') &&
      step.start - previous.end <= options.clickThenTypeMs
    ) {
      const pressed = step.events.find((e) => e.type === 'key')!;
      previous.thenKey = keys[0];
      previous.events.push(pressed);
      previous.end = Math.max(previous.end, pressed.t);
      if (keys.length === 1) continue;
      const rest = step.events.filter((e) => e !== pressed);
      out.push({
        ...draft(step.kind, rest),
        ...(step.target ? { target: step.target } : {}),
        key: keys.slice(1).join(', '),
      });
      continue;
    }
    out.push(step);
  }
  return out;
}

/** Focus and pointer moves join the step they are closest to in time. */
function attachLeftovers<E extends StepEvent>(steps: StepDraft<E>[], events: E[]): void {
  if (steps.length === 0) return;
  for (const event of events) {
    let best = steps[0]!;
    for (const step of steps) {
      const distance = (s: StepDraft<E>) => (event.t < s.start ? s.start - event.t : Math.max(0, event.t - s.end));
      if (distance(step) < distance(best)) best = step;
    }
    best.events.push(event);
    best.events.sort((a, b) => a.t - b.t);
  }
}

/** A burst of screen changes parts after each change that typing ended (`moved`): what followed is another step. */
function partAfterMoves<E extends StepEvent>(burst: Burst<E>): Burst<E>[] {
  const parts: E[][] = [[]];
  for (const event of burst.events) {
    parts.at(-1)!.push(event);
    if (event.moved) parts.push([]);
  }
  return parts.filter((events) => events.length > 0).map((events) => toBurst(events, burst.kind));
}

/** A change larger than a field's (`FIELD_FRACTION`): what a scroll moves, where typing never reaches. */
const wholePage = (e: StepEvent) => (e.fraction ?? 1) > FIELD_FRACTION;

/** A change that scrolled the page is a part of its own: what came before and after it are other actions. */
function partAtScrolls<E extends StepEvent>(burst: Burst<E>): Burst<E>[] {
  const scroll = (e: E) => wholePage(e) && e.scrollDelta !== undefined;
  if (!burst.events.some(scroll)) return [burst];
  const parts: E[][] = [[]];
  for (const event of burst.events) {
    if (scroll(event) && parts.at(-1)!.length > 0) parts.push([]);
    parts.at(-1)!.push(event);
    if (scroll(event)) parts.push([]);
  }
  return parts.filter((events) => events.length > 0).map((events) => toBurst(events, burst.kind));
}

/** How far from a change a click may be and still be where it happened. */
const CLICK_REACH = 16;

/**
 * A click logged while a change was going on, where it happened, whose result ended it: the
 * change is that click's, however early it began. On a whole screen's video the pointer is
 * drawn, and its glide to the control starts the change (a check box ticked 0.8 s into a change
 * begun by the pointer, ended 20 ms after the click's logged time), so by its start it would
 * go to the action before.
 */
function clickedDuring<E extends StepEvent>(steps: StepDraft<E>[], burst: Burst<E>): StepDraft<E> | undefined {
  return steps.find(
    (s) => logged(s) && s.kind === 'click' && burst.start < s.start && s.start <= burst.end && clickedIn(s, burst),
  );
}

/** Where `step` was clicked, if it was. */
const clickPoint = <E extends StepEvent>(step: StepDraft<E>) => step.events.find((e) => e.type === 'click')?.point;

/** Whether `step`'s click lies in one of `burst`'s changed places. */
function clickedIn<E extends StepEvent>(step: StepDraft<E>, burst: Burst<E>): boolean {
  const point = clickPoint(step);
  return point !== undefined && burst.events.some((e) => e.box && contains(expand(e.box, CLICK_REACH), point));
}

/**
 * Of the actions a change could be the result of, the one clicked where it happened, when
 * the last of them was clicked elsewhere: a change that came late (a video's frames lag a
 * logger's clock now and then) is the earlier click's, not the next one's begun meanwhile.
 */
function clickedThere<E extends StepEvent>(candidates: StepDraft<E>[], burst: Burst<E>): StepDraft<E> | undefined {
  const there = (s: StepDraft<E>) => clickedIn(s, burst);
  const last = candidates.at(-1);
  if (!last || !clickPoint(last) || there(last)) return undefined;
  return candidates.findLast(there);
}

/**
 * A step of something the person was logged doing (a click, keys, a scroll the page reported):
 * what a screen change may be the result of. A change seen only as pixels is none, and nor is a
 * scroll seen only as pixels (it has no events of its own: it caused nothing).
 */
const logged = <E extends StepEvent>(s: StepDraft<E>) => s.kind !== 'visual' && s.events.length > 0;

/** A page's logger reports it loaded once it runs: the new page may be painted this long before. */
const PAINTED_BEFORE_LOAD_MS = 1000;
/** A page logged as loaded this soon after an action ended is that action's result (a link, a submit button): pages take seconds. */
const LOAD_AFTER_ACTION_MS = 3000;

/**
 * A change that is a page loading, logged as a navigation, is no step: it joins the
 * action that led there (however long the page took), and with none (an address typed in
 * the browser's bar, Back, a script) it is only where the person went, which the page
 * events already say. True when `burst` was taken so.
 */
function pageLoad<E extends StepEvent>(
  steps: StepDraft<E>[],
  burst: Burst<E>,
  navigations: number[],
  options: StepOptions,
): boolean {
  const actions = steps.filter(logged);
  const loaded = navigations.findLast(
    (n) => n - PAINTED_BEFORE_LOAD_MS <= burst.start && burst.start <= n + options.attachWindowMs,
  );
  if (loaded === undefined) return false;
  // An action between the page loading and the change owns the change, as any other.
  if (actions.some((s) => s.start > loaded && s.start <= burst.start)) return false;
  const cause = actions.findLast((s) => s.start <= loaded && loaded <= s.end + LOAD_AFTER_ACTION_MS);
  cause?.visual.push(...burst.events);
  return true;
}

/** How long before an action a change with no earlier action to join may still be its result. */
const EARLY_CHANGE_MS = 600;

/**
 * How far a burst of changes scrolled the page, where every large change in it was the page
 * moving as one picture (`scrollDelta` on a screen change, seen by the detector); else undefined.
 */
function scrolledBy<E extends StepEvent>(events: E[]): { x: number; y: number } | undefined {
  const large = events.filter(wholePage);
  if (large.length === 0 || !large.every((e) => e.scrollDelta)) return undefined;
  return large.reduce((sum, e) => ({ x: sum.x + e.scrollDelta!.x, y: sum.y + e.scrollDelta!.y }), { x: 0, y: 0 });
}

/** Actions that never scroll the page: what is typed or chosen in a field stays in it. */
const IN_FIELD = new Set<StepKind>(['type', 'choose', 'toggle']);

/**
 * A screen change joins the last action before it, if it came soon enough; else it is a step.
 * A change that scrolled the page is a scroll step of its own, unless a click or a key (a link
 * within the page, Page Down) did it.
 */
function attachVisual<E extends StepEvent>(steps: StepDraft<E>[], burst: Burst<E>, options: StepOptions): void {
  const scrolled = scrolledBy(burst.events);
  const candidates = steps.filter(
    (s) =>
      logged(s) &&
      !(scrolled && IN_FIELD.has(s.kind)) &&
      s.start - 300 <= burst.start &&
      burst.start <= s.end + options.attachWindowMs,
  );
  // A change just before an action is its own when nothing came before it: a logger's
  // clock and the video's can differ by a few hundred milliseconds.
  const owner =
    clickedDuring(steps, burst) ??
    clickedThere(candidates, burst) ??
    candidates.at(-1) ??
    steps.find(
      (s) =>
        logged(s) &&
        !(scrolled && IN_FIELD.has(s.kind)) &&
        s.start > burst.start &&
        s.start - burst.start <= EARLY_CHANGE_MS,
    );
  if (owner) {
    owner.visual.push(...burst.events);
    return;
  }
  // Where actions were logged, the screen changing before the first of them is no step: the
  // recorder starting, a window giving way to the one worked in, a page still loading; nor
  // when it went on into the first action (the screen settling as the person began).
  const actions = steps.filter(logged);
  if (actions.length > 0 && actions.every((s) => s.start > burst.start)) return;
  const step = draft<E>(scrolled ? 'scroll' : 'visual', []);
  Object.assign(step, { start: burst.start, end: burst.end, visual: [...burst.events] });
  if (scrolled) step.scrollDelta = scrolled;
  steps.push(step);
}

/**
 * Seen only as pixels: a change in one row of a field that begins inside the change
 * just before it, to the right of where that one began, is the typing going on after a
 * pause (the old caret place changes again as the text grows from it), so the two are
 * one step. Clicks on two controls side by side never begin inside one another, and
 * the pointer leaving the first (its hover look) starts the second change at the first's
 * left edge, not inside it.
 */
function joinPausedTyping<E extends StepEvent>(steps: StepDraft<E>[], options: StepOptions): StepDraft<E>[] {
  const out: StepDraft<E>[] = [];
  for (const step of steps) {
    const previous = out.at(-1);
    if (previous && typingGoesOn(previous, step, options)) {
      const paused = step.start - previous.end;
      previous.visual.push(...step.visual);
      previous.end = step.end;
      previous.pausedMs = (previous.pausedMs ?? 0) + paused;
      previous.region = union([previous.region!, step.region!]);
      if (step.afterFrameId) previous.afterFrameId = step.afterFrameId;
      continue;
    }
    out.push(step);
  }
  return out;
}

function typingGoesOn<E extends StepEvent>(a: StepDraft<E>, b: StepDraft<E>, options: StepOptions): boolean {
  if (a.kind !== 'visual' || b.kind !== 'visual' || !a.region || !b.region) return false;
  const paused = b.start - a.end;
  if (paused < 0 || paused > options.typingPauseMs) return false;
  if ([...a.visual, ...b.visual].some((e) => (e.fraction ?? 1) > FIELD_FRACTION)) return false;
  // (Whether the detector closed `a` as typing that moved elsewhere does not matter: typing
  // that grows to the right is taken for such a jump now and then; what Enter did is no row.)
  const [ra, rb] = [a.region, b.region];
  if (ra.height > ROW_HEIGHT || rb.height > ROW_HEIGHT) return false;
  const sharedRows = Math.min(ra.y + ra.height, rb.y + rb.height) - Math.max(ra.y, rb.y);
  const sameRow = sharedRows >= Math.min(ra.height, rb.height) / 2;
  return sameRow && rb.x > ra.x && rb.x < ra.x + ra.width;
}

/**
 * Key frames and region: before = the frame kept with the action itself (an imported
 * click's moment) or else the first change's before; after = the last change's after.
 */
function finish<E extends StepEvent>(step: StepDraft<E>): void {
  step.visual.sort((a, b) => a.t - b.t);
  const first = step.visual[0];
  const last = step.visual.at(-1);
  const own = step.events.find((e) => e.beforeFrameId !== undefined);
  const before = own?.beforeFrameId ?? first?.beforeFrameId;
  if (before) step.beforeFrameId = before;
  if (last?.afterFrameId) step.afterFrameId = last.afterFrameId;
  step.region ??= union(step.visual.flatMap((e) => (e.box ? [e.box] : [])));
  if (step.visual.length > 0) step.end = Math.max(step.end, ...step.visual.map((e) => e.endT ?? e.t));
}
