/**
 * What the pixels say about a step that its events did not: a choice made in a
 * select, typing submitted with Enter, the typed text as the page echoed it.
 * Pure, so unit-tested without OCR or storage.
 */
import type { EventRecord } from '../capture/events';
import { center, contains, expand, intersects, ROW_HEIGHT, union, type Point, type Rect } from '../shared/geometry';
import { editDistance, lettersOf, sameReading } from '../shared/text-distance';
import { choiceIn, type Choice } from './labels/labels';
import type { Mark } from './labels/marks';
import { alphanumerics, linesMeeting, partsOf, samePlace, wordsText, type OcrLine } from './ocr/lines';
import { wentOnAtOnce } from './segment/pointer';
import { defaultStepOptions, FIELD_FRACTION, type StepDraft } from './segment/steps';
import type { AnalyzedStep, LabelBasis } from './types';

/** A swap seen only as pixels that took longer than this was typing over a field's text, not a choice. */
const CHOICE_MAX_MS = 800;

/**
 * Seen only as pixels: typing that ended when the screen went on changing elsewhere
 * at once (no still frame between, so no second action), followed by a change that
 * is not typing into another field (a row added, a form sent, more than a field's
 * worth of the screen), reads as the typing submitted with Enter.
 */
export function submittedBy(
  typedDraft: StepDraft<EventRecord> | undefined,
  draft: StepDraft<EventRecord>,
  typed: AnalyzedStep,
  step: AnalyzedStep,
): boolean {
  const typingElsewhere = step.value !== undefined && draft.visual.every((e) => (e.fraction ?? 1) <= FIELD_FRACTION);
  if (
    typedDraft?.kind !== 'visual' ||
    draft.kind !== 'visual' ||
    typed.value === undefined ||
    typed.facts.thenKey !== undefined ||
    typingElsewhere
  )
    return false;
  return typedDraft.visual.at(-1)?.moved === true || lastWordThenEnter(typedDraft, draft, typed.value, step);
}

/**
 * A change folded into the typing before it as what its Enter did (`submittedBy`) that also
 * ticked a box beside a row already there (`gainedMark` reads the tick beside a line of the
 * before frame, not the row Enter added): the pointer went on to the box and clicked before the
 * screen was still. The tick is a step of its own; the rest of the change was Enter's.
 */
export function tickedInSubmit(step: AnalyzedStep): boolean {
  if (step.kind !== 'toggle' || step.seen !== 'tick' || !step.label) return false;
  // Its label is a line over the change, read before it: not text far off that a mark seemed to
  // come beside (the browser's sharing bar, read cut as "ring your screen. Stop sharing Hide",
  // under a desktop list that dropped down).
  const label = step.label;
  return (step.ocr?.before ?? []).some((line) => line.text.includes(label));
}

/**
 * Seen on a shared screen: the pointer came to rest off the row of the field typed in before the
 * change that followed the typing (it glided to a button: Tk's rolodex Search, which filled the
 * card), so the change was that click's, not what the typing's Enter did (`submittedBy`).
 */
export function restedElsewhere(typed: AnalyzedStep, pointer: Point): boolean {
  const value = typed.value;
  const field = value ? typed.ocr?.after.find((line) => line.text.includes(value)) : undefined;
  return field !== undefined && Math.abs(pointer.y - center(field.box).y) > ROW_HEIGHT / 2;
}

/**
 * Seen only as pixels: a click whose change was closed because the screen went on changing
 * elsewhere at once (the detector's cut after typing: the pointer's glide and the button
 * pressed under it lasted as long as a short word typed), followed at once by that change
 * going on (the dialog the button closed, the panel it opened), is one step: what the click
 * did is its own, not a step of its own.
 */
export function wentOnFrom(
  clickDraft: StepDraft<EventRecord> | undefined,
  draft: StepDraft<EventRecord>,
  click: AnalyzedStep,
  step: AnalyzedStep,
): boolean {
  // Typing begun at once is an action of its own (the pointer's glide to a field, cut when the
  // typing began, read as a click: "Click ee" took "Ada Lovelace" typed into Name in one run).
  if (click.value !== undefined || step.value !== undefined) return false;
  return followedAtOnce(clickDraft, draft) || answeredSoon(clickDraft, draft, click, step);
}

