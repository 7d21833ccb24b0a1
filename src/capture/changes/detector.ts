/**
 * Visual change detection on downscaled luma frames. Pure: no DOM, no workers,
 * so it runs the same in the sampler worker and in unit tests.
 *
 * A change opens when enough cells differ between two consecutive samples and
 * closes once the screen has been still for `settleFrames` samples. Its
 * **before** frame is the last still frame before it, its **after** frame the
 * first still frame after it, which is what a person acted on and what they got.
 *
 * Two kinds of motion are not actions and are filtered out:
 * - flicker in small places (a blinking caret, a spinner): cells that keep
 *   changing in small updates build up "activity" and are ignored while it lasts;
 * - transient changes (a hover flash): when the after frame equals the before
 *   frame, nothing happened.
 *
 * A change that has grown in one small place for a while (typing into a field)
 * and then goes on at once somewhere else (Enter added a row, a form was sent)
 * is closed at the last frame before the jump, with the typed text in its after
 * frame, and the rest is a change of its own, marked as following on (`moved`).
 *
 * Areas the caller knows are not the workflow (the recorder's own windows on a
 * shared screen: its timer ticks every second) are not looked at (`ignore`). A clock
 * the caller cannot point out (the recorder's window in a video someone brings, a
 * clock on the page) is found by its ticks: a place that changed once a second,
 * five times over, is left out while it goes on ticking (see `ClockCells`).
 */
import { intersection, union, type Rect } from '../../shared/geometry';
import { verticalShift } from './scroll-shift';

export interface LumaFrame {
  /** One byte of luma per cell, row-major. */
  data: Uint8Array;
  width: number;
  height: number;
  /** Time of the sample, in milliseconds on any monotonic clock. */
  t: number;
}

export interface DetectorOptions {
  /** Luma difference (0–255) above which a cell counts as changed. */
  cellThreshold: number;
  /** Fewer changed cells than this between two samples means "still" (a small mark drawn is not, `DOT_SHARE`). */
  minChangedCells: number;
  /** Still samples in a row that end a change. */
  settleFrames: number;
  /** A change longer than this is cut, so a playing video cannot pin frames forever. */
  maxChangeMs: number;
  /** Updates touching less than this fraction of the frame count as small (flicker candidates). */
  smallUpdateFraction: number;
  /** Activity (decaying count of small changes) at which a cell is ignored as flickering. */
  flickerActivity: number;
  /** Half-life of a cell's activity, in milliseconds. */
  activityHalfLifeMs: number;
  /** A change that lasted this long in a small place (typing) is cut where it jumps elsewhere. */
  typingMs: number;
  /** At most this share of the frame is a small place (a field). */
  smallPlaceFraction: number;
  /** The largest a mouse pointer is, in cells (on the default grid, 320 cells across a screen). */
  pointerCells: { width: number; height: number };
  /**
   * Whether the frames show a mouse pointer: its old place is then left out of a change. A
   * screen or a window recorded shows one (true), a tab's capture never does (false); a video
   * someone brings may or may not ('when-seen': from when the pointer was seen moving on).
   */
  pointer: boolean | 'when-seen';
}

export const defaultDetectorOptions: DetectorOptions = {
  cellThreshold: 18,
  minChangedCells: 3,
  settleFrames: 2,
  maxChangeMs: 5000,
  smallUpdateFraction: 0.01,
  flickerActivity: 1.8,
  activityHalfLifeMs: 1500,
  typingMs: 400,
  smallPlaceFraction: 0.02,
  // A pointer is about 12 × 20 px at 1×, 24 × 40 at 2× (on a 2560 px frame, 8 px cells).
  pointerCells: { width: 6, height: 8 },
  pointer: true,
};

/** How far back the place a change is going on in is looked for (typing, its caret blinking). */
const RECENT_MS = 1000;
/** Changed places closer than this many cells are one place. */
const JOIN_CELLS = 2;
/** A pointer-sized place this close to a larger one belongs to it (a tick beside its label). */
const NEAR_CELLS = 6;
/** The fewest cells across and down a pointer covers (a caret is one across). */
const MIN_POINTER_CELLS = 2;
/** How often a pointer must be seen moving before a video is taken to show one. */
const POINTER_MOVES_SEEN = 3;
/** Half-life of `#hits`: long enough to see a pulse every 1.6 s build up, not a pointer passing now and then. */
const HITS_HALF_LIFE_MS = 10000;
/** Hits (`#hits`) that make a place one that keeps changing, not one the pointer crossed (`#pulsing`). */
const PULSING_HITS = 6;
/** Three times `cellThreshold`: a pointer's glyph, not a control's hover shade (`#hoverMove`). */
const STARK_SHARE = 3;
/** The share of `cellThreshold` a cell must differ by between a change's before and after frames to show it lasted. */
const NET_SHARE = 0.5;
/**
 * Six times `cellThreshold`: changed cells whose differences add up to more than this are a
 * change, however few (`#dot`). A radio button's dot (3 × 3 px on Tk: 192 levels on its one
 * cell, or 96 on each of two it straddles) is the whole change a click on it makes; a video's
 * noise or a control's hover shade on a cell or two stays far below.
 */
const DOT_SHARE = 6;
/** The most cells such a dot covers (it straddles two at most). */
const DOT_CELLS = 2;

/** A change's places and the pointer's stark glyphs among them (`#scene`). */
interface PointerScene {
  places: Rect[];
  net: Uint8Array;
  changedAt: Float64Array;
  before: LumaFrame;
  after: LumaFrame;
  /** The cells of `net` whose frames differ starkly. */
  cells: Uint8Array;
  /** Those cells' places. */
  glyphs: Rect[];
}

