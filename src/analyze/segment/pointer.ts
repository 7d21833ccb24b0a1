/**
 * On a shared screen the mouse pointer is in the picture, and moving it is a screen change
 * too: it leaves one place and shows at another. The change detector leaves the old place
 * out of the change's box (`pointerFrom`); where what is left is no more than the pointer
 * itself, the same size at its new place, nothing but the pointer changed. That is nobody's
 * step (the click, or the typing, that follows makes its own change), though where the
 * pointer went still says where the person was about to act (`restingPointer`).
 */
import type { EventRecord } from '../../capture/events';
import { contains, expand, type Rect } from '../../shared/geometry';

/**
 * How many grid cells the pointer's glyph may differ by in size between two places (it falls
 * on the grid otherwise there): a button pressed under it adds more (an X pointer 28 × 24 px
 * on Tk's Cancel made a change of 36 × 32 px).
 */
const SIZE_CELLS = 1;

/** `gridWidth`: the change detector's grid (the sampler's `gridWidth`). */
export function isPointerMove(
  change: { box?: Rect; pointerFrom?: Rect },
  frameWidth: number,
  gridWidth: number,
): boolean {
  const { box, pointerFrom } = change;
  if (!box || !pointerFrom) return false;
  const slack = SIZE_CELLS * (frameWidth / gridWidth);
  return Math.abs(box.width - pointerFrom.width) <= slack && Math.abs(box.height - pointerFrom.height) <= slack;
}

/** A change that began this soon after one closed as `moved` went on from it (sampling's step). */
const CONTINUED_MS = 50;

/** Whether `next` began at once after `cut` closed as `moved`: the same change going on elsewhere. */
export function wentOnAtOnce(cut: Pick<EventRecord, 'moved' | 't' | 'endT'> | undefined, next: EventRecord): boolean {
  return cut?.moved === true && next.t <= (cut.endT ?? cut.t) + CONTINUED_MS;
}

/**
 * A change of nothing but the pointer gliding a short way, where the change detector saw no
 * place it left (its old and new places overlapped): it went on at once into a change that
 * saw the pointer leave from inside it, and across the glide it is no wider than the pointer.
 * (An I-beam moved 24 px down a desktop form, a change of 16 × 52 px, and the button it came
 * to lit up: the glide is nobody's step, and named the button press after the form's field.)
 */
export function isPointerGlide(
  change: Pick<EventRecord, 'box' | 'moved' | 't' | 'endT'>,
  next: EventRecord | undefined,
  frameWidth: number,
  gridWidth: number,
): boolean {
  const pointer = next?.pointerFrom;
  if (!change.box || !pointer || !next || !wentOnAtOnce(change, next)) return false;
  const slack = SIZE_CELLS * (frameWidth / gridWidth);
  const room = expand(change.box, slack);
  const inside =
    contains(room, pointer) && contains(room, { x: pointer.x + pointer.width, y: pointer.y + pointer.height });
  if (!inside) return false;
  const { width, height } = change.box;
  const across = (size: number, pointerSize: number) => Math.abs(size - pointerSize) <= slack;
  const along = (size: number, pointerSize: number) => size > pointerSize + slack;
  return (
    (across(width, pointer.width) && along(height, pointer.height)) ||
    (across(height, pointer.height) && along(width, pointer.width))
  );
}
