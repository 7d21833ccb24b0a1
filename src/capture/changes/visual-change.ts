/**
 * A detected change in the pixels of the frames it was found on: the one
 * conversion from the detector's grid that the live sampler and video import
 * both use, so the same frames give the same boxes on either path.
 */
import { gridToPixels, type Rect, type Size } from '../../shared/geometry';
import type { EventRecord } from '../events';
import type { DetectedChange } from './detector';

export interface PixelChange {
  /** When the change began and settled, on the clock the frames were stamped with. */
  startT: number;
  endT: number;
  /** In the frame's pixels. */
  box: Rect;
  /** Share of the frame that changed, 0–1. */
  fraction: number;
  frameWidth: number;
  frameHeight: number;
  /** Cut at the maximum change length rather than settled. */
  cut: boolean;
  /** Closed because the screen went on changing elsewhere at once (typing, then what Enter did). */
  moved: boolean;
  /** Where the mouse pointer rested before it (in the frame's pixels): see `DetectedChange`. */
  pointerFrom?: Rect;
  /** Its box and `pointerFrom` should the frames turn out to show a pointer: see `DetectedChange`. */
  ifPointer?: { box: Rect; pointerFrom?: Rect };
  /** Pixels the page scrolled by, seen as the picture moving (positive: down): see `DetectedChange`. */
  scrollY?: number;
}

export function toPixelChange(change: DetectedChange<unknown>, frame: Size): PixelChange {
  return {
    startT: change.startT,
    endT: change.endT,
    box: gridToPixels(change.box, change, frame),
    fraction: change.fraction,
    frameWidth: frame.width,
    frameHeight: frame.height,
    cut: change.cut,
    moved: change.moved,
    ...(change.scrolledRows ? { scrollY: Math.round((change.scrolledRows * frame.height) / change.height) } : {}),
    ...(change.pointerFrom ? { pointerFrom: gridToPixels(change.pointerFrom, change, frame) } : {}),
    ...(change.ifPointer
      ? {
          ifPointer: {
            box: gridToPixels(change.ifPointer.box, change, frame),
            ...(change.ifPointer.pointerFrom
              ? { pointerFrom: gridToPixels(change.ifPointer.pointerFrom, change, frame) }
              : {}),
          },
        }
      : {}),
  };
}

/** The change as it reads on frames that show a pointer (`showsPointer`), or as it is. */
export function withPointer<C extends PixelChange>(change: C, showsPointer: boolean): Omit<C, 'ifPointer'> {
  const { ifPointer, ...rest } = change;
  return showsPointer && ifPointer ? { ...rest, ...ifPointer } : rest;
}

/** A change as a stored visual event, its times already on the video's clock. */
export function visualEvent(
  change: PixelChange,
): Pick<EventRecord, 't' | 'endT' | 'type' | 'source' | 'box' | 'fraction' | 'moved' | 'pointerFrom' | 'scrollDelta'> {
  return {
    t: change.startT,
    endT: change.endT,
    type: 'visual',
    source: 'visual',
    box: change.box,
    fraction: change.fraction,
    ...(change.moved ? { moved: true } : {}),
    ...(change.pointerFrom ? { pointerFrom: change.pointerFrom } : {}),
    ...(change.scrollY ? { scrollDelta: { x: 0, y: change.scrollY } } : {}),
  };
}