export interface DetectedChange<H> {
  startT: number;
  endT: number;
  /** Union of every changed cell during the change. */
  box: Rect;
  /** Share of the frame's cells that changed at some point, 0–1. */
  fraction: number;
  before: H;
  after: H;
  /** True when the change was cut at `maxChangeMs` rather than settling. */
  cut: boolean;
  /** True when it was closed because the screen went on changing elsewhere at once (after typing). */
  moved: boolean;
  /**
   * Where the mouse pointer rested before the change (the place it left, left out of `box`):
   * on a shared screen, where the person clicked for the change before this one.
   */
  pointerFrom?: Rect;
  /**
   * For frames that may show a pointer ('when-seen') where none was seen moving by the time the
   * change closed: its box and the pointer's old place, should the pointer be seen later on
   * (none where that place turned out to be a clock's, `withoutClocks`).
   */
  ifPointer?: { box: Rect; pointerFrom?: Rect };
  /**
   * The other places as small as a pointer and apart from the change, in scan order, where
   * several were (`pointerFrom`, or `ifPointer`'s, is the first): a clock that ticked during
   * the change is one, told only later on (`withoutClocks`), and the pointer's old place is
   * then among the rest.
   */
  pointerMaybeFrom?: Rect[];
  /**
   * Rows of the grid the page moved by as one picture (positive: up, the page scrolled down),
   * where most of the change's large updates were such moves, all one way: a scroll.
   */
  scrolledRows?: number;
  /** Every cell that changed during the change (1), row-major on the grid (`width` × `height`). */
  mask: Uint8Array;
  width: number;
  height: number;
}

/**
 * Reference counting for frame handles (bitmaps, in the worker). The detector
 * retains what it keeps and releases what it drops; each handle in a returned
 * change carries one reference that the caller must release.
 */
export interface HandleOwner<H> {
  retain(handle: H): void;
  release(handle: H): void;
}

interface Sample<H> {
  frame: LumaFrame;
  handle: H;
}

interface OpenChange<H> {
  before: Sample<H>;
  /**
   * The sample before `before`, where it opened on a still screen: a change can begin below the
   * cell threshold (a field's focus look drifting in a video), and `before` then already shows
   * part of it. What lasted is judged against this one too (`#close`).
   */
  earlier?: LumaFrame;
  startT: number;
  mask: Uint8Array;
  maskCount: number;
  /** When each cell of the mask last changed (the sample's time). */
  changedAt: Float64Array;
  quiet: number;
  afterCandidate: Sample<H> | null;
  /** Its large updates, and the moves (rows, `verticalShift`) found among them. */
  large: number;
  moves: number[];
}

export class ChangeDetector<H> {
  readonly #options: DetectorOptions;
  readonly #owner: HandleOwner<H>;
  #prev: Sample<H> | null = null;
  /** The frame of the sample before `#prev` (its picture is not kept: only its luma, for `OpenChange.earlier`). */
  #earlier: LumaFrame | null = null;
  #change: OpenChange<H> | null = null;
  #activity = new Float32Array(0);
  /** Like `#activity`, over every update and a far longer half-life: what keeps changing (`#pulsing`). */
  #hits = new Float32Array(0);
  #changed = new Uint8Array(0);
  #clock = new ClockCells(0);
  /** Areas not looked at, as shares of the frame (0–1), and their cells on the current grid. */
  #ignored: Rect[] = [];
  #ignoredCells: { width: number; height: number; cells: Uint8Array } | null = null;
  /** The places the last two samples differed in, when they were few (null: too many to tell). */
  #lastPlaces: Rect[] | null = null;
  /** How often the pointer was seen moving ('when-seen'). */
  #pointerMoves = 0;

  constructor(owner: HandleOwner<H>, options: Partial<DetectorOptions> = {}) {
    this.#owner = owner;
    this.#options = { ...defaultDetectorOptions, ...options };
  }