/**
 * The name of a click whose change went on in `step` (`wentOnFrom`), where the click was named
 * only by the lines read round its change and `step` where the pointer came to rest: the
 * pointer's glide over a row of buttons read them all ("rl+C Add ctri+A Search Ctrl+S
 * Delete..."), then it rested on "Search" as the change went on. Undefined where the click's
 * own name stands (read at a point, a mark, a menu or a title; or it set a value).
 */
export function restedOnAfter(click: AnalyzedStep, step: AnalyzedStep): string | undefined {
  const guessed = click.seen !== undefined && !SURE_BASES.has(click.seen);
  return guessed && click.value === undefined && step.seen === 'point' ? step.label : undefined;
}

/**
 * Where a step's label was seen that names its control surely: not by the lines read round its
 * change (what changed, stayed, went or lay nearby), which a better reading may replace.
 */
export const SURE_BASES: ReadonlySet<LabelBasis> = new Set(['point', 'mark', 'tick', 'menu', 'title']);

/**
 * Seen only as pixels: a value set in a field (chosen or typed), then soon after a small change
 * at the field's line named by the field and the value ("gender female": the warning beside the
 * field cleared once the value was valid, its focus ring faded) is the value's result, not a
 * step of its own.
 */
export function settledAfter(
  setDraft: StepDraft<EventRecord> | undefined,
  draft: StepDraft<EventRecord>,
  set: AnalyzedStep,
  step: AnalyzedStep,
): boolean {
  if (setDraft?.kind !== 'visual' || draft.kind !== 'visual' || step.kind !== 'visual') return false;
  if ((set.kind !== 'choose' && set.kind !== 'type') || !set.label || set.value === undefined || !step.label)
    return false;
  const named = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  return named(step.label) === named(`${set.label} ${set.value}`) && draft.start - setDraft.end <= SETTLED_MS;
}

/** How soon after a value was set its field's look may settle and still be its result. */
const SETTLED_MS = 1000;

/**
 * How soon after a click's change settled the change it brought may begin and still be its
 * answer: a button lit up as the pointer came and pressed, then the form it filled 350 ms later.
 */
const ANSWER_MS = 400;

/**
 * Whether `draft` is the answer to the click before it, seen only as pixels: named by the same
 * control, and begun within `ANSWER_MS` of it ("Click **Search**" twice, the button's own
 * change and the form it filled). A second click on the same control comes at a person's pace.
 */
function answeredSoon(
  clickDraft: StepDraft<EventRecord> | undefined,
  draft: StepDraft<EventRecord>,
  click: AnalyzedStep,
  step: AnalyzedStep,
): boolean {
  if (clickDraft?.kind !== 'visual' || draft.kind !== 'visual' || click.kind !== 'visual' || step.kind !== 'visual') {
    return false;
  }
  return click.label !== undefined && click.label === step.label && draft.start - clickDraft.end <= ANSWER_MS;
}

/** Whether `draft` went on at once from `clickDraft`, both seen only as pixels (`wentOnAtOnce`). */
function followedAtOnce(clickDraft: StepDraft<EventRecord> | undefined, draft: StepDraft<EventRecord>): boolean {
  if (clickDraft?.kind !== 'visual' || draft.kind !== 'visual') return false;
  const next = draft.visual[0];
  return next !== undefined && wentOnAtOnce(clickDraft.visual.at(-1), next);
}

/**
 * Seen as pixels: the pointer's glide into a field, cut when the typing into it began at once,
 * read as a click of its own ("Click ome Phone" before "Type `555-0100` into **Home Phone:**").
 * Typing into a field is clicking into it first: the typing's step says it all. A click
 * elsewhere (a button, then typing in the field it focused) lies apart from the field.
 */
export function clickedIntoField(
  clickDraft: StepDraft<EventRecord> | undefined,
  draft: StepDraft<EventRecord>,
  click: AnalyzedStep,
  step: AnalyzedStep,
): boolean {
  if (!clickDraft || click.kind !== 'visual' || click.value !== undefined || step.value === undefined) return false;
  const [at, field] = [clickDraft.region, draft.region];
  return at !== undefined && field !== undefined && intersects(at, field) && followedAtOnce(clickDraft, draft);
}

/**
 * Typing that paused, then its last word and Enter so quickly that they made one change with
 * what Enter did (a person types "dog" and Enter at once): the change came within the pause,
 * over the field typed into, which shows the text no more (emptied for the next, or gone),
 * and added a line that is the typed text with more at its end ("Walk the" → "Walk the dog").
 */
