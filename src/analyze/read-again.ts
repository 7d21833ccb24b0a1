/**
 * Steps named again from areas of their key frames read alone, where the step's own reading
 * ran text together or dropped it: a row clicked in a drop-down list (OCR runs it into the
 * text beside the list), a value typed in a field an editor highlights (OCR drops it). Each
 * rewrites a step `analyze.ts` described; the rules that find the areas are pure, in `labels/`.
 */
import type { AnalysisBackend } from './backend';
import { lineReading, type OcrLine } from './ocr/lines';
import type { StepDraft } from './segment/steps';
import type { EventRecord } from '../capture/events';
import type { AnalyzedStep, LabelBasis } from './types';
import { stepText, type StepFacts } from '../compose/step-text';
import { sameReading } from '../shared/text-distance';
import { center, expand, intersects, type Point } from '../shared/geometry';
import {
  choiceByField,
  choiceFromList,
  columnAt,
  dropDownAt,
  itemOnButton,
  listClosedIn,
  menuClosedIn,
  rowReadUnsurely,
} from './labels/drop-down';
import { valueReadApart, valuesGoneAt } from './labels/value-apart';
import { coveredButton } from './labels/pixels';
import {
  captionOnValueRow,
  cutAt,
  isDismissal,
  onValueRow,
  placeOnRow,
  readWholeElsewhere,
  rowLeftOf,
} from './labels/labels';
import { POINTER_TIP } from './point-row';
import { SURE_BASES } from './inferences';
import type { LumaArea } from './frame-luma';

/** What reads an area of a stored key frame alone (the analysis backend). */
type AreaReader = Pick<AnalysisBackend, 'analyzeArea'>;

/** A click's point, and its row read there (`readAtPoint` in analyze.ts). */
interface AtPoint {
  point: Point;
  /** The point is where the pointer was seen resting, not a logged click's. */
  pointer?: true;
  /** That point is already the pointer's tip (`pointerTip`). */
  tip?: true;
  before: OcrLine[];
  after?: OcrLine[];
  /** A frame from before the pointer came to the point, where one is known. */
  earlierId?: string;
}

/**
 * A click on a row of a drop-down list drawn on the screen (`dropDownAt`) chose that row's text
 * in the field it dropped from, where the list opened with the click before and closed with
 * this one, and the field changed (`choiceFromList`): the row and the field are read again
 * alone, as OCR runs a list's row into the text beside it. The field's line, where it did.
 */
export async function chosenFromList(
  step: AnalyzedStep,
  draft: StepDraft<EventRecord>,
  [opener, next]: (StepDraft<EventRecord> | undefined)[],
  reading: { before: OcrLine[]; after: OcrLine[] },
  atPoint: AtPoint,
  backend: AreaReader,
): Promise<OcrLine | undefined> {
  if (draft.target || (draft.kind !== 'visual' && draft.kind !== 'click')) return;
  // A click whose change the step before went on into has no after frame of its own: the screen
  // before the next step is the one after it.
  const afterFrameId = draft.afterFrameId ?? next?.beforeFrameId;
  if (!draft.beforeFrameId || !afterFrameId || !opener?.beforeFrameId) return;
  const before = [...reading.before, ...atPoint.before];
  // A pointer seen on the screen is the middle of the cells it was drawn in; it clicks with its tip, above.
  const point =
    atPoint.pointer && !atPoint.tip ? { ...atPoint.point, y: atPoint.point.y - POINTER_TIP } : atPoint.point;
  const after = [...reading.after, ...(atPoint.after ?? [])];
  let list = dropDownAt(before, after, point);
  // A click's reading is a strip around it: where it holds the start of a column, the column's
  // rows over and under it are read too (and the field over a list, where it was not read).
  if (!list?.field && columnAt(before, point).length >= MIN_COLUMN) {
    const around = {
      x: point.x - LIST_AROUND.x,
      y: point.y - LIST_AROUND.y,
      width: 2 * LIST_AROUND.x,
      height: 2 * LIST_AROUND.y,
    };
    try {
      before.push(...(await backend.analyzeArea(draft.beforeFrameId, around)).lines);
    } catch {
      return;
    }
    list = dropDownAt(before, after, point);
  }
  if (!list) return;
  try {
    const row = (await backend.analyzeArea(draft.beforeFrameId, list.rowArea)).lines;
    const read = {
      row,
      earlier: (await backend.analyzeArea(opener.beforeFrameId, list.rowArea)).lines,
      rowAfter: (await backend.analyzeArea(afterFrameId, list.rowArea)).lines,
      above: (await backend.analyzeArea(draft.beforeFrameId, list.above)).lines,
      aboveAfter: (await backend.analyzeArea(afterFrameId, list.above)).lines,
      wide: before,
      rowEarlier:
        atPoint.earlierId && rowReadUnsurely(list, row)
          ? (await backend.analyzeArea(atPoint.earlierId, list.rowArea)).lines
          : [],
    };
    const choice = choiceFromList(list, read);
    if (!choice) return;
    renamed(step, { ...step.facts, kind: 'choose', label: choice.label, value: choice.value }, 'point');
    return choice.field;
  } catch {
    // An unreadable frame: the step stays as first named.
  }
}