  /** Feeds a sample; the detector takes over the caller's reference to `handle`. */
  push(frame: LumaFrame, handle: H): DetectedChange<H>[] {
    const prev = this.#prev;
    const earlier = this.#earlier;
    this.#prev = { frame, handle };
    this.#earlier = prev?.frame ?? null;
    if (!prev) return [];
    const out: DetectedChange<H>[] = [];
    const { counted: changedCells, dot } = this.#diff(prev.frame, frame);
    if (this.#options.pointer === 'when-seen' && !this.showsPointer) this.#lookForPointer(frame, changedCells);
    const change = this.#change;
    const moving = dot || changedCells >= this.#options.minChangedCells;

    if (!change) {
      if (moving) {
        this.#open(prev, frame, earlier);
        this.#trackMove(this.#change!, prev.frame, frame, changedCells);
      }
    } else if (moving && this.#jumps(change, frame)) {
      // Typing ended and something else began without a still frame between: the last
      // frame of the typing closes it and opens what follows.
      this.#dropAfterCandidate(change);
      this.#owner.retain(prev.handle);
      const closed = this.#close(change, prev, false, true);
      if (closed) out.push(closed);
      this.#openFrom(prev);
      this.#accumulate(this.#change!, frame.t);
      this.#trackMove(this.#change!, prev.frame, frame, changedCells);
    } else if (moving) {
      this.#accumulate(change, frame.t);
      this.#trackMove(change, prev.frame, frame, changedCells);
      this.#dropAfterCandidate(change);
      if (frame.t - change.startT > this.#options.maxChangeMs) {
        // Cut here; the current frame closes this change and opens the next.
        this.#owner.retain(handle);
        const closed = this.#close(change, { frame, handle }, true);
        if (closed) out.push(closed);
        this.#openFrom({ frame, handle });
      }
    } else {
      this.#settle(change, prev, out);
    }
    this.#owner.release(prev.handle);
    return out;
  }

  /** Time passed with no new sample: capture only sends frames when the screen changes. */
  tick(): DetectedChange<H>[] {
    const out: DetectedChange<H>[] = [];
    if (this.#change && this.#prev) this.#settle(this.#change, this.#prev, out);
    return out;
  }

  /** Closes an open change with the latest sample as its after frame (end of recording). */
  flush(): DetectedChange<H>[] {
    const change = this.#change;
    const prev = this.#prev;
    if (!change || !prev) return [];
    let after = change.afterCandidate;
    change.afterCandidate = null;
    if (!after) {
      this.#owner.retain(prev.handle);
      after = prev;
    }
    const closed = this.#close(change, after, false);
    return closed ? [closed] : [];
  }

  /** Releases every handle the detector still holds. */
  dispose(): void {
    if (this.#change) {
      this.#owner.release(this.#change.before.handle);
      this.#dropAfterCandidate(this.#change);
      this.#change = null;
    }
    if (this.#prev) this.#owner.release(this.#prev.handle);
    this.#prev = null;
    this.#earlier = null;
  }

  /**
   * From now on, changes inside `areas` (shares of the frame, 0–1) are not seen. What the open
   * change already gathered there is dropped too: the area may have changed just before the
   * caller could say so (a window opening), and that is not the workflow either.
   */
  ignore(areas: readonly Rect[]): void {
    this.#ignored = areas.map((a) => ({ ...a }));
    this.#ignoredCells = null;
    const change = this.#change;
    const frame = this.#prev?.frame;
    if (!change || !frame || change.mask.length !== frame.width * frame.height) return;
    const ignored = this.#ignoredOn(frame.width, frame.height);
    for (let i = 0; i < ignored.length; i++) {
      if (ignored[i] === 1 && change.mask[i] === 1) {
        change.mask[i] = 0;
        change.maskCount--;
      }
    }
  }

  /** The ignored areas as cells of a `width` × `height` grid (1 = not looked at). */
  #ignoredOn(width: number, height: number): Uint8Array {
    const known = this.#ignoredCells;
    if (known && known.width === width && known.height === height) return known.cells;
    const cells = new Uint8Array(width * height);
    for (const area of this.#ignored) {
      const x0 = Math.max(0, Math.floor(area.x * width));
      const y0 = Math.max(0, Math.floor(area.y * height));
      const x1 = Math.min(width, Math.ceil((area.x + area.width) * width));
      const y1 = Math.min(height, Math.ceil((area.y + area.height) * height));
      for (let y = y0; y < y1; y++) cells.fill(1, y * width + x0, y * width + Math.max(x0, x1));
    }
    this.#ignoredCells = { width, height, cells };
    return cells;
  }

  get changing(): boolean {
    return this.#change !== null;
  }

  /**
   * The cells of every clock seen so far, with the digits beside them (1), or null where none
   * ticked. A video's clock is told only from its fifth tick on; a caller that has all of a
   * video's changes leaves the earlier ticks out of them afterwards (`withoutClocks`).
   */
  clockArea(): Uint8Array | null {
    return this.#prev ? this.#clock.area(this.#prev.frame.width) : null;
  }

  /** Whether the frames show a mouse pointer (for 'when-seen': whether it was seen moving yet). */
  get showsPointer(): boolean {
    return this.#options.pointer === true || this.#pointerMoves >= POINTER_MOVES_SEEN;
  }

  /**
   * Looks for the pointer moving in the latest difference between samples: where nothing but
   * two or more pointer-sized places changed and one of them is new (it did not change in the
   * sample before: where the pointer went), something small left one place for another. Seen
   * a few times, that is a pointer: a tab's capture shows none, and what changes there by
   * itself stays put (a caret blinking, a counter ticking) or comes with a larger change (a
   * tick and its struck-out label).
   */
  #lookForPointer(frame: LumaFrame, changedCells: number): void {
    const last = this.#lastPlaces;
    this.#lastPlaces = null;
    if (changedCells > frame.width * frame.height * this.#options.smallUpdateFraction) return;
    const places = changedCells === 0 ? [] : clusters(this.#changed, frame.width, frame.height, JOIN_CELLS);
    this.#lastPlaces = places;
    if (!last || !places.every((p) => this.#pointerSized(p))) return;
    const sprites = places.filter((p) => p.width >= MIN_POINTER_CELLS && p.height >= MIN_POINTER_CELLS);
    if (sprites.length >= 2 && sprites.some((p) => !last.some((q) => overlaps(p, q)))) this.#pointerMoves++;
  }

  #pointerSized(r: Rect): boolean {
    const { pointerCells } = this.#options;
    return r.width <= pointerCells.width && r.height <= pointerCells.height;
  }

  /**
   * Marks changed cells between two samples in `#changed` and returns how many
   * count (flickering cells left out), and whether they are a small mark drawn (`#dot`) where
   * they are few. A size change counts as a full change.
   */
  #diff(a: LumaFrame, b: LumaFrame): { counted: number; dot: boolean } {
    const total = b.width * b.height;
    if (this.#changed.length !== total) {
      this.#changed = new Uint8Array(total);
      this.#activity = new Float32Array(total);
      this.#hits = new Float32Array(total);
      this.#clock = new ClockCells(total);
    }
    const changed = this.#changed;
    if (a.width !== b.width || a.height !== b.height) {
      changed.fill(1);
      return { counted: total, dot: true };
    }
    const { cellThreshold, smallUpdateFraction, flickerActivity, activityHalfLifeMs } = this.#options;
    const ignored = this.#ignored.length > 0 ? this.#ignoredOn(b.width, b.height) : null;
    let raw = 0;
    const hits = this.#hits;
    const fade = 0.5 ** (Math.max(0, b.t - a.t) / HITS_HALF_LIFE_MS);
    for (let i = 0; i < total; i++) {
      const hit = ignored?.[i] !== 1 && Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) > cellThreshold ? 1 : 0;
      changed[i] = hit;
      raw += hit;
      hits[i] = (hits[i] ?? 0) * fade + hit;
    }
    // A clock's ticks are left out of every update, large or small: one that ticks while a
    // form fills would otherwise join the two windows into one change.
    raw -= this.#clock.hide(changed, b.width, b.t);
    const activity = this.#activity;
    const decay = 0.5 ** (Math.max(0, b.t - a.t) / activityHalfLifeMs);
    const small = raw <= total * smallUpdateFraction;
    let counted = 0;
    let ink = 0;
    for (let i = 0; i < total; i++) {
      const level = (activity[i] ?? 0) * decay;
      const hit = changed[i] === 1;
      activity[i] = small && hit ? level + 1 : level;
      // A flickering cell only hides small updates: a scroll or a new page still counts.
      if (hit && small && level >= flickerActivity) changed[i] = 0;
      else if (hit) {
        counted++;
        ink += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
      }
    }
    return { counted, dot: this.#dot(ink) };
  }

  /** Whether changed cells whose differences add up to `ink` are a change however few they are (`DOT_SHARE`). */
  #dot(ink: number): boolean {
    return ink > this.#options.cellThreshold * DOT_SHARE;
  }

  #open(before: Sample<H>, frame: LumaFrame, earlier: LumaFrame | null): void {
    this.#owner.retain(before.handle);
    this.#change = {
      before,
      ...(earlier ? { earlier } : {}),
      startT: frame.t,
      mask: new Uint8Array(frame.width * frame.height),
      maskCount: 0,
      changedAt: new Float64Array(frame.width * frame.height),
      quiet: 0,
      afterCandidate: null,
      large: 0,
      moves: [],
    };
    this.#accumulate(this.#change, frame.t);
  }

