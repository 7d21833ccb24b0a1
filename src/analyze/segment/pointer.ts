/**
 * On a shared screen the mouse pointer is in the picture, and moving it is a screen change
 * too: it leaves one place and shows at another. The change detector leaves the old place
 * out of the change's box (`pointerFrom`); where what is left is no more than the pointer
 * itself, the same size at its new place, nothing but the pointer changed. That is nobody's
 * step (the click, or the typing, that follows makes its own change), though where the
 * pointer went still says where the person was about to act (`restingPointer`).
 */
import type { Rect } from '../../shared/geometry';

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
