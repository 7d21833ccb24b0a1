/**
 * Analysis of a stored recording: events → bursts → steps, then OCR on each
 * step's key frames for the label of what was acted on, then the step's text.
 * The result is stored in `analyses`; OCR results are cached per frame and
 * region in `cache`, so analysing again is fast.
 */
import { assignSections, sections, startPage } from './context';
import { describeError } from '../shared/format';
import type { OcrPool } from './ocr/pool';
import {
  actedOn,
  appearedText,
  dismissalAhead,
  captionAbove,
  captionInLine,
  typedFieldName,
  captionOf,
  choiceAtPoint,
  earlierIsClearer,
  readAgainClearly,
  labelAtClick,
  type FieldMode,
  labelAtPoint,
  labelFor,
  onWord,
  stayedAfterTyping,
  linkTo,
  newViewTitle,
  radioChosen,
  tickedBoxLabel,
  textRightOf,
  typedOverInLine,
  readWholeElsewhere,
  hyphenReadElsewhere,
  wholeFrameLabel,
} from './labels/labels';
import { controlFacts, looksLikeFormat } from '../compose/control';
import {
  choiceMade,
  clickedIntoField,
  echoOf,
  frameBeforeGlide,
  frameAfterPointer,
  frameBeforePointer,
  markOfClick,
  pointerLeftValue,
  valueReadAgain,
  onlyOwnControls,
  ownControlsIn,
  panelOfTyping,
  readAsTyped,
  typingGoneOn,
  fieldNamedWhole,
  tickedInSubmit,
  restingPointer,
  glideCutShort,
  restedElsewhere,
  submittedBy,
  wentOnFrom,
  restedOnAfter,
  settledAfter,
} from './inferences';
import { alphanumerics, linesIn, linesMeeting, lineReading, withoutShortcut, type OcrLine } from './ocr/lines';
import { defaultBurstSettings, detectBursts, type BurstSettings } from './segment/bursts';
import { buildSteps, defaultStepOptions, type StepDraft } from './segment/steps';
import { isCaretBlink } from './segment/caret';
import { isPointerGlide, isPointerMove } from './segment/pointer';
import { defaultSamplerConfig } from '../../workers/sampler/types';
import { cameAtOnce, readsAsTyping, stepText, type StepFacts } from '../compose/step-text';
import { saveAnalysis } from '../storage/analyses';
import type { EventRecord } from '../capture/events';
import { getRecording, listEvents } from '../storage/recordings';
import { changeApartFrom, changeBesideMark, focusLeftIn, markAppendedIn, modifiedMarkIn } from './labels/side-effects';
import { dotMovedTo, labelBoxStrip } from './labels/marks';
import { valueReadLonger } from './labels/value-apart';
import {
  chosenByField,
  choiceCaptionOnRow,
  chosenFromList,
  chosenInMenu,
  cutReadAlone,
  toggledLabelAlone,
  droppedDown,
  openedByButton,
  typedWhereValueWas,
} from './read-again';
import { LocalBackend, type SequenceResult } from './backend';
import { OCR_MARGIN } from './ocr/cache';
import { expand, ROW_HEIGHT, union, type Point, type Rect } from '../shared/geometry';
import { blankRightOf, placeholderTypedOver, readChange, type ChangeReading } from './labels/pixels';
import { keptAtPoint, pointerTip, readRow } from './point-row';
import { distinctScreens, readScreens } from './screens';
import type { Analysis, AnalysisProgress, AnalyzedStep, LabelBasis } from './types';
import type { LumaArea } from './frame-luma';

export interface AnalyzeOptions {
  /** How events group into steps (the person's settings); the accurate preset by default. */
  burst?: BurstSettings;
  signal?: AbortSignal;
  onProgress?: (progress: AnalysisProgress) => void;
  /** The page's pool, shared so that its workers load once per session. */
  ocr: OcrPool;
}