function lastWordThenEnter(
  typedDraft: StepDraft<EventRecord>,
  draft: StepDraft<EventRecord>,
  value: string,
  step: AnalyzedStep,
): boolean {
  const field = typedDraft.region;
  if (!field || !draft.region || draft.start - typedDraft.end > defaultStepOptions.typingPauseMs) return false;
  if (!intersects(draft.region, field)) return false;
  const after = step.ocr?.after ?? [];
  const stillThere = after.some((line) => intersects(line.box, field) && line.text.startsWith(value));
  const echoed = echoOf(value, after);
  return !stillThere && echoed !== undefined && echoed.length > value.length;
}

/**
 * Seen as pixels, or a logger's click or keys with no page events: a change at one
 * control that swapped its one line of text for another in place, with a label left
 * of it, is a choice made in a select or dropdown. Made at once after a click; or by
 * typing the option's first letters, as a person does in a select. `pointer`: where the
 * pointer was seen resting after it (the text under it read spoilt is no choice).
 */
export function choiceMade(
  draft: StepDraft<EventRecord>,
  lines: { before: OcrLine[]; after: OcrLine[] },
  durationMs: number,
  pointer?: Point,
): Choice | undefined {
  if (draft.visual.length === 0 || draft.visual.some((e) => (e.fraction ?? 1) > FIELD_FRACTION)) return undefined;
  const region = union(draft.visual.flatMap((e) => (e.box ? [e.box] : [])));
  const choice = region
    ? (choiceIn(lines.before, lines.after, region, undefined, pointer) ?? choiceOnClickedRow(draft, lines, region))
    : undefined;
  if (!choice) return undefined;
  if (draft.kind === 'type') {
    const typed = draft.value ?? '';
    const value = typed ? withTypedStart(choice.value, typed) : undefined;
    return value && value.length > typed.length ? { ...choice, value } : undefined;
  }
  // A logged click on the control that swapped: a choice, however long the list stayed open;
  // not a click on a line that stayed, off the swapped value's row (a sidebar section's
  // heading: the first link of its list took the place of the section below it).
  if (draft.kind === 'click') return onHeadingAbove(draft, lines, choice.box) ? undefined : choice;
  // Seen only as pixels: typing over a field's text swaps it too, but grows for longer.
  return draft.kind === 'visual' && durationMs < CHOICE_MAX_MS ? choice : undefined;
}

/**
 * For keys typed after a logged click (a select's first letters): the choice on the clicked row
 * alone, where the change's wider box also held a neighbour read differently each time (dat.GUI's
 * "three" just over the speed select, "Chee dd" then "Ehree"), which is no second change.
 */
function choiceOnClickedRow(
  draft: StepDraft<EventRecord>,
  lines: { before: OcrLine[]; after: OcrLine[] },
  region: Rect,
): Choice | undefined {
  const point = draft.events.find((e) => e.type === 'click')?.point;
  if (draft.kind !== 'type' || !point || point.y < region.y || point.y > region.y + region.height) return undefined;
  return choiceIn(lines.before, lines.after, { x: region.x, y: point.y, width: region.width, height: 0 });
}

/** Whether a logged click was on a line that stayed in place, above `box`'s row. */
function onHeadingAbove(
  draft: StepDraft<EventRecord>,
  lines: { before: OcrLine[]; after: OcrLine[] },
  box: Rect,
): boolean {
  const point = draft.events.find((e) => e.type === 'click')?.point;
  const at = point && lines.before.find((l) => contains(expand(l.box, 4), point));
  if (!at || at.box.y + at.box.height > box.y) return false;
  return lines.after.some((a) => a.text === at.text && samePlace(a.box, at.box));
}

/**
 * The mark a change seen only as pixels drew on a control (a sort arrow, a tick, a selected
 * tab's border): what was clicked, unless the change was typing, which draws none. A tick in
 * a box is a toggle even where the change went on a while and left new text (a list's counter
 * changing as the row's look faded to done): typing never ticks a box.
 */