  /** Opens a change right after a cut: the cut frame is the new before frame. */
  #openFrom(sample: Sample<H>): void {
    this.#owner.retain(sample.handle);
    this.#change = {
      before: sample,
      startT: sample.frame.t,
      mask: new Uint8Array(sample.frame.width * sample.frame.height),
      maskCount: 0,
      changedAt: new Float64Array(sample.frame.width * sample.frame.height),
      quiet: 0,
      afterCandidate: null,
      large: 0,
      moves: [],
    };
  }

  /**
   * Counts an update that changed much of the frame, and whether it was the page moving as one
   * picture (`verticalShift`, over the cells that changed): a scroll, if most of them were.
   */
  #trackMove(change: OpenChange<H>, a: LumaFrame, b: LumaFrame, changedCells: number): void {
    if (changedCells <= b.width * b.height * this.#options.smallPlaceFraction) return;
    change.large++;
    const box = maskBox(this.#changed, b.width, b.height);
    const rows = box ? verticalShift(a, b, box) : null;
    if (rows !== null) change.moves.push(rows);
  }

  #accumulate(change: OpenChange<H>, t: number): void {
    const { mask } = change;
    const changed = this.#changed;
    change.quiet = 0;
    if (mask.length !== changed.length) {
      // The captured surface changed size: the whole frame is new.
      change.mask = new Uint8Array(changed.length).fill(1);
      change.maskCount = changed.length;
      change.changedAt = new Float64Array(changed.length).fill(t);
      return;
    }
    for (let i = 0; i < changed.length; i++) {
      if (changed[i] !== 1) continue;
      change.changedAt[i] = t;
      if (mask[i] === 0) {
        mask[i] = 1;
        change.maskCount++;
      }
    }
  }

  /**
   * Whether the change so far stayed in a small place for `typingMs` and this
   * sample's changed cells lie mostly outside it (two cells of slack around it).
   */
  #jumps(change: OpenChange<H>, frame: LumaFrame): boolean {
    const { typingMs, smallPlaceFraction, minChangedCells } = this.#options;
    const total = frame.width * frame.height;
    if (frame.t - change.startT < typingMs || change.maskCount > total * smallPlaceFraction) return false;
    if (change.mask.length !== total) return false;
    // The place typed in: where the change went on lately (not the focus ring that left another
    // field when it began), and not the pointer's path to what comes next (it would stretch the
    // place over the whole form).
    const since = frame.t - RECENT_MS;
    const recent = change.mask.map((on, i) => (on === 1 && (change.changedAt[i] ?? 0) >= since ? 1 : 0));
    const box =
      this.#placeBox(recent, frame.width, frame.height) ??
      this.#placeBox(change.mask, frame.width, frame.height) ??
      maskBox(change.mask, frame.width, frame.height);
    if (!box) return false;
    const changed = this.#changed;
    let inside = 0;
    let outside = 0;
    for (let i = 0; i < total; i++) {
      if (changed[i] !== 1) continue;
      const x = i % frame.width;
      const y = (i - x) / frame.width;
      const near = x >= box.x - 2 && x < box.x + box.width + 2 && y >= box.y - 2 && y < box.y + box.height + 2;
      if (near) inside++;
      else outside++;
    }
    return outside >= minChangedCells && outside > inside && outside >= change.maskCount / 2;
  }

  #dropAfterCandidate(change: OpenChange<H>): void {
    if (change.afterCandidate) this.#owner.release(change.afterCandidate.handle);
    change.afterCandidate = null;
  }

  /** One still sample: the first one marks the after frame, enough of them close the change. */
  #settle(change: OpenChange<H>, latest: Sample<H>, out: DetectedChange<H>[]): void {
    change.quiet++;
    if (!change.afterCandidate) {
      this.#owner.retain(latest.handle);
      change.afterCandidate = latest;
    }
    if (change.quiet >= this.#options.settleFrames) {
      const after = change.afterCandidate;
      change.afterCandidate = null;
      const closed = this.#close(change, after, false);
      if (closed) out.push(closed);
    }
  }

  /** Ends the open change; `after` carries a reference that passes to the result or is released. */
  #close(change: OpenChange<H>, after: Sample<H>, cut: boolean, moved = false): DetectedChange<H> | null {
    this.#change = null;
    const { before, mask, changedAt } = change;
    const { width, height } = after.frame;
    const sameGrid = before.frame.width === width && before.frame.height === height && mask.length === width * height;
    const net = sameGrid ? this.#netCells(mask, before.frame, after.frame) : null;
    // Hover looks are told from what changed under a change that settled or went on elsewhere at
    // once (`moved`: the pointer glided onto a button and pressed it, and the dialog it opened or
    // closed came next, a change of its own); not under one cut at `maxChangeMs`.
    const trimmed = net && this.#withoutPointer(net, changedAt, before.frame, after.frame, !cut);
    const shows = this.showsPointer;
    const field = net && !cut ? this.#typedAfterFocusMoved(net, changedAt, width, height) : null;
    const clip = (box: Rect) => (field ? (intersection(box, field) ?? box) : box);
    const whole = (shows ? trimmed?.box : undefined) ?? maskBox(mask, width, height);
    const box = whole && clip(whole);
    const lasted = (from: LumaFrame | undefined) => from !== undefined && this.#netChange(from, after.frame, box!);
    if (!box || (!cut && !lasted(before.frame) && !lasted(change.earlier))) {
      this.#owner.release(before.handle);
      this.#owner.release(after.handle);
      return null;
    }
    const scrolledRows = scrollOf(change);
    return {
      startT: change.startT,
      endT: after.frame.t,
      box,
      ...(scrolledRows ? { scrolledRows } : {}),
      fraction: change.maskCount / (width * height),
      before: before.handle,
      after: after.handle,
      cut,
      moved,
      ...(trimmed?.left && shows ? { pointerFrom: trimmed.left } : {}),
      ...(trimmed?.left && !shows ? { ifPointer: { box: clip(trimmed.box), pointerFrom: trimmed.left } } : {}),
      ...(trimmed?.left && trimmed.maybe?.length ? { pointerMaybeFrom: trimmed.maybe } : {}),
      mask,
      width,
      height,
    };
  }

  /**
   * The change's box without where the mouse pointer was (`left`), or null to keep every
   * changed cell (without `left`: only a pulsing place was left out, `#pulsing`). On a shared screen the pointer is in the picture: it leaves one place and rests on
   * the control acted on, and the union of changed cells spans both (and its path). Where
   * the before and after frames differ, places (cells within JOIN_CELLS joined) no larger than
   * a pointer and away from every larger place are where the pointer was: left out. Where
   * every place is that small (a tick and the pointer that went to it, a pointer that only
   * moved), the pointer's old place is the one that changed first: it is left out when it
   * changed before all the others did.
   */
  #withoutPointer(
    net: Uint8Array,
    changedAt: Float64Array,
    before: LumaFrame,
    after: LumaFrame,
    uncut: boolean,
  ): { box: Rect; left?: Rect; maybe?: Rect[] } | null {
    const { width, height } = after;
    if (this.#options.pointer === false) return null;
    const found = clusters(net, width, height, JOIN_CELLS);
    // A small place that pulses all the while (the recorder's red dot, in a video of a screen
    // recorded with this app) joins a change when a large update lets flicker in: it is
    // neither where the pointer was nor part of the change.
    const places = found.filter((r) => !(this.#pointerSized(r) && this.#pulsing(r, width)));
    const pulsed = places.length < found.length ? union(places) : undefined;
    const whole = pulsed ? { box: pulsed } : null;
    const large = places.filter((r) => !this.#pointerSized(r));
    if (large.length > 0 && uncut) {
      const scene = this.#scene(places, net, changedAt, before, after);
      const hover = this.#hoverMove(scene) ?? this.#litLeft(scene);
      if (hover) return hover;
    }
    if (large.length === places.length) return whole;
    if (large.length === 0) {
      if (places.length < 2) return whole;
      const [first, second] = places
        .map((place) => ({ place, at: changeTimes(place, net, changedAt, width).first }))
        .sort((a, b) => a.at - b.at);
      if (!first || !second || first.at >= second.at) return whole;
      const box = union(places.filter((p) => p !== first.place));
      return box ? { box, left: first.place } : whole;
    }
    const kept = places.filter((r) => !this.#pointerSized(r) || large.some((l) => near(r, l, NEAR_CELLS)));
    const [left, ...maybe] = places.filter((r) => !kept.includes(r));
    const box = union(kept);
    return left && box ? { box, left, ...(maybe.length > 0 ? { maybe } : {}) } : whole;
  }

  /**
   * Whether a place has kept changing for a while: the recorder's dot pulsing every 1.6 s, a
   * clock ticking, a caret blinking each add a hit or two a second (17 to 24 hits at the end of
   * a 15 s video, in most of the dot's cells), where a pointer crossing a place, resting on
   * it and leaving makes 2 or 3.
   */
  #pulsing(place: Rect, width: number): boolean {
    let pulsing = 0;
    for (let y = place.y; y < place.y + place.height; y++) {
      for (let x = place.x; x < place.x + place.width; x++) {
        if ((this.#hits[y * width + x] ?? 0) >= PULSING_HITS) pulsing++;
      }
    }
    // Most of it: a pointer that rested by the caret of the text typed under it has a cell
    // or two blinking for ever.
    return pulsing * 2 >= place.width * place.height;
  }

  /**
   * The pointer gliding from one control to another that each light up under it (Tk's
   * buttons, a menu's items): each control is a place larger than a pointer, but its new
   * shade is faint (19 levels on Tk's grey) where the pointer's glyph is stark (50 to 217
   * on the same cells). Where the stark cells make two pointer-sized places and every place
   * holds one or lies beside one that does, nothing but the pointer and its hover look
   * changed: the place that changed first is where it left. A radio's dot drawn beside where
   * it came to rest (a cell or two, stark) is what its click did: the box takes it in with the
   * place the pointer came to rest on. A control that gave way to something else (a label, a
   * panel) changes starkly beyond the glyph, and is no hover.
   */
  #hoverMove(scene: PointerScene): { box: Rect; left: Rect } | null {
    const { places, changedAt, before, after, cells, glyphs } = scene;
    const sprite = (g: Rect) => this.#sprite(g);
    const sprites = glyphs.filter(sprite);
    // A radio's dot drawn as the pointer came to rest on its label and clicked (`DOT_SHARE`):
    // the pointer moved, and the dot is what the click did.
    const dots = glyphs.filter((g) => !sprite(g) && g.width * g.height <= DOT_CELLS);
    if (sprites.length !== 2 || dots.length > 1 || sprites.length + dots.length < glyphs.length) return null;
    const lit = litControls(places, glyphs);
    if (lit.length < places.length) return null;
    const moved = pointerLeft(sprites[0]!, sprites[1]!, cells, changedAt, before, after);
    return moved && { ...moved, box: union([moved.box, ...dots]) ?? moved.box };
  }

  /**
   * The pointer leaving a control that was lit under it for another that did something (Tk's
   * radio row left for a button that moved a label): the control it left went back to its
   * faint shade as the glyph left it, before anything else in the change began. That control
   * is left out of the change with the glyph, which is where the pointer was; what was
   * pressed is the rest. Null where no such control is found.
   */
  #litLeft(scene: PointerScene): { box: Rect; left: Rect } | null {
    const { places, net, changedAt, before, after, cells, glyphs } = scene;
    const { width } = after;
    for (const glyph of glyphs.filter((g) => this.#sprite(g))) {
      const lit = litControls(places, [glyph]);
      const rest = places.filter((p) => !lit.includes(p));
      const stark = glyphs.filter((g) => lit.some((p) => overlaps(p, g)));
      if (rest.length === 0 || stark.length !== 1 || !leftFrom(glyph, cells, before, after)) continue;
      const done = Math.max(...lit.map((p) => changeTimes(p, net, changedAt, width).last));
      const begun = Math.min(...rest.map((p) => changeTimes(p, net, changedAt, width).first));
      // Where it came to rest, away from what changed there (an I-beam right of the text typed), is no part of it.
      const large = rest.filter((p) => !this.#pointerSized(p));
      const box = union(rest.filter((p) => !this.#pointerSized(p) || large.some((l) => near(p, l, NEAR_CELLS))));
      if (done < begun && box) return { box, left: glyph };
    }
    return null;
  }

  /**
   * What `#hoverMove` and `#litLeft` look at: a change's places and its cells whose frames differ
   * starkly (`STARK_SHARE`: a pointer's glyph, not a hover shade), with their places (`glyphs`).
   */
  #scene(places: Rect[], net: Uint8Array, changedAt: Float64Array, before: LumaFrame, after: LumaFrame): PointerScene {
    const stark = this.#options.cellThreshold * STARK_SHARE;
    const cells = net.map((on, i) =>
      on === 1 && Math.abs((before.data[i] ?? 0) - (after.data[i] ?? 0)) > stark ? 1 : 0,
    );
    const glyphs = clusters(cells, after.width, after.height, JOIN_CELLS);
    return { places, net, changedAt, before, after, cells, glyphs };
  }

  /** Whether a glyph of stark cells is the size of a pointer: no larger, and more than a caret's width. */
  #sprite(g: Rect): boolean {
    return this.#pointerSized(g) && g.width >= MIN_POINTER_CELLS && g.height >= MIN_POINTER_CELLS;
  }

  /**
   * The cells of a change (`mask`) where its before and after frames differ, outside the areas
   * not looked at: what the change left, without what only passed (the pointer's path, a flash).
   * The frames and the mask are on one grid.
   */
  #netCells(mask: Uint8Array, before: LumaFrame, after: LumaFrame): Uint8Array {
    const { cellThreshold } = this.#options;
    const ignored = this.#ignored.length > 0 ? this.#ignoredOn(after.width, after.height) : null;
    return mask.map((on, i) =>
      on === 1 && ignored?.[i] !== 1 && Math.abs((before.data[i] ?? 0) - (after.data[i] ?? 0)) > cellThreshold ? 1 : 0,
    );
  }

  /**
   * Typing that began as the focus moved to its window: the window that lost the focus changed
   * once, far from the field (its title bar dimmed, on a desktop; the recorder's own window, in
   * a video of a shared screen), and then only the field went on changing, over several samples
   * (typing, where a panel or a notice appears at once). Returns the field and what lies near it,
   * for the change's box: the one-off place is not what the person acted on, and a box spanning
   * both reads every line between them (the recorder's timer). Null where the change is not that.
   */
  #typedAfterFocusMoved(net: Uint8Array, changedAt: Float64Array, width: number, height: number): Rect | null {
    const { typingMs, smallPlaceFraction } = this.#options;
    const places = clusters(net, width, height, JOIN_CELLS);
    const timed = places
      .filter((r) => !this.#pointerSized(r))
      .map((place) => ({ place, ...changeTimes(place, net, changedAt, width) }))
      .sort((a, b) => b.last - a.last);
    const [typed, ...others] = timed;
    if (!typed || others.length === 0) return null;
    const small = typed.place.width * typed.place.height <= width * height * smallPlaceFraction;
    const typing = typed.last - typed.first >= typingMs;
    // The focus moved as the click landed, a sample before or after the field lit up.
    const oneOff = others.every((o) => o.last <= typed.last - typingMs && !near(o.place, typed.place, NEAR_CELLS));
    if (!small || !typing || !oneOff) return null;
    return union(places.filter((p) => near(p, typed.place, NEAR_CELLS))) ?? null;
  }

  /**
   * The box of the places in `cells`, without those no larger than a pointer where the frames
   * may show one (null when there are none).
   */
  #placeBox(cells: Uint8Array, width: number, height: number): Rect | null {
    if (!this.showsPointer) return maskBox(cells, width, height);
    const large = clusters(cells, width, height, JOIN_CELLS).filter((r) => !this.#pointerSized(r));
    return union(large) ?? null;
  }

  /**
   * Whether the after frame differs from the before frame inside the box (not a transient
   * flash). What lasts may be fainter than what opened the change: one digit of 11 px text
   * retyped ("0.2" to "0.5" in a field that lit up while focused) differs by 19–22 in two or
   * three cells, and a field left focused is 13 lighter; a flash leaves nothing (a few levels
   * of a video's noise at most). A small mark drawn is enough (`#dot`: a radio's dot).
   */
  #netChange(before: LumaFrame, after: LumaFrame, box: Rect): boolean {
    if (before.width !== after.width || before.height !== after.height) return true;
    const { minChangedCells } = this.#options;
    const cellThreshold = this.#options.cellThreshold * NET_SHARE;
    const ignored = this.#ignored.length > 0 ? this.#ignoredOn(after.width, after.height) : null;
    let count = 0;
    let ink = 0;
    for (let y = box.y; y < box.y + box.height; y++) {
      for (let x = box.x; x < box.x + box.width; x++) {
        const i = y * after.width + x;
        const difference = Math.abs((before.data[i] ?? 0) - (after.data[i] ?? 0));
        if (ignored?.[i] !== 1 && difference > cellThreshold) {
          ink += difference;
          if (++count >= minChangedCells || this.#dot(ink)) return true;
        }
      }
    }
    return false;
  }
}

/**
 * A change without a clock's cells (`clockArea`, on the same grid): its box and the box it
 * would have on frames that show a pointer shrink to what else changed, or null where only the
 * clock did (fewer than `minCells` other cells). A video's first ticks, before the clock was
 * told, kept changes open and joined them to what the person did, and a tick apart from the
 * change could pass for the place the pointer left: the pointer's old place is then the next
 * of `pointerMaybeFrom` that is no clock's, or none.
 */
export function withoutClocks<H>(
  change: DetectedChange<H>,
  clockArea: Uint8Array,
  minCells = defaultDetectorOptions.minChangedCells,
): DetectedChange<H> | null {
  const { mask, width, height } = change;
  if (mask.length !== clockArea.length) return change;
  const rest = new Uint8Array(mask.length);
  let restCount = 0;
  let clocked = false;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 1) continue;
    if (clockArea[i] === 1) clocked = true;
    else {
      rest[i] = 1;
      restCount++;
    }
  }
  if (!clocked) return change;
  const left = maskBox(rest, width, height);
  if (!left || restCount < minCells) return null;
  const clip = (box: Rect) => intersection(box, left) ?? left;
  // A place where nothing but the clock changed.
  const ticked = (r: Rect) => !anyIn(rest, width, r);
  const from = (r: Rect | undefined) => (r && ticked(r) ? change.pointerMaybeFrom?.find((m) => !ticked(m)) : r);
  const { pointerFrom, ifPointer, ...kept } = change;
  const movedFrom = from(pointerFrom);
  const ifFrom = from(ifPointer?.pointerFrom);
  return {
    ...kept,
    box: clip(change.box),
    ...(movedFrom ? { pointerFrom: movedFrom } : {}),
    ...(ifPointer ? { ifPointer: { box: clip(ifPointer.box), ...(ifFrom ? { pointerFrom: ifFrom } : {}) } } : {}),
    mask: rest,
  };
}

/** Whether any cell of `cells` (1, row-major, `width` across) lies in `box`. */
function anyIn(cells: Uint8Array, width: number, box: Rect): boolean {
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) if (cells[y * width + x] === 1) return true;
  }
  return false;
}