/**
 * A list drawn on the screen that closed in a change seen only as pixels, where no point tells
 * which row was clicked (`chosenFromList` found none), chose what its field reads after
 * (`choiceByField`), where the list dropped down with the change before (its rows were not
 * there before that one). The field's line, where it did.
 */
export async function chosenByField(
  step: AnalyzedStep,
  draft: StepDraft<EventRecord>,
  [opener, next]: (StepDraft<EventRecord> | undefined)[],
  reading: { before: OcrLine[]; after: OcrLine[] },
  backend: AreaReader,
): Promise<OcrLine | undefined> {
  if (draft.target || draft.kind !== 'visual' || !draft.region) return;
  const afterFrameId = draft.afterFrameId ?? next?.beforeFrameId;
  if (!draft.beforeFrameId || !afterFrameId || !opener?.beforeFrameId) return;
  const list = listClosedIn(reading.before, reading.after, draft.region);
  if (!list) return;
  try {
    const earlier = (await backend.analyzeArea(opener.beforeFrameId, list.rowArea)).lines;
    const row = reading.before.find((l) => intersects(l.box, list.row))?.text;
    if (!row || earlier.some((l) => l.text.includes(row))) return;
    const choice = choiceByField(list, {
      earlier,
      rowAfter: (await backend.analyzeArea(afterFrameId, list.rowArea)).lines,
      above: (await backend.analyzeArea(draft.beforeFrameId, list.above)).lines,
      aboveAfter: (await backend.analyzeArea(afterFrameId, list.above)).lines,
      wide: reading.before,
    });
    if (!choice) return;
    renamed(step, { ...step.facts, kind: 'choose', label: choice.label, value: choice.value }, 'changed');
    return choice.field;
  } catch {
    // An unreadable frame: the step stays as first named.
  }
}

/**
 * A change seen as pixels that took a field's value from beside its caption, where OCR read
 * nothing in its place after (`valuesGoneAt`: an editor's highlight round the field edited, a
 * small-text form's value missed), was typing over it, where the value's place read alone after
 * shows new text (in one field: where more do, which is not told).
 */
export async function typedWhereValueWas(
  step: AnalyzedStep,
  draft: StepDraft<EventRecord>,
  reading: { before: OcrLine[]; after: OcrLine[] },
  changed: ReadonlySet<string>,
  backend: AreaReader,
): Promise<void> {
  if (draft.kind !== 'visual' || !draft.region || !draft.afterFrameId) return;
  if (step.kind === 'type' && step.value !== undefined) return;
  // (A box ticked beside the line: what it shows is the box's state, "true" then "false".)
  const gone = valuesGoneAt(reading.before, reading.after, draft.region, changed).filter(
    (g) => !(step.kind === 'toggle' && step.label === g.caption),
  );
  const typed: { caption: string; value: string }[] = [];
  for (const field of gone) {
    try {
      const value = valueReadApart(field, (await backend.analyzeArea(draft.afterFrameId, field.area)).lines);
      if (value) typed.push({ caption: field.caption, value });
    } catch {
      // An unreadable frame: the step stays as first named.
    }
  }
  if (typed.length !== 1) return;
  const facts: StepFacts = {
    ...step.facts,
    kind: 'type',
    label: typed[0]!.caption,
    value: typed[0]!.value,
    replaces: true,
  };
  delete facts.control;
  renamed(step, facts, 'changed');
}

/**
 * A click seen only as pixels whose result covered what was clicked (a dialog over the page, a
 * page in its place), named only by what it brought or by a line that changed, is named by the
 * one filled button it covered (`coveredButton`), read again alone in its box (OCR read Spectre's
 * white-on-blue "Open Modal" as "Open" among the page's lines).
 */