export function markOfClick(
  mark: Mark | undefined,
  typed: boolean,
  pointed?: { label: string; point: Point },
): Mark | undefined {
  if (!mark || (typed && !mark.checkbox)) return undefined;
  // Where the pointer rested on a shared screen named another control, a mark off the pointer's
  // row was not drawn by this click: the pointer's own old place, where the change detector could
  // not tell it from the rest (an X pointer over a window's edge), or a side effect elsewhere.
  // Nor one drawn right where it rests: the pointer's own glyph, new in the after frame where it
  // glided in as the click's change began, read with the line under the one it points at (a
  // hand on a Tk demo's link, its palm over the next link).
  if (!pointed || mark.label === pointed.label) return mark;
  const { point } = pointed;
  const offRow = point.y < mark.box.y - POINTER_REACH || point.y > mark.box.y + mark.box.height + POINTER_REACH;
  return offRow || contains(mark.box, point) ? undefined : mark;
}

/** Characters OCR reads for one another in UI fonts, in sets. */
const LOOKALIKES = ['lIi1|!', 'oO0'];
/** A glyph OCR reads at the left edge of a control's value. */
const STRAY_START = /^['‘’`"“”,.]/u;
/** Thin letters OCR can miss altogether ("Sow" for "Slow"). */
const THIN = 'lIi1';

/**
 * An option's text as OCR read it, its start put right by the letters typed to choose it (a
 * select goes to the option its first letters start, whatever their case): "Siow" or "Sow"
 * read where "sl" was typed is "Slow". Undefined where the reading does not start with those
 * letters, bar a lookalike read for one ("i" for "l") or one thin letter missed.
 */
export function withTypedStart(read: string, typed: string): string | undefined {
  let out = '';
  // A quote-like glyph before the option that the letters typed do not start with is the
  // select's edge read as one ("‘Slow" where "sl" was typed).
  let at = STRAY_START.test(read) && !STRAY_START.test(typed) ? 1 : 0;
  let missed = false;
  for (const key of typed) {
    const char = read[at];
    if (char !== undefined && char.toLowerCase() === key.toLowerCase()) {
      out += char;
      at++;
    } else if (char !== undefined && LOOKALIKES.some((set) => set.includes(char) && set.includes(key))) {
      out += key;
      at++;
    } else if (!missed && THIN.includes(key)) {
      out += key;
      missed = true;
    } else return undefined;
  }
  return out + read.slice(at);
}

/**
 * The typed text as what Enter added shows it (a list item, a sent message): the
 * typing's last frame can miss the last characters, typed just before Enter, show
 * the caret after them, or misread one ("caf" for "cat"). The line the page added
 * that starts with what was read, or differs from it by about one letter in ten, is
 * what was typed. Given `before` (the screen before Enter), a line new there (not read
 * in its place before) that is what was read and one more word is what was typed too:
 * OCR drops the word the caret stands against ("bags|" scores under 40), however long.
 */
export function echoOf(typed: string, after: OcrLine[], before?: OcrLine[]): string | undefined {
  // A caret read as a character at the end of the text ("Water plan|").
  const read = typed.replace(/\s*[|¦]$/, '');
  // Or read as a letter, the last ones before it garbled or missed ("Pack bags|" read "Pack
  // bal"): only where the text as read has no echo.
  return (
    echoOfRead(read, after, before) ?? (CARET_LETTER.test(read) ? echoOfRead(read.slice(0, -1), after) : undefined)
  );
}

/** A caret at the end of a field's text, read as a letter. */
const CARET_LETTER = /\S[lI1!i]$/u;

function echoOfRead(read: string, after: OcrLine[], before?: OcrLine[]): string | undefined {
  if (read.length < 3) return undefined;
  if (before) {
    const isNew = (line: OcrLine) => !before.some((b) => b.text === line.text && samePlace(b.box, line.box));
    const oneWordMore = after.find(
      (line) => line.text.startsWith(`${read} `) && /^\S+$/.test(line.text.slice(read.length + 1)) && isNew(line),
    );
    if (oneWordMore) return oneWordMore.text;
  }
  const allowed = Math.floor(read.length / 10);
  // A video sampled a few times a second can miss a word typed at a person's pace ("Walk the"
  // of "Walk the dog"), but never most of what was typed.
  const cut = Math.max(CUT_SHORT, Math.floor(read.length / 2));
  let best: { text: string; distance: number } | undefined;
  for (const { text } of after) {
    const missing = text.length - read.length;
    if (missing < -allowed || missing > cut + allowed) continue;
    // What the last frame missed at the end costs nothing; any other difference is a misread.
    const distance = Math.min(
      ...Array.from({ length: Math.min(cut, text.length - 1) + 1 }, (_, k) =>
        editDistance(read, text.slice(0, text.length - k)),
      ),
    );
    if (distance > allowed) continue;
    if (!best || distance < best.distance || (distance === best.distance && text.length < best.text.length))
      best = { text, distance };
  }
  return best?.text;
}

/** How many characters typed just before Enter the typing's last frame may miss, at least. */
const CUT_SHORT = 3;

/** How far outside a change the pointer may rest and still be on what was clicked for it. */
const POINTER_REACH = 16;

/**
 * Where the mouse pointer rested during a change seen only as pixels on a shared screen:
 * the place the next change saw it leave, where that lies on this change (the control
 * clicked for it; tab captures and most videos show no pointer, and say nothing). With no
 * next change that saw it, the place a pointer move (`pointerMove`) cut short by this change
 * took it to. `anywhere`: wherever that place lies, for a change that came at once and
 * is no typing (a window that a click elsewhere opened: a link in another window).
 */
export function restingPointer(
  draft: StepDraft<EventRecord>,
  events: EventRecord[],
  pointerMove: (event: EventRecord) => boolean = () => false,
  anywhere = false,
): { x: number; y: number } | undefined {
  if (draft.kind !== 'visual' || !draft.region) return undefined;
  const region = draft.region;
  const onRegion = (box: Rect) => contains(expand(region, POINTER_REACH), center(box));
  const on = (box: Rect) => {
    const at = center(box);
    return anywhere || onRegion(box) ? { x: Math.round(at.x), y: Math.round(at.y) } : undefined;
  };
  // Only the very next change: where one in between moved the pointer unseen (a button that
  // lit up as it left joined the pointer's old place), an older place would name the wrong control.
  let next = nextChange(draft, events);
  // But one that went on at once from a change closed as `moved` is the same change going on
  // elsewhere (the dialog a button opened), with the pointer still: the one after it saw it
  // leave. A pointer-sized place it saw change away from this change is no pointer leaving
  // (a window's title dimming as the window the link opened took the focus).
  let last = draft.visual.at(-1);
  while (next && !(next.pointerFrom && onRegion(next.pointerFrom)) && wentOnAtOnce(last, next)) {
    last = next;
    next = events.find((e) => e.type === 'visual' && e.t >= (last!.endT ?? last!.t) && e.t > last!.t);
  }
  if (next?.pointerFrom) return on(next.pointerFrom);
  // No later change saw it leave (the last step of a recording): where the pointer went just
  // before, in a move cut short by this change or one that came to rest just before it, with
  // nothing between (it came, the button under it was clicked).
  const arrived = arrivalOf(draft, events)?.change;
  return arrived?.box && pointerMove(arrived) ? on(arrived.box) : undefined;
}

/**
 * Where the pointer was last seen still gliding when `draft`'s change began, for a change no later
 * one saw the pointer leave: a pointer move cut short by the change, the place it left and the
 * place it was seen at, where that is where `restingPointer` put it (`resting`). A glide of a
 * third of a second sampled a few times a second is often caught half-way, the button pressed at
 * its end further on. Undefined where it had come to rest, or a later change saw where it rested.
 */
export function glideCutShort(
  draft: StepDraft<EventRecord>,
  events: EventRecord[],
  resting: Point,
): { from: Point; to: Point } | undefined {
  const arrival = arrivalOf(draft, events);
  const { box, pointerFrom } = arrival?.change ?? {};
  if (!arrival?.atOnce || !box || !pointerFrom) return undefined;
  const seen = center(box);
  // (Where a later change saw it leave, that is where it rested: no glide was cut short.)
  if (Math.round(seen.x) !== resting.x || Math.round(seen.y) !== resting.y) return undefined;
  return { from: center(pointerFrom), to: resting };
}

/**
 * The change just before `draft`'s first that went on at once into it (`atOnce`: cut short by
 * it) or ended at most `RESTED_MS` before it; undefined where none did.
 */
function arrivalOf(
  draft: StepDraft<EventRecord>,
  events: EventRecord[],
): { change: EventRecord; atOnce: boolean } | undefined {
  const first = draft.visual[0];
  if (!first) return undefined;
  const change = events.findLast((e) => e.type === 'visual' && e.t < first.t);
  if (!change) return undefined;
  const atOnce = wentOnAtOnce(change, first);
  return atOnce || first.t - (change.endT ?? change.t) <= RESTED_MS ? { change, atOnce } : undefined;
}

/**
 * The after frame of the change right after `draft` that saw the pointer leave `point`, where it
 * rested for it (`restingPointer`): the screen the change left, without the pointer over the
 * control it pressed (an X pointer resting on Tk's "Bottom" hides half its text). Undefined where
 * that change is more than the pointer moving on (a window opened), or saw it leave elsewhere.
 */
export function frameAfterPointer(
  draft: StepDraft<EventRecord>,
  events: EventRecord[],
  point: { x: number; y: number },
): string | undefined {
  const next = nextChange(draft, events);
  const left = next?.pointerFrom !== undefined && contains(next.pointerFrom, point);
  return left && (next.fraction ?? 0) <= ARRIVAL_FRACTION ? next.afterFrameId : undefined;
}

/** The change seen right after a step's own. */
function nextChange(draft: StepDraft<EventRecord>, events: EventRecord[]): EventRecord | undefined {
  return events.find((e) => e.type === 'visual' && e.t >= draft.end && e.t > draft.start);
}

/** How long a pointer that came to rest on a control may rest there before the click whose change follows. */
const RESTED_MS = 1000;

/** How long before an action the pointer's arrival at its point is looked for (it glides in over a third of a second). */
const ARRIVAL_MS = 2000;
/** At most this share of the screen changed as the pointer came: not the screen giving way to another. */
const ARRIVAL_FRACTION = 0.05;
/** A change starting this little before an action is its result: a logger's clock and the video's differ. */
const OWN_RESULT_MS = 300;

/**
 * A frame of the screen from before the pointer came to rest on `point` for the action
 * at `t`: the before frame of the last change at the point that began before it and
 * went on into the moments before it (the pointer arriving, a button lighting up under
 * it; with typing elsewhere, one long change), not counting a change the pointer left
 * the point in or one over much of the screen (a window opening, the recording starting).
 * The pointer hides the text it rests on ("Ca)¢el" for Cancel); only recordings that show
 * a pointer have one to look for (a tab capture has none, and a change there is the
 * page's own).
 */
export function frameBeforePointer(
  events: EventRecord[],
  point: { x: number; y: number },
  t: number,
): string | undefined {
  if (!events.some((e) => e.type === 'visual' && e.pointerFrom)) return undefined;
  const at = (box: Rect | undefined) => box !== undefined && contains(expand(box, POINTER_REACH), point);
  const arrival = events.findLast(
    (e) =>
      e.type === 'visual' &&
      e.t < t - OWN_RESULT_MS &&
      t - (e.endT ?? e.t) <= ARRIVAL_MS &&
      at(e.box) &&
      !at(e.pointerFrom) &&
      (e.fraction ?? 0) <= ARRIVAL_FRACTION,
  );
  return arrival?.beforeFrameId;
}

/** How long before an action a person's pointer set off for it, at least (a glide of a third of a second, a rest). */
const GLIDE_MS = 600;

/**
 * The last key frame stored from before the pointer set off for the action at `t`, within
 * `ARRIVAL_MS` of it, where `frameBeforePointer` found no change of the pointer arriving (it
 * joined a larger one: a window elsewhere, the recording's own start): the screen as it was
 * without the pointer on the point, unless something changed there since (`readAgainClearly`
 * tells). Also where the recording was not seen to show a pointer: a key logger's click
 * points say where it was, and a video's pointer is not always seen moving.
 */
export function frameBeforeGlide(events: EventRecord[], t: number): string | undefined {
  // Else one from after it set off, not from the action's own moments: a pointer a program
  // moves (or a quick hand) arrives at once, half a second before the click, in a change
  // that began there (the window under it answering too).
  return (
    lastFrameBetween(events, t - ARRIVAL_MS, t - GLIDE_MS) ?? lastFrameBetween(events, t - GLIDE_MS, t - OWN_RESULT_MS)
  );
}

/** The last key frame of a change seen as pixels from between `from` and `to` (ms, both included). */
function lastFrameBetween(events: EventRecord[], from: number, to: number): string | undefined {
  let best: { id: string; at: number } | undefined;
  for (const e of events) {
    if (e.type !== 'visual') continue;
    // A before frame is from just before its change began; an after frame from when it ended.
    const frames: [string | undefined, number][] = [
      [e.beforeFrameId, e.t],
      [e.afterFrameId, e.endT ?? e.t],
    ];
    for (const [id, at] of frames) {
      if (!id || at > to || at < from || (best && at <= best.at)) continue;
      best = { id, at };
    }
  }
  return best?.id;
}

/** This app's own recording controls as OCR reads them: its timer, its buttons. */
const OWN_CONTROLS =
  /^(?:(?:recording|paused|saving…?)\s*)?\d{1,2}:\d{2}$|^(?:(?:pause|resume|stop) recording|add marker)(?:\s+(?:(?:pause|resume|stop) recording|add marker))*$/i;

/**
 * Whether a change seen as pixels shows nothing but this app's own recording controls (its
 * floating window's timer ticking, in a video of a whole screen someone recorded with it):
 * not the workflow. Live recordings of a screen do not see them at all (own-windows.ts).
 */
export function onlyOwnControls(lines: { before: OcrLine[]; after: OcrLine[] }, region: Rect): boolean {
  const seen = linesReaching(lines, region);
  return seen.length > 0 && seen.every(isOwnControl);
}

/**
 * Where this app's own recording controls lie in a change seen as pixels that shows more
 * than them (its timer ticked as a window opened elsewhere): the box around them, to be
 * left out of the change. Undefined where it shows none of them, or only them.
 */
export function ownControlsIn(lines: { before: OcrLine[]; after: OcrLine[] }, region: Rect): Rect | undefined {
  const seen = linesReaching(lines, region);
  const own = seen.filter(isOwnControl);
  return own.length > 0 && own.length < seen.length ? union(own.map((line) => line.box)) : undefined;
}

const isOwnControl = (line: OcrLine) => OWN_CONTROLS.test(line.text.trim());

/** Lines reaching into a change: a tick changes the timer's digits, the line's middle is elsewhere. */
function linesReaching(lines: { before: OcrLine[]; after: OcrLine[] }, region: Rect): OcrLine[] {
  return linesMeeting([...lines.before, ...lines.after], region, 8);
}

/**
 * On a shared screen the pointer rests where a field was clicked, often on the text then typed
 * there, and spoils its reading (Tk's I-beam over the "r" of "Hopper" read as "Hoppel"). The
 * first later change that saw the pointer leave the value's line (`pointerFrom`) has an after
 * frame that shows the value whole, unless something else changed over the line in between
 * (the field cleared, more typed): then undefined, as where the pointer was never on it.
 */
export function pointerLeftValue(
  events: EventRecord[],
  end: number,
  value: Rect,
  pointerMove: (event: EventRecord) => boolean,
): EventRecord | undefined {
  for (const event of events) {
    if (event.type !== 'visual' || event.t < end || !event.box) continue;
    if (event.pointerFrom && intersects(event.pointerFrom, value)) return event;
    if (intersects(event.box, value) && !pointerMove(event)) return undefined;
  }
  return undefined;
}

/**
 * A typed value read again, once the pointer left it: the line in `value`'s place that reads
 * it a letter or two apart (`sameReading`), not other text; undefined where none does or it
 * reads the same.
 */
export function valueReadAgain(value: OcrLine, later: readonly OcrLine[]): string | undefined {
  const again = later.find((line) => samePlace(line.box, value.box) && sameReading(line.text, value.text));
  return again && again.text !== value.text ? again.text : undefined;
}

/**
 * The panel a field was typed in, where the line naming it is a row of tabs (or of any
 * controls) one of which the step before clicked: that control's name. A ttk notebook's text
 * area has no caption; the nearest line above it is its tab row ("Description Text Editor"),
 * and the tab just clicked ("Text Editor") is what shows the field, as a person says it. The
 * row is the field's before or after reading of its label, parted at gaps wide enough to part
 * controls (`partsOf`); undefined where the label is no such row, or the click named none of it.
 * A field typed into at a click where nothing, or nothing but a glyph or two, was read is the panel's too.
 */
export function panelOfTyping(click: AnalyzedStep, step: AnalyzedStep): string | undefined {
  if (step.value === undefined || click.value !== undefined || !click.label) return undefined;
  // (A field the page named has its own name.)
  if (step.label === click.label || step.labelSource === 'page') return undefined;
  // A field nothing named, or a glyph or two read where it was clicked (the I-beam over the
  // empty text area read "Fo"), is the panel's the click before showed.
  const unnamed = alphanumerics(step.label ?? '') < MIN_FIELD_NAME;
  if (step.kind === 'type' && unnamed && alphanumerics(click.label) >= MIN_FIELD_NAME) return click.label;
  if (!step.label) return undefined;
  const read = [...(step.ocr?.before ?? []), ...(step.ocr?.after ?? [])];
  const row = read.find((line) => line.text === step.label);
  if (!row) return undefined;
  const parts = partsOf(row).map(wordsText);
  return parts.length >= 2 && parts.includes(click.label) ? click.label : undefined;
}

/** Letters and digits, at least, of a name: fewer are a glyph read as text. */
const MIN_FIELD_NAME = 3;

/**
 * Typing that began in the change its field's Enter brought, before the screen was still: the
 * next step sees the field hold the first word already and reads it as the field's name ("Type
 * plants into Water" where "Water plants" was typed). Where the step before typed into the same
 * field and pressed Enter, and the text the step found there starts where that step's value
 * started and is what its typing went on from, the step typed the whole line into that field.
 * The field's name and the whole value, or undefined.
 */
export function typingGoneOn(typed: AnalyzedStep, step: AnalyzedStep): { label: string; value: string } | undefined {
  if (typed.facts.thenKey !== 'Enter' || !typed.label || !typed.value || !step.label || !step.value) return undefined;
  if (step.seen !== 'gone' && step.seen !== 'changed') return undefined;
  const [field, before, after] = [typed.ocr?.after ?? [], step.ocr?.before ?? [], step.ocr?.after ?? []];
  // Where the value typed stood in its field, and the text found there this time.
  const start = field.find((line) => line.text === typed.value);
  const found = before.find((line) => line.text === step.label);
  if (!start || !found || !samePlace(start.box, found.box) || Math.abs(start.box.x - found.box.x) > TEXT_START_SHIFT)
    return undefined;
  // Read again in its place, with what this step typed after it.
  const whole = after.find((line) => samePlace(line.box, found.box) && line.text === `${found.text} ${step.value}`);
  return whole ? { label: typed.label, value: whole.text } : undefined;
}

/** How far apart two readings of text that starts at a field's edge may begin (px). */
const TEXT_START_SHIFT = 6;

/**
 * The name of a field typed into more than once at one point, where one reading lost whole
 * words at one end (OCR missed the italic "What" of "What needs to be done?" in one frame, and
 * read the rest at 96 %): the longest reading of that field, among `steps`, that holds this
 * step's as its first or last words. Undefined where none does; only steps named at their
 * point are looked at.
 */
export function fieldNamedWhole(step: AnalyzedStep, steps: readonly AnalyzedStep[]): string | undefined {
  const atPoint = (s: AnalyzedStep) => s.kind === 'type' && s.seen === 'point' && s.label && s.region;
  if (!atPoint(step)) return undefined;
  const here = center(step.region!);
  const same = (other: AnalyzedStep) => {
    const there = center(other.region!);
    return Math.abs(there.x - here.x) <= SAME_POINT && Math.abs(there.y - here.y) <= SAME_POINT;
  };
  return steps
    .filter((other) => atPoint(other) && same(other) && endsOf(step.label!, other.label!))
    .map((other) => other.label!)
    .sort((a, b) => b.length - a.length)[0];
}

/** How far apart two points may be and be on one field (px). */
const SAME_POINT = 8;

/** Whether `part` is the first or the last whole words of `whole`, and fewer of them. */
function endsOf(part: string, whole: string): boolean {
  const [p, w] = [part.trim().split(/\s+/u), whole.trim().split(/\s+/u)];
  if (p.length >= w.length) return false;
  const joined = p.join(' ');
  return w.slice(0, p.length).join(' ') === joined || w.slice(-p.length).join(' ') === joined;
}

/**
 * A control's text read a letter or so apart from a value typed earlier in the recording (`typed`:
 * the values of the steps before, as their keys spelt them): that value. What was
 * typed shows on the screen as typed (a to-do item added, then ticked), where OCR misreads it: a
 * struck-through "Email Sam" read "Emait-Sam". Letters and digits only are compared (the strike
 * read as a hyphen), a letter in eight apart at most (`sameReading`). Undefined where no value
 * reads so, or the label is one of them.
 */
export function readAsTyped(label: string, typed: readonly string[]): string | undefined {
  if (typed.includes(label)) return undefined;
  const read = lettersOf(label);
  const matches = new Set(typed.filter((value) => sameReading(read, lettersOf(value))));
  return matches.size === 1 ? [...matches][0] : undefined;
}