export async function analyzeRecording(recordingId: string, options: AnalyzeOptions): Promise<Analysis> {
  const { signal, onProgress } = options;
  const started = performance.now();
  const burst = options.burst ?? defaultBurstSettings;
  const recording = await getRecording(recordingId);
  const givenDescription = recording?.description;
  const events = withoutCarets(await listEvents(recordingId), recording?.width);
  const navigations = events.filter((e) => e.type === 'navigate').map((e) => e.t);
  const pointerMove = pointerMoveOn(recording?.width, events);
  const drafts = buildSteps(
    detectBursts(
      events.filter((e) => !pointerMove(e)),
      burst,
    ),
    defaultStepOptions,
    navigations,
  );
  const segmentMs = performance.now() - started;
  onProgress?.({ stage: 'Finding steps', done: drafts.length, total: drafts.length, unit: 'steps' });

  const warnings: string[] = [];
  const backend = new LocalBackend(options.ocr);
  const ocrStarted = performance.now();
  let readings: (SequenceResult | null)[] = drafts.map(() => null);
  try {
    readings = await backend.analyzeSequence(drafts, {
      ...(signal ? { signal } : {}),
      onItem: (done, total) => onProgress?.({ stage: 'Reading the screen', done, total, unit: 'steps' }),
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    warnings.push(`The screen could not be read (${describeError(error)}), so steps are named from events only.`);
  }
  const steps: AnalyzedStep[] = [];
  /**
   * What was read round each step's point and over its change, in its before frame: its label's
   * line is there (`nameReadWhole`).
   */
  const readAtPointer = new Map<AnalyzedStep, ReadAtPoint>();
  /** The text each step typed from its keys spelt (not read from the screen, which OCR can misread). */
  const keyed = new Map<AnalyzedStep, string>();
  let pixelsMs = 0;
  for (const [index, found] of drafts.entries()) {
    // A scroll is named by what it brought into view (`nameScrolls`), not by what its frames read:
    // no pixels or points are read for it.
    if (found.kind === 'scroll') {
      steps.push(describeStep(found, index, undefined, []));
      continue;
    }
    const previous = steps.at(-1);
    const pixelsStarted = performance.now();
    const foundResting = pointerAt(found, readings[index] ?? undefined, events, pointerMove);
    const foundPixels = await readPixels(found, readings[index] ?? undefined, foundResting);
    const beside = await withoutSideEffect(found, readings[index] ?? undefined, backend, foundPixels);
    const draft = beside?.draft ?? found;
    const reading = beside?.reading ?? readings[index] ?? undefined;
    const resting = beside ? pointerAt(draft, reading, events, pointerMove) : foundResting;
    const pixels = beside ? await readPixels(draft, reading, resting) : foundPixels;
    pixelsMs += performance.now() - pixelsStarted;
    // A video of a whole screen recorded with this app shows its floating controls ticking.
    if (draft.kind === 'visual' && reading && draft.region && onlyOwnControls(reading, draft.region)) continue;
    const atPoint = reading ? await readAtPoint(draft, backend, events, resting) : undefined;
    const step = describeStep(draft, index, reading, [previous?.label, previous?.value], pixels, atPoint);
    if (draft.kind === 'type' && draft.value && !draft.redacted) keyed.set(step, draft.value);
    if (atPoint || reading)
      readAtPointer.set(step, {
        lines: [...(atPoint?.before ?? []), ...(reading?.before ?? [])],
        pointer: atPoint?.pointer === true,
        // (A logged click's own point: `atPoint.point` may be moved onto the text beside it.)
        ...(atPoint ? { point: loggedPoint(draft) ?? atPoint.point } : {}),
        ...((atPoint?.earlierId ?? draft.beforeFrameId) ? { frameId: atPoint?.earlierId ?? draft.beforeFrameId } : {}),
      });
    if (reading) await valueWithoutPointer(step, draft, reading, events, backend, pointerMove);
    const around = [drafts[index - 1], drafts[index + 1]];
    const field = reading
      ? ((atPoint ? await chosenFromList(step, draft, around, reading, atPoint, backend) : undefined) ??
        (await chosenByField(step, draft, around, reading, backend)))
      : undefined;
    if (reading && !field) await typedWhereValueWas(step, draft, reading, pixels?.changed ?? new Set(), backend);
    if (reading && !field) await openedByButton(step, draft, reading, pixels?.before, backend);
    if (reading && !field) await chosenInMenu(step, draft, reading, backend);
    if (reading && !field) await toggledLabelAlone(step, draft, reading, backend);
    if (reading && !field) await choiceCaptionOnRow(step, draft, reading, backend);
    if (field) {
      // The click that dropped the list down is part of choosing from it, as a select's is.
      if (previous && droppedDown(previous, field)) {
        steps.pop();
        step.start = previous.start;
      }
      steps.push(step);
      continue;
    }
    // (Not where the pointer was seen coming to rest on a control off the field's row: its click.)
    const clickedOff = atPoint?.pointer === true && previous !== undefined && restedElsewhere(previous, atPoint.point);
    if (previous && !clickedOff && submittedBy(drafts[index - 1], draft, previous, step)) {
      // What typing's Enter did is part of the typing step: "…, then press Enter".
      previous.facts.thenKey = 'Enter';
      const echoed = echoOf(previous.value!, step.ocr?.after ?? [], step.ocr?.before ?? []);
      if (echoed) previous.value = previous.facts.appeared = echoed;
      previous.text = stepText(previous.facts);
      previous.end = step.end;
      if (tickedInSubmit(step)) {
        previous.end = step.start;
        steps.push(step);
      }
      continue;
    }
    // The pointer's glide into the field typed in at once is no step of its own.
    if (previous && clickedIntoField(drafts[index - 1], draft, previous, step)) steps.pop();
    else if (
      previous &&
      (wentOnFrom(drafts[index - 1], draft, previous, step) || settledAfter(drafts[index - 1], draft, previous, step))
    ) {
      const rested = restedOnAfter(previous, step);
      if (rested) relabel(previous, rested, { seen: 'point' });
      previous.end = step.end;
      continue;
    }
    const goneOn = previous ? typingGoneOn(previous, step) : undefined;
    if (goneOn) {
      step.value = step.facts.appeared = goneOn.value;
      relabel(step, goneOn.label, { seen: previous?.seen });
    }
    const panel = previous ? panelOfTyping(previous, step) : undefined;
    if (panel) relabel(step, panel, { source: 'ocr' });
    steps.push(step);
  }
  const wholeFramesStarted = performance.now();
  if (warnings.length === 0 && recording) await nameNewViews(steps, recording, backend, signal);
  if (warnings.length === 0) await nameFromWholeFrames(steps, drafts, backend, signal);
  const wholeFramesMs = performance.now() - wholeFramesStarted;
  nameScrolls(steps);
  for (const step of steps) {
    const whole = fieldNamedWhole(step, steps);
    if (whole) relabel(step, whole);
  }
  // Whole screens only when the screen could be read at all (else each read would fail again).
  const screens = warnings.length === 0 ? await readScreens(backend, distinctScreens(events), signal) : undefined;
  if (screens) nameReadWhole(steps, readAtPointer, [...screens.readings, ...readings.flatMap((r) => (r ? [r] : []))]);
  if (warnings.length === 0) await nameCutAlone(steps, readAtPointer, backend);
  nameAsTyped(steps, keyed);
  const appName = screens?.readings[0]?.title;
  const start = startPage(events);
  const marked = sections(events);
  const ocrMs = performance.now() - ocrStarted;
  onProgress?.({ stage: 'Done', done: drafts.length, total: drafts.length, unit: 'steps' });

  const analysis: Analysis = {
    recordingId,
    updatedAt: Date.now(),
    status: 'complete',
    mode: burst.mode,
    ...(appName ? { appName } : {}),
    ...(givenDescription ? { givenDescription } : {}),
    ...(start ? { start } : {}),
    steps: assignSections(steps, marked),
    screens: screens?.readings ?? [],
    warnings,
    timings: { segmentMs, ocrMs, pixelsMs, wholeFramesMs, totalMs: performance.now() - started },
    ocr: {
      reads: readings.reduce((n, r) => n + (r?.reads ?? 0), 0),
      cachedReads: readings.reduce((n, r) => n + (r?.cachedReads ?? 0), 0),
      screenReads: screens?.readings.length ?? 0,
      cachedScreenReads: screens?.cached ?? 0,
    },
    backend: backend.capabilities().id,
  };
  await saveAnalysis(analysis);
  return analysis;
}

/**
 * A value typed on a shared screen, read again in the after frame of the change that saw the
 * pointer leave it, where the pointer had rested on it (`pointerLeftValue`, `valueReadAgain`).
 */
async function valueWithoutPointer(
  step: AnalyzedStep,
  draft: StepDraft<EventRecord>,
  reading: { after: OcrLine[] },
  events: EventRecord[],
  backend: LocalBackend,
  pointerMove: (event: EventRecord) => boolean,
): Promise<void> {
  // Only a value seen typed (read from the pixels, not logged keys).
  if (draft.kind !== 'visual' || !draft.region || step.value === undefined || step.facts.appeared !== step.value)
    return;
  const line = reading.after.find((l) => l.text === step.value);
  const left = line ? pointerLeftValue(events, draft.end, line.box, pointerMove) : undefined;
  if (!line || !left?.afterFrameId) return;
  try {
    const again = valueReadAgain(line, (await backend.analyzeFrame(left.afterFrameId, draft.region)).lines);
    if (!again) return;
    step.value = step.facts.appeared = again;
    step.text = stepText(step.facts);
  } catch {
    // An unreadable frame: the value stays as first read.
  }
}

/** The lines read round a step's point, and whether the pointer was seen resting there (drawn over them). */
interface ReadAtPoint {
  lines: OcrLine[];
  pointer: boolean;
  /** The point read at. */
  point?: Point;
  /** The frame its control is read in alone: from before the pointer came, else the before frame. */
  frameId?: string;
}

/**
 * A control named at a point the pointer rested on, where it cut or garbled the name, is named
 * as other frames read it whole in its place (`readWholeElsewhere`: the first screen read whole,
 * other steps' frames). So is a box seen ticked beside a label the pointer rested on.
 */
function nameReadWhole(
  steps: AnalyzedStep[],
  readAtPointer: Map<AnalyzedStep, ReadAtPoint>,
  frames: { before?: OcrLine[]; after?: OcrLine[]; lines?: OcrLine[] }[],
): void {
  const elsewhere = frames.flatMap((f) => [...(f.lines ?? []), ...(f.before ?? []), ...(f.after ?? [])]);
  // A box is ticked with the pointer on it or its label: where the screen shows the pointer (it
  // was seen resting at some step), it rested there, though not seen at this change.
  const pointerShown = [...readAtPointer.values()].some((read) => read.pointer);
  for (const step of steps) {
    const named = step.seen === 'point' && (step.kind === 'click' || step.kind === 'type');
    const ticked = step.seen === 'tick' && step.kind === 'toggle';
    if (!(named || ticked) || !step.label) continue;
    // (Or the run of a line's words that named it: a caption read with its field's caret.)
    const { lines: read = [], pointer = false, point: at } = readAtPointer.get(step) ?? {};
    const label = step.label;
    const line = lineReading(read, label);
    const whole = line
      ? (readWholeElsewhere(line, elsewhere, pointer || (ticked && pointerShown), at) ??
        hyphenReadElsewhere(label, [...read, ...elsewhere]))
      : undefined;
    if (whole) relabel(step, whole);
  }
}

/**
 * A control named at a point by a line the pointer cut there, which no other frame read whole
 * (`nameReadWhole`), is named by its place on the row read alone (`cutReadAlone`).
 */
async function nameCutAlone(
  steps: AnalyzedStep[],
  readAtPointer: Map<AnalyzedStep, ReadAtPoint>,
  backend: LocalBackend,
): Promise<void> {
  for (const step of steps) {
    const read = readAtPointer.get(step);
    if (step.seen !== 'point' || (step.kind !== 'click' && step.kind !== 'type') || !step.label || !read) continue;
    const whole = await cutReadAlone(step.label, read, backend);
    if (whole) relabel(step, whole);
  }
}

/**
 * A control named from the screen whose text reads as a value typed before it from keys
 * (`keyed`, `readAsTyped`) is named by that value: a to-do item typed, then clicked, struck
 * through ("Emait-Sam"). (Not a value read from the screen: OCR could have misread that instead.)
 */
function nameAsTyped(steps: AnalyzedStep[], keyed: ReadonlyMap<AnalyzedStep, string>): void {
  const typed: string[] = [];
  for (const step of steps) {
    const named = step.labelSource === 'ocr' && (step.kind === 'click' || step.kind === 'toggle');
    const asTyped = named && step.label ? readAsTyped(step.label, typed) : undefined;
    if (asTyped) relabel(step, asTyped);
    const value = keyed.get(step);
    if (value) typed.push(value);
  }
}

/**
 * A step named again after its first reading (a pass that read it better, or another step that
 * named its control): its label, its text, and where given how the label was seen and read.
 */
function relabel(
  step: AnalyzedStep,
  label: string,
  how: { seen?: LabelBasis; source?: AnalyzedStep['labelSource'] } = {},
): void {
  step.label = step.facts.label = label;
  if (how.source) step.labelSource = how.source;
  if (how.seen) step.seen = how.seen;
  step.text = stepText(step.facts);
}

/**
 * A scroll is done to reach what is acted on next: it is named by the next step's control
 * ("Scroll down to **Female**", then "Select the **Female** option"), where that step names one.
 */
function nameScrolls(steps: AnalyzedStep[]): void {
  for (const [index, step] of steps.entries()) {
    const next = steps[index + 1];
    if (step.kind !== 'scroll' || step.label || !next?.label || next.kind === 'scroll') continue;
    relabel(step, next.label, { source: next.labelSource });
  }
}

/**
 * Where the pointer rested for a change seen only as pixels (`restingPointer`): on the change,
 * or, for one that came at once and is no typing (a window opened), wherever it rested; where
 * it was caught still gliding as a window closed, the window's dismissal on its way
 * (`dismissalAhead`).
 */
function pointerAt(
  draft: StepDraft<EventRecord>,
  reading: SequenceResult | undefined,
  events: EventRecord[],
  pointerMove: (event: EventRecord) => boolean,
): Point | undefined {
  const on = restingPointer(draft, events, pointerMove);
  if (on && reading && draft.region) {
    const glide = glideCutShort(draft, events, on);
    const ahead = glide && dismissalAhead(reading.before, reading.after, draft.region, glide);
    if (ahead) return ahead;
  }
  if (on || !reading || !draft.region) return on;
  const appeared = appearedText(reading.before, reading.after, draft.region);
  const durationMs = draft.end - draft.start - (draft.pausedMs ?? 0);
  return appeared && !readsAsTyping(appeared, durationMs)
    ? restingPointer(draft, events, pointerMove, true)
    : undefined;
}

/**
 * A change seen only as pixels that spans a side effect of the action far from the rest of
 * it: a name marked modified ("Default" → "Default*" at the top of dat.GUI, the field typed
 * into below), or the focus ring of the field the focus left (a desktop form's next field
 * clicked and typed in); or something that changed at the same time and is no action's at
 * all: this app's own timer ticking, in a video of a whole screen recorded with it. The step
 * is the rest, read again on its own. Undefined where there is no such side effect, or
 * nothing else.
 */
async function withoutSideEffect(
  draft: StepDraft<EventRecord>,
  reading: SequenceResult | undefined,
  backend: LocalBackend,
  pixels: ChangeReading | undefined,
): Promise<{ draft: StepDraft<EventRecord>; reading: SequenceResult } | undefined> {
  const { region } = draft;
  // The frames' luma as `readPixels` read it over the change and around it (decoded once).
  const [a, b] = [pixels?.before, pixels?.after];
  if (draft.kind !== 'visual' || !reading || !region || !a || !b) return undefined;
  const rest = ownControlsApart(reading, region, a, b) ?? besideMarkOrRing(reading, region, a, b);
  if (!rest) return undefined;
  const narrowed = { ...draft, region: rest };
  try {
    const [again] = await backend.analyzeSequence([narrowed]);
    return again ? { draft: narrowed, reading: again } : undefined;
  } catch {
    return undefined; // the screen could not be read again: the change is named whole
  }
}

/** The rest of a change that also showed this app's own timer ticking (see `ownControlsIn`). */
function ownControlsApart(reading: SequenceResult, region: Rect, a: LumaArea, b: LumaArea): Rect | undefined {
  const own = ownControlsIn(reading, region);
  return own ? changeApartFrom(a, b, region, own) : undefined;
}

/** The rest of a change beside a name marked modified, or beside a field's focus ring left behind. */
function besideMarkOrRing(reading: SequenceResult, region: Rect, a: LumaArea, b: LumaArea): Rect | undefined {
  const read = modifiedMarkIn(reading.before, reading.after, region)?.box;
  // A mark seen only in the pixels may be a sort arrow after a column's name: then the rest
  // is the rows sorted, not one field, and the change is named whole.
  const seen = read ? undefined : markAppendedIn(reading.before, a, b, region);
  const mark = read ?? seen;
  // A ring left behind lies in another row than the action: one row holds no such pair.
  if (!mark && region.height <= ROW_HEIGHT) return undefined;
  const rest = mark ? changeBesideMark(a, b, region, mark) : focusLeftIn(a, b, region);
  return rest && !(seen && rest.height > ROW_HEIGHT) ? rest : undefined;
}

/**
 * A step the crop around it left unnamed is read again in its whole frames, once:
 * whole frames are read unscaled and without the crop's clean-up, which reads some
 * small UI text the crop does not, and a caret at the start of a field's placeholder
 * can make the crop read nothing at all. A logged click is named by the text at its
 * point in the before frame; typing seen only as pixels by the same rules as in the
 * crop (`actedOn`), on the whole before and after frames.
 */
async function nameFromWholeFrames(
  steps: AnalyzedStep[],
  drafts: StepDraft<EventRecord>[],
  backend: LocalBackend,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (const [index, step] of steps.entries()) {
    if (step.label || !step.beforeFrameId || !step.region) continue;
    // A change seen only as pixels is read whole only when it was typing (whole frames cost
    // about a second each; typing into a field whose placeholder the crop missed is the case).
    if (step.kind !== 'click' && !(step.kind === 'visual' && step.value !== undefined)) continue;
    const draft = drafts.find((d) => d.start === step.start && d.kind === step.kind);
    const point = draft?.events.find((e) => e.type === 'click')?.point;
    // Nothing to name it by: a click without its point, a change without its after frame.
    if (step.kind === 'click' ? !point : !step.afterFrameId) continue;
    signal?.throwIfAborted();
    try {
      const { lines: before } = await backend.analyzeFrame(step.beforeFrameId);
      const after = step.kind === 'visual' ? await backend.analyzeFrame(step.afterFrameId!) : null;
      const previous = steps[index - 1];
      const named = wholeFrameLabel(step.region, before, after?.lines, point, [previous?.label, previous?.value]);
      if (named) relabel(step, named.label, { source: 'ocr', seen: named.seen });
    } catch {
      // unreadable frame: the step keeps its marked area
    }
  }
}

/**
 * A click seen only as pixels that brought a new page or view over much of the screen is named
 * by the line that reads as the new view's title, outside the change or a menu's that stayed in
 * it (`newViewTitle`, `linkTo`: a sidebar's "Modals" for the page titled "Modals"). Reads the
 * before frame whole, only for such changes, and only where the new view has a title.
 */
async function nameNewViews(
  steps: AnalyzedStep[],
  frame: { width: number; height: number },
  backend: LocalBackend,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (const step of steps) {
    const { region, ocr } = step;
    if (step.kind !== 'visual' || step.value !== undefined || !region || !ocr || !step.beforeFrameId) continue;
    const title = newViewTitle(ocr.before, ocr.after, region, frame);
    if (!title) continue;
    signal?.throwIfAborted();
    try {
      const link = linkTo(title, (await backend.analyzeFrame(step.beforeFrameId)).lines, region, ocr.after);
      if (link) relabel(step, link.text, { source: 'ocr', seen: 'title' });
    } catch {
      // unreadable frame: the step keeps its label
    }
  }
}

/** Screen changes that are a caret blinking are nobody's action (frame width unknown: all kept). */
function withoutCarets(events: EventRecord[], frameWidth: number | undefined): EventRecord[] {
  if (!frameWidth) return events;
  const grid = defaultSamplerConfig.gridWidth;
  return events.filter((e) => !(e.type === 'visual' && e.box && isCaretBlink(e.box, frameWidth, grid)));
}

/**
 * Screen changes that are only the mouse pointer moving (from one place to another, or gliding
 * a short way into a change that saw it leave) make no step (the events stay whole for where
 * the pointer rested: `restingPointer`, `frameBeforePointer`). Frame width unknown: none is.
 */
function pointerMoveOn(frameWidth: number | undefined, events: EventRecord[]): (event: EventRecord) => boolean {
  if (frameWidth === undefined || frameWidth <= 0) return () => false;
  const grid = defaultSamplerConfig.gridWidth;
  const visual = events.filter((e) => e.type === 'visual');
  const glides = new Set(visual.filter((e, i) => isPointerGlide(e, visual[i + 1], frameWidth, grid)));
  return (e) => e.type === 'visual' && (isPointerMove(e, frameWidth, grid) || glides.has(e));
}

/** How far around a change its surroundings are read: a mark beside a control, the label left of a field. */
const AROUND = 24;

/**
 * For a change seen only as pixels: which lines of text in it changed their own
 * pixels, and the mark it drew (beside the line the pointer rested on, where it was
 * seen: `pointer`); for a logged click the page said nothing of (a key logger's),
 * whether it ticked a box.
 */
async function readPixels(
  draft: StepDraft<EventRecord>,
  lines: { before: OcrLine[]; after: OcrLine[] } | undefined,
  pointer: Point | undefined,
): Promise<ChangeReading | undefined> {
  const point = draft.kind === 'click' ? loggedPoint(draft) : undefined;
  if (draft.kind !== 'visual' && !point) return undefined;
  if (!lines || !draft.region || !draft.beforeFrameId || !draft.afterFrameId) return undefined;
  // A logged click on a box's label: the box lies along the row left of the point.
  const area = expand(draft.region, AROUND);
  const read = point ? union([area, labelBoxStrip(point)])! : area;
  try {
    return await readChange(
      draft.beforeFrameId,
      draft.afterFrameId,
      read,
      linesMeeting(lines.before, draft.region, AROUND),
      linesMeeting(lines.after, draft.region, AROUND),
      point,
      pointer,
    );
  } catch {
    return undefined; // a frame that cannot be decoded: the other rules still name the step
  }
}

/** The click point of a logged click the page said nothing of (a key logger's), if any. */
function loggedPoint(draft: StepDraft<EventRecord>): { x: number; y: number } | undefined {
  if (draft.target || (draft.kind !== 'click' && draft.kind !== 'type')) return undefined;
  return draft.events.find((e) => e.type === 'click')?.point;
}

/** The row around a logged click point, read on its own in the step's key frames (see `readRow`). */
interface PointReading {
  point: { x: number; y: number };
  /** The point is where the pointer was seen resting, not a logged click's. */
  pointer?: true;
  /**
   * That point is not the middle of where the pointer was seen but its tip, above it (`pointerTip`),
   * or the text of the control it rested on (`readRow`'s `at`).
   */
  tip?: true;
  before: OcrLine[];
  /** The area `before` was read in. */
  area: Rect;
  /**
   * `before` is from a frame before the pointer came to rest on the point: the step's own
   * wider reading, with the pointer on the text, does not overrule it.
   */
  clear?: true;
  /** For a click: what the row shows after it (a select's new value). */
  after?: OcrLine[];
  /** For a pointer's point: what the row shows once the pointer left it (`frameAfterPointer`). */
  left?: OcrLine[];
  /** The frame from before the pointer came to the point (or set off for it), where one is known. */
  earlierId?: string;
}

/**
 * Reads the row around a logged click point: the control clicked, or the field typed
 * into, is named from it in the before frame, or in a frame from before the pointer came
 * to rest on it where that reads it more clearly; a click's after frame shows whether the
 * text at the point gave way to another (a select's value chosen from its list).
 */
async function readAtPoint(
  draft: StepDraft<EventRecord>,
  backend: LocalBackend,
  events: EventRecord[],
  pointer: { x: number; y: number } | undefined,
): Promise<PointReading | undefined> {
  const logged = loggedPoint(draft);
  const point = logged ?? pointer;
  if (!point || !draft.beforeFrameId) return undefined;
  try {
    const field = fieldMode(draft);
    const before = await readRow(backend, draft.beforeFrameId, point, field);
    const arrivalId = frameBeforePointer(events, point, draft.start);
    // With no change of the pointer arriving, the last frame from before it set off, where the
    // row there reads as the same line without the pointer's garbling.
    const earlierId = arrivalId ?? frameBeforeGlide(events, draft.start);
    const earlier = earlierId ? await readRow(backend, earlierId, point, field) : undefined;
    // A point on a control but off its text, in either frame (`readRow`): that text is where it pointed.
    const onText = before.at ?? earlier?.at;
    const clear =
      earlier !== undefined &&
      (arrivalId
        ? earlierIsClearer(before.lines, earlier.lines, onText ?? point)
        : readAgainClearly(before.lines, earlier.lines, onText ?? point));
    const row = clear ? earlier : before;
    const at = onText ?? (logged ? point : pointerTip(row.lines, point));
    // What looked like the pointer leaving this app's own timer, in a video of a screen recorded
    // with it, was the timer ticking: no control was clicked there.
    if (onlyOwnControls({ before: row.lines, after: [] }, { ...point, width: 1, height: 1 })) return undefined;
    const after =
      draft.kind !== 'type' && draft.afterFrameId
        ? (await backend.analyzePoint(draft.afterFrameId, point)).lines
        : undefined;
    const leftId = after && !logged ? frameAfterPointer(draft, events, point) : undefined;
    const left = leftId ? (await backend.analyzePoint(leftId, point)).lines : undefined;
    return {
      point: at,
      ...(logged ? {} : { pointer: true as const }),
      ...(at !== point ? { tip: true as const } : {}),
      before: row.lines,
      area: row.area,
      ...(clear ? { clear } : {}),
      ...(after ? { after } : {}),
      ...(left ? { left } : {}),
      ...(earlierId ? { earlierId } : {}),
    };
  } catch {
    return undefined; // unreadable frame: the step's own reading names it
  }
}

/** How a step's point names a field: typed into, or typed over (its text selected first, the text at the point was the field's old value). */
function fieldMode(draft: StepDraft<EventRecord>): FieldMode {
  return draft.kind === 'type' && (draft.replaces ? 'replaced' : true);
}

function describeStep(
  draft: StepDraft<EventRecord>,
  index: number,
  lines: { before: OcrLine[]; after: OcrLine[] } | undefined,
  previous: (string | undefined)[],
  pixels?: ChangeReading,
  atPoint?: PointReading,
): AnalyzedStep {
  const pageLabel = draft.target?.name ?? draft.target?.text;
  let label = pageLabel;
  let labelSource: AnalyzedStep['labelSource'] = pageLabel ? 'page' : undefined;
  let seen: LabelBasis | undefined;
  let appeared: string | undefined;
  let overLine: { caption: string; value: string } | undefined;
  const durationMs = draft.end - draft.start - (draft.pausedMs ?? 0);
  // All the text a change seen only as pixels brought: typing's speed is judged on it.
  const brought =
    lines && draft.region && draft.kind === 'visual'
      ? appearedText(lines.before, lines.after, draft.region, undefined, undefined, atPoint?.pointer && atPoint.point)
      : undefined;
  if (!label && lines && draft.region) {
    const point = draft.events.find((e) => e.type === 'click')?.point;
    if (draft.kind === 'visual') {
      const named = actedOn(lines.before, lines.after, draft.region, previous, pixels?.changed);
      // Where the pointer rested on a shared screen is what was clicked, unless this was typing
      // (the field is named by its label, not by the value the pointer rests on).
      const { region } = draft;
      const typing = () => readsAsTyping(brought, durationMs);
      const pressed = () => atPoint !== undefined && keptAtPoint(atPoint);
      const pointed =
        atPoint && labelAtPoint(atPoint.before, atPoint.point) && (!typing() || pressed())
          ? labelAtClick(
              { lines: atPoint.before, area: atPoint.area },
              atPoint.clear ? [] : lines.before,
              draft.region,
              atPoint.point,
            )
          : undefined;
      // Typing named by a line that stayed below the field is named by the field's caption above
      // or left of it where there is one (Tk's frame captions: "Fully Editable" above the box typed
      // in, "Disabled" the next box's caption below it).
      const caption =
        !pointed && named?.seen === 'stayed' && typing() ? captionAbove(lines, region, named.label) : undefined;
      // A value typed over where OCR read the field's caption on one line with it names its field.
      // (Not where a tree node was seen opened: a line beside it read a letter apart, "{6} 4h" then
      // "{6} Ah", is OCR's noise, not a value typed over.)
      overLine =
        !pointed && !caption && named?.seen !== 'mark' ? typedOverInLine(lines.before, lines.after, region) : undefined;
      label = pointed ?? caption ?? overLine?.caption ?? named?.label;
      seen = pointed ? 'point' : caption ? 'nearby' : overLine ? 'changed' : named?.seen;
    } else {
      const wide = lines.before.length > 0 ? lines.before : lines.after;
      let field = fieldMode(draft);
      const at = atPoint?.point ?? point;
      if (field === 'replaced' && at && stayedAfterTyping(atPoint?.before ?? wide, lines.after, at)) field = true;
      label = atPoint
        ? labelAtClick(
            { lines: atPoint.before, area: atPoint.area },
            atPoint.clear ? [] : wide,
            draft.region,
            atPoint.point,
            field,
          )
        : labelFor(wide, draft.region, point, 24, field);
      // A field typed into, named by its caption where nothing (or a glyph) was read at the click.
      const named = draft.kind === 'type' && at ? typedFieldName(label, lines.before, lines.after, at) : label;
      const byCaption = named !== label;
      label = named;
      seen = point && !byCaption ? 'point' : 'nearby';
    }
    if (label) labelSource = 'ocr';
    else seen = undefined;
  }
  if (lines && draft.region && draft.kind === 'visual') {
    // The field typed into is where its label was read: the value is the new line nearest it.
    const field = label ? [...lines.before, ...lines.after].find((line) => line.text === label)?.box : undefined;
    // Named by where the pointer rested, it was a click (not typing, as was checked before naming
    // it so): what reads differently there is the control pressed or lit up, not a typed value.
    appeared =
      seen === 'point'
        ? undefined
        : (overLine?.value ?? appearedText(lines.before, lines.after, draft.region, 8, field));
    // A change that brought far more text than anyone types in its time (a window or a panel
    // opened) was no typing, whichever of its new lines lies nearest the line that named it.
    if (appeared !== undefined && !overLine && cameAtOnce(brought, durationMs)) appeared = undefined;
    // The same after frame read again where the pointer rested holds more of a value cut short.
    if (appeared !== undefined && !overLine && atPoint?.after)
      appeared = valueReadLonger(appeared, lines.after, atPoint.after) ?? appeared;
  }
  let control = pageLabel ? controlFacts(draft.target) : undefined;
  // The line a typed-in field was named by, read before the typing.
  const shown =
    !pageLabel && lines && label && readsAsTyping(appeared, durationMs)
      ? lines.before.find((line) => line.text === label)
      : undefined;
  // The field's old text read on one line with its caption: the caption left of the field.
  const inLine = shown && draft.region ? captionInLine(shown, draft.region) : undefined;
  if (inLine) label = inLine;
  else if (lines && shown && looksLikeFormat(shown.text)) {
    // Typing over a format shown in the field ("mm/dd/yyyy"): the field is named by its caption.
    const caption = captionOf(
      lines.before.filter((line) => line !== shown),
      shown.box,
    );
    if (caption) {
      control = { type: 'text', format: shown.text };
      label = caption;
      seen = undefined;
    }
  }
  // A logged click that ticked or unticked a box (only clicks the page said nothing of are
  // looked at); one on a word was on a button's text, and what looked like a tick was its look
  // changing as it was pressed, or the pointer leaving it. The line beside the box read anew
  // ("availableToHire true", then "… false") is the box's state, not a choice.
  // Seen only as pixels, a radio button's dot that came to an option chose it.
  const radio =
    !pageLabel && lines && draft.region && draft.kind === 'visual'
      ? (radioChosen(lines.before, lines.after, draft.region) ??
        (pixels?.before && pixels.after
          ? dotMovedTo(pixels.before, pixels.after, lines.after, draft.region)
          : undefined))
      : undefined;
  if (radio) {
    label = radio;
    labelSource = 'ocr';
    seen = 'tick';
    control = { type: 'radio' };
    appeared = undefined;
  }
  // (A click on the text beside a box that ticked, on its row, was on the box's label.)
  const toggled =
    !radio &&
    pixels?.toggled &&
    !pageLabel &&
    (pixels.byLabel || !(atPoint && onWord([...atPoint.before, ...(lines?.before ?? [])], atPoint.point)))
      ? pixels.toggled
      : undefined;
  const choice =
    !pageLabel && lines && !toggled && !radio
      ? (choiceMade(draft, lines, durationMs, atPoint?.pointer && atPoint.point) ??
        (atPoint?.after ? choiceAtPoint(atPoint.before, atPoint.after, atPoint.point, lines) : undefined))
      : undefined;
  if (choice) {
    label = choice.label;
    labelSource = 'ocr';
    seen = undefined;
  }
  // A field's faint placeholder gave way to text in full ink where it started: typing, however
  // quick the change (a video's frames saw a short word typed in a third of a second).
  const placeholder =
    draft.kind === 'visual' &&
    !pageLabel &&
    lines &&
    draft.region &&
    pixels?.before &&
    pixels.after &&
    !choice &&
    !radio &&
    !toggled &&
    !readsAsTyping(appeared, durationMs)
      ? placeholderTypedOver(lines.before, lines.after, draft.region, { before: pixels.before, after: pixels.after })
      : undefined;
  if (placeholder) {
    label = placeholder.placeholder;
    labelSource = 'ocr';
    seen = 'changed';
    appeared = undefined;
  }
  // The mark the click drew on its own control (a sort arrow, a tick, a selected tab's
  // border) names it better than where the change began.
  const mark =
    // (None where a value was seen typed over in its field's line: what lit up beside it, a drag
    // handle or the Undo button, is the typing's result.)
    draft.kind === 'visual' && !choice && !overLine && !radio && !placeholder
      ? markOfClick(
          pixels?.mark,
          readsAsTyping(appeared, durationMs),
          seen === 'point' && label && atPoint ? { label, point: atPoint.point } : undefined,
        )
      : undefined;
  if (mark?.checkbox) appeared = undefined; // what else the tick brought (a counter) was not typed
  if (mark) {
    label = mark.label;
    labelSource = 'ocr';
    seen = mark.checkbox ? 'tick' : 'mark';
    if (mark.checkbox) control = { type: 'checkbox' };
  }
  if (toggled) {
    control = { type: 'checkbox' };
    if (seen) seen = 'tick';
    // (A box unticked beside its line come back into full ink is named by that line as read
    // after: struck through before, OCR read it "Emait-Sam".)
    const cameBack = toggled === 'unticked' && pixels?.mark?.unticked ? pixels.mark.label : undefined;
    if (atPoint) label = cameBack ?? tickedBoxLabel(label, atPoint.before, atPoint.point, atPoint.after);
  } else if (atPoint && seen === 'point' && label !== undefined && alphanumerics(label) < 2) {
    // A logged click on a glyph that starts a row's text (a tick no box toggle was seen in,
    // read "v") was on that text's box: read before, or after where struck through before
    // it was not read.
    const text =
      textRightOf(atPoint.before, atPoint.point) ?? (atPoint.after && textRightOf(atPoint.after, atPoint.point));
    if (text) label = text.text;
  }
  // Seen only as pixels, a value swapped in place in a text field (nothing drawn right of it,
  // where a select draws its arrow; or a box drawn round it as it was edited) was typed over,
  // however quickly ("0.2" made "0.5").
  const typedOver =
    choice !== undefined &&
    draft.kind === 'visual' &&
    (choice.apart === true || (pixels?.after !== undefined && blankRightOf(pixels.after, choice.box, draft.region!)));
  // A desktop button read with its keyboard shortcut is named by its text ("Search", not "Search Ctrl+S").
  if (label && labelSource === 'ocr') label = withoutShortcut(label);
  const kind =
    typedOver || placeholder ? 'type' : choice ? 'choose' : mark?.checkbox || toggled || radio ? 'toggle' : draft.kind;
  const value =
    choice?.value ?? placeholder?.value ?? (toggled === 'unticked' || mark?.unticked ? 'unchecked' : draft.value);
  const facts: StepFacts = {
    kind,
    label,
    context: pageLabel ? draft.target?.context : undefined,
    double: draft.double,
    value,
    redacted: draft.redacted,
    key: draft.key,
    thenKey: draft.thenKey,
    replaces: typedOver || draft.replaces,
    scrollDelta: draft.scrollDelta,
    appeared,
    durationMs,
    control,
  };
  const step: AnalyzedStep = {
    id: `step-${index + 1}`,
    start: draft.start,
    end: draft.end,
    kind,
    text: stepText(facts),
    facts: JSON.parse(JSON.stringify(facts)) as StepFacts, // without the undefined keys
    eventCount: draft.events.length + draft.visual.length,
  };
  if (label) step.label = label;
  if (labelSource) step.labelSource = labelSource;
  if (label && labelSource === 'ocr' && seen) step.seen = seen;
  if (draft.target) step.target = draft.target;
  if (value !== undefined && !draft.redacted) step.value = value;
  else if (draft.kind === 'visual' && readsAsTyping(appeared, durationMs)) step.value = appeared;
  if (draft.redacted) step.redacted = true;
  if (draft.key) step.key = draft.key;
  if (draft.region) step.region = draft.region;
  if (draft.beforeFrameId) step.beforeFrameId = draft.beforeFrameId;
  if (draft.afterFrameId) step.afterFrameId = draft.afterFrameId;
  if (lines && draft.region) {
    step.ocr = {
      before: linesIn(lines.before, draft.region, OCR_MARGIN),
      after: linesIn(lines.after, draft.region, OCR_MARGIN),
    };
  }
  return step;
}