/** Share of a change's large updates that must be moves of the page, all one way, for it to be a scroll. */
const SCROLL_SHARE = 0.6;

/** The rows a change scrolled the page by, or undefined where it was no scroll (`#trackMove`). */
function scrollOf(change: { large: number; moves: number[] }): number | undefined {
  const { large, moves } = change;
  if (moves.length === 0 || moves.length < large * SCROLL_SHARE) return undefined;
  if (!moves.every((rows) => Math.sign(rows) === Math.sign(moves[0]!))) return undefined;
  return moves.reduce((sum, rows) => sum + rows, 0);
}

function maskBox(mask: Uint8Array, width: number, height: number): Rect | null {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x] !== 1) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/** The boxes of the places set in `cells` (1), cells up to `join` apart counting as one place. */
function clusters(cells: Uint8Array, width: number, height: number, join: number): Rect[] {
  const seen = new Uint8Array(cells.length);
  const boxes: Rect[] = [];
  const stack: number[] = [];
  for (let start = 0; start < cells.length; start++) {
    if (cells[start] !== 1 || seen[start] === 1) continue;
    seen[start] = 1;
    stack.push(start);
    let minX = width;
    let minY = height;
    let maxX = -1;
    let maxY = -1;
    while (stack.length > 0) {
      const i = stack.pop() ?? 0;
      const x = i % width;
      const y = (i - x) / width;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      for (let ny = Math.max(0, y - join); ny <= Math.min(height - 1, y + join); ny++) {
        for (let nx = Math.max(0, x - join); nx <= Math.min(width - 1, x + join); nx++) {
          const j = ny * width + nx;
          if (cells[j] === 1 && seen[j] === 0) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    boxes.push({ x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 });
  }
  return boxes;
}

/** Whether two boxes of cells come within `cells` of each other (0: they overlap). */
function near(a: Rect, b: Rect, cells: number): boolean {
  return (
    a.x < b.x + b.width + cells &&
    b.x < a.x + a.width + cells &&
    a.y < b.y + b.height + cells &&
    b.y < a.y + a.height + cells
  );
}

function overlaps(a: Rect, b: Rect): boolean {
  return near(a, b, 0);
}

/**
 * The places that hold one of `glyphs`, with the bits beside them: a control's shade changes
 * faintly, so its outline can come apart into bits, and bits beside a place that holds a glyph,
 * one after another, are that control's too.
 */
function litControls(places: Rect[], glyphs: Rect[]): Rect[] {
  const lit = places.filter((p) => glyphs.some((g) => overlaps(p, g)));
  for (let grew = true; grew;) {
    const beside = places.filter((p) => !lit.includes(p) && lit.some((l) => near(p, l, NEAR_CELLS)));
    lit.push(...beside);
    grew = beside.length > 0;
  }
  return lit;
}

/**
 * Of two places, the one the pointer left and the one it went to: the one that changed first
 * is where it left; where both changed in the same sample (it went between two), the glyph
 * tells (`leftFrom`). Null where neither does.
 */
function pointerLeft(
  a: Rect,
  b: Rect,
  cells: Uint8Array,
  changedAt: Float64Array,
  before: LumaFrame,
  after: LumaFrame,
): { box: Rect; left: Rect } | null {
  const [atA, atB] = [a, b].map((place) => changeTimes(place, cells, changedAt, after.width).first);
  if (atA! < atB!) return { box: b, left: a };
  if (atB! < atA!) return { box: a, left: b };
  const [fromA, fromB] = [a, b].map((place) => leftFrom(place, cells, before, after));
  if (fromA === fromB) return null;
  return fromA ? { box: b, left: a } : { box: a, left: b };
}

/**
 * Whether a pointer's glyph left `glyph` between the two frames (rather than came to it): the
 * cells around it are the control's shade; where the shade is light a glyph shows dark, and
 * the after frame is the lighter one where it left.
 */
function leftFrom(glyph: Rect, cells: Uint8Array, before: LumaFrame, after: LumaFrame): boolean {
  const { width, height } = after;
  let shade = 0;
  let around = 0;
  let lighter = 0;
  for (let y = Math.max(0, glyph.y - 1); y < Math.min(height, glyph.y + glyph.height + 1); y++) {
    for (let x = Math.max(0, glyph.x - 1); x < Math.min(width, glyph.x + glyph.width + 1); x++) {
      const i = y * width + x;
      if (cells[i] === 1) lighter += (after.data[i] ?? 0) - (before.data[i] ?? 0);
      else {
        shade += after.data[i] ?? 0;
        around++;
      }
    }
  }
  const light = around > 0 && shade / around >= 128;
  return light ? lighter > 0 : lighter < 0;
}

/** The earliest and the latest of the last changes of a place's cells set in `cells`. */
function changeTimes(
  place: Rect,
  cells: Uint8Array,
  changedAt: Float64Array,
  width: number,
): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (let y = place.y; y < place.y + place.height; y++) {
    for (let x = place.x; x < place.x + place.width; x++) {
      const i = y * width + x;
      if (cells[i] !== 1) continue;
      first = Math.min(first, changedAt[i] ?? Infinity);
      last = Math.max(last, changedAt[i] ?? -Infinity);
    }
  }
  return { first, last };
}

/** Two hits closer than this are one tick (a digit redrawn over two samples of a video). */
const SAME_TICK_MS = 250;
/** A clock ticks once a second; a tick may be seen this far off a whole second (samples of a video are 167 ms apart). */
const TICK_MS = 1000;
const TICK_SLACK_MS = 200;
/**
 * Ticks a second (or two) apart in a row that make a clock: the fifth tick is the first left
 * out. Fewer would take a person who presses the same button at a steady pace (a test script's
 * one action a second) for a clock.
 */
const CLOCK_TICKS = 4;
/** How far either side of a ticking cell (and above and below) a clock's other digits are, in cells. */
const CLOCK_REACH = { x: 8, y: 2 };

/**
 * Cells that tick like a clock (a timer, the recorder's "Recording 0:09"): each changed a
 * whole second (or two: a digit's cell can stay as it was) after it last did, for
 * `CLOCK_TICKS` ticks in a row. Carets blink at other rhythms (browsers 500 ms, Tk 600 and
 * 300, GTK 600), so a caret never counts, and typing beside it is never left out. The
 * digits beside a ticking one (tens of seconds, minutes) go with it.
 */
class ClockCells {
  readonly #tickAt: Float64Array;
  readonly #hitAt: Float64Array;
  readonly #ticks: Uint8Array;
  /** Cells that ever ticked as a clock. */
  readonly #ever: Uint8Array;

  constructor(cells: number) {
    this.#tickAt = new Float64Array(cells).fill(-Infinity);
    this.#hitAt = new Float64Array(cells).fill(-Infinity);
    this.#ticks = new Uint8Array(cells);
    this.#ever = new Uint8Array(cells);
  }

  /** The cells of every clock seen, each with its reach (the digits beside it), or null where none was. */
  area(width: number): Uint8Array | null {
    const ever = this.#ever;
    if (!ever.includes(1)) return null;
    const height = ever.length / width;
    const area = new Uint8Array(ever.length);
    for (let i = 0; i < ever.length; i++) {
      if (ever[i] === 1) forReach(i, width, height, (cell) => (area[cell] = 1));
    }
    return area;
  }

  /** Notes the hits of a sample at `t` and clears those of clocks in `changed`; returns how many were cleared. */
  hide(changed: Uint8Array, width: number, t: number): number {
    const clocks: number[] = [];
    for (let i = 0; i < changed.length; i++) {
      if (changed[i] !== 1) continue;
      const same = t - this.#hitAt[i]! <= SAME_TICK_MS;
      this.#hitAt[i] = t;
      if (same) {
        if (this.#ticks[i]! >= CLOCK_TICKS) clocks.push(i);
        continue;
      }
      const gap = t - this.#tickAt[i]!;
      const seconds = Math.round(gap / TICK_MS);
      const regular = seconds >= 1 && seconds <= 2 && Math.abs(gap - seconds * TICK_MS) <= TICK_SLACK_MS;
      const ticks = this.#ticks[i]!;
      if (ticks >= CLOCK_TICKS) clocks.push(i);
      if (regular) {
        this.#ticks[i] = Math.min(255, ticks + 1);
        this.#tickAt[i] = t;
        if (ticks + 1 === CLOCK_TICKS) {
          clocks.push(i);
          this.#ever[i] = 1;
        }
      } else {
        // A video's frames stall now and then (its recorder was busy: no frame for 1.5 s, then
        // a tick half a second late): a clock keeps its rhythm from its last tick and is hidden
        // still, once; a second hit off it in a row restarts, as anything else does (a caret
        // blinking every 500 or 600 ms never ticks twice).
        this.#ticks[i] = ticks >= CLOCK_TICKS ? CLOCK_TICKS - 1 : 0;
        if (ticks < CLOCK_TICKS) this.#tickAt[i] = t;
      }
    }
    if (clocks.length === 0) return 0;
    const height = changed.length / width;
    let cleared = 0;
    for (const i of clocks) {
      forReach(i, width, height, (cell) => {
        if (changed[cell] !== 1) return;
        changed[cell] = 0;
        cleared++;
      });
    }
    return cleared;
  }
}

/** Calls `visit` with each cell within a clock's reach of cell `i` (the digits beside it) on a `width` × `height` grid. */
function forReach(i: number, width: number, height: number, visit: (cell: number) => void): void {
  const [cx, cy] = [i % width, Math.floor(i / width)];
  for (let y = Math.max(0, cy - CLOCK_REACH.y); y <= Math.min(height - 1, cy + CLOCK_REACH.y); y++)
    for (let x = Math.max(0, cx - CLOCK_REACH.x); x <= Math.min(width - 1, cx + CLOCK_REACH.x); x++)
      visit(y * width + x);
}