export async function openedByButton(
  step: AnalyzedStep,
  draft: StepDraft<EventRecord>,
  reading: { before: OcrLine[]; after: OcrLine[] },
  luma: LumaArea | undefined,
  backend: Pick<AnalysisBackend, 'analyzeBoxAt'>,
): Promise<void> {
  if (draft.kind !== 'visual' || !draft.region || !draft.beforeFrameId || !luma) return;
  if (step.kind !== 'visual' || step.value !== undefined || (step.seen && SURE_BASES.has(step.seen))) return;
  // (Not a dialog closed by its dismissal: what it uncovered is the page, the dialog's own filled
  // button, "Share" beside "Close", went with it.)
  if (step.label && isDismissal(step.label)) return;
  const button = coveredButton(reading.before, reading.after, draft.region, luma);
  if (!button) return;
  let label = button.text;
  try {
    const inBox = await backend.analyzeBoxAt(draft.beforeFrameId, center(button.box));
    const whole = inBox?.lines.find((l) => l.text.includes(button.text) && l.text.length > button.text.length);
    if (whole) label = whole.text;
  } catch {
    // An unreadable frame: the button's text as first read.
  }
  // (A button boxed whole has its edges read as quotes: "“open Modal\"".)
  renamed(step, { ...step.facts, label: label.replace(BUTTON_EDGES, '') || label }, 'gone');
}

/**
 * A click seen only as pixels that closed a menu dropped from a button showing the item chosen
 * (`menuClosedIn`), named by nothing sure, is named by the item the button shows after, read
 * alone in its place (`itemOnButton`): the whole view changed with the choice (JSONEditor's tree
 * now code), and OCR missed the white-on-blue "Code ▾" in the wide reading.
 */
export async function chosenInMenu(
  step: AnalyzedStep,
  draft: StepDraft<EventRecord>,
  reading: { before: OcrLine[]; after: OcrLine[] },
  backend: AreaReader,
): Promise<void> {
  if (draft.kind !== 'visual' || !draft.region || !draft.afterFrameId) return;
  if (step.kind !== 'visual' || step.value !== undefined || (step.seen && SURE_BASES.has(step.seen))) return;
  const menu = menuClosedIn(reading.before, reading.after, draft.region);
  if (!menu) return;
  const { box } = menu.button;
  // The button's place, and room right of it for a longer item's text and its arrow.
  const area = {
    x: box.x - BUTTON_PAD,
    y: box.y - BUTTON_PAD,
    width: box.width + 6 * box.height,
    height: box.height + 2 * BUTTON_PAD,
  };
  try {
    const item = itemOnButton(menu, (await backend.analyzeArea(draft.afterFrameId, area)).lines);
    if (item) renamed(step, { ...step.facts, label: item }, 'menu');
  } catch {
    // An unreadable frame: the step stays as first named.
  }
}

/**
 * A control named at a click by a line the pointer cut there (`cutAt`: "Comb" of "5. Combo-boxes",
 * the hand over its "o"), that no other frame read whole (`nameReadWhole`), is named by the
 * line's place on its row (`placeOnRow`) read alone, 4 px round, in a frame from before the
 * pointer came (or the before frame), where that reads it whole (`readWholeElsewhere`): OCR of
 * the strip round the point read nothing of the underlined link even there, the place alone
 * "5. Combo-boxes" at 90 %.
 */
export async function cutReadAlone(
  label: string,
  read: { lines: OcrLine[]; pointer: boolean; point?: Point; frameId?: string },
  backend: AreaReader,
): Promise<string | undefined> {
  const { lines, pointer, point, frameId } = read;
  if (!point || !frameId) return undefined;
  // (Or the run of a line's words that named it.)
  const line = lineReading(lines, label);
  if (!line || !cutAt(line, point)) return undefined;
  try {
    const alone = await backend.analyzeArea(frameId, expand(placeOnRow(line, lines), CUT_PAD));
    return readWholeElsewhere(line, alone.lines, pointer, point);
  } catch {
    return undefined; // An unreadable frame: the label as first read.
  }
}

/** Round a cut line's place on its row, how much more is read alone (px). */
const CUT_PAD = 4;

/**
 * A box ticked or unticked whose label OCR read unsurely in the step's wide reading is named by
 * its line read again alone in the before frame, where that reads it a letter or two apart
 * (`sameReading`) and more surely: a small area is read larger, and a label word the box's glyph
 * ran into reads whole again (dat.GUI's 11 px "displayOutline", "displayOutine" at 68–75 % in a
 * video, 82 % alone).
 */
export async function toggledLabelAlone(
  step: AnalyzedStep,
  draft: StepDraft<EventRecord>,
  reading: { before: OcrLine[]; after: OcrLine[] },
  backend: AreaReader,
): Promise<void> {
  const { label } = step;
  if (step.kind !== 'toggle' || !label || !draft.beforeFrameId) return;
  const read = [...reading.before, ...reading.after].filter((l) => l.text.includes(label));
  if (read.length === 0 || read.some((l) => l.confidence >= SURE_LABEL)) return;
  const line = read.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  try {
    const alone = (await backend.analyzeArea(draft.beforeFrameId, expand(line.box, BUTTON_PAD))).lines;
    // As many words as the label, anywhere on a line (the box's glyph read as a word beside it).
    const count = label.split(/\s+/u).length;
    const surer = alone
      .filter((l) => l.confidence > line.confidence && l.confidence >= SURE_ALONE)
      .sort((a, b) => b.confidence - a.confidence)
      .flatMap((l) => wordRuns(l.text, count))
      .find((text) => text !== label && sameReading(text, label));
    if (surer) renamed(step, { ...step.facts, label: surer }, step.seen ?? 'tick');
  } catch {
    // An unreadable frame: the label as first read.
  }
}

/**
 * A choice named by the line above its value, where the step's reading held no caption on the
 * value's row (a change's box ends at the control), is named by the caption left of the value on
 * its row read alone in the before frame (`captionOnValueRow`): dat.GUI's "speed" beside its
 * select, not the select above it read "hree v".
 */
export async function choiceCaptionOnRow(
  step: AnalyzedStep,
  draft: StepDraft<EventRecord>,
  reading: { before: OcrLine[]; after: OcrLine[] },
  backend: AreaReader,
): Promise<void> {
  const { label, value } = step;
  if (step.kind !== 'choose' || !label || !value || !draft.beforeFrameId) return;
  const caption = reading.before.find((l) => l.text === label);
  const shown = reading.after.find((l) => l.text === value) ?? reading.after.find((l) => l.text.startsWith(value));
  // (Only where it was named off the value's row: the area is read for nothing otherwise.)
  if (!caption || !shown || onValueRow(caption, shown.box)) return;
  try {
    const row = (await backend.analyzeArea(draft.beforeFrameId, rowLeftOf(shown.box))).lines;
    const onRow = captionOnValueRow(caption, shown.box, row);
    if (onRow) renamed(step, { ...step.facts, label: onRow }, step.seen ?? 'nearby');
  } catch {
    // An unreadable frame: the label as first read.
  }
}

/** Each run of `count` words of `text`, in order. */
function wordRuns(text: string, count: number): string[] {
  const words = text.split(/\s+/u).filter(Boolean);
  return words.slice(0, Math.max(0, words.length - count + 1)).map((_, i) => words.slice(i, i + count).join(' '));
}

/** A toggle's label read this surely (a line's mean) is not read again. */
const SURE_LABEL = 85;
/** A label read again alone this surely at least replaces the first reading. */
const SURE_ALONE = 80;

/**
 * Around a menu's button's text, how much more is read: a little, inside its fill (JSONEditor's
 * fill edge read in with 8 px made "Code ▾" "(Code", too unsure to keep).
 */
const BUTTON_PAD = 4;

/** A filled button's edges as OCR reads them round its text. */
const BUTTON_EDGES = /^[“”"‘’']+|[“”"‘’']+$/gu;

/**
 * A step named again from OCR (`facts`: its kind, label and value now; what the first reading
 * took to have appeared no longer stands), and what its label was seen by.
 */
function renamed(step: AnalyzedStep, facts: StepFacts, seen: LabelBasis): void {
  delete facts.appeared;
  step.kind = facts.kind;
  step.label = facts.label;
  step.labelSource = 'ocr';
  step.seen = seen;
  step.value = facts.value;
  step.facts = facts;
  step.text = stepText(facts);
}

/**
 * Whether a step was the click that dropped a list down from `field`: its change lay on the
 * field's row (on the field, or its arrow beside it).
 */
export function droppedDown(step: AnalyzedStep, field: OcrLine): boolean {
  if (step.kind !== 'click' && step.kind !== 'visual' && step.kind !== 'choose') return false;
  const row = { ...field.box, x: field.box.x - DROP_REACH, width: field.box.width + 2 * DROP_REACH };
  return step.region !== undefined && intersects(step.region, expand(row, 4));
}

/** How far beside a field's value a click still drops its list down (a combo's arrow at its right end). */
const DROP_REACH = 200;

/** Rows of a column read at a click, at least, for a list to be looked for around it. */
const MIN_COLUMN = 3;
/** How far from a click a list it fell in is read (a list of ten rows and its field above). */
const LIST_AROUND = { x: 240, y: 160 };
