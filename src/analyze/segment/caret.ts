/**
 * A text caret blinking in a focused field is a screen change too: one grid
 * cell wide (a few pixels once padded), about a line tall, every half second
 * at the same place. It is nobody's action, and at a person's pace it fills
 * the pauses that tell one action from the next, so it never makes a step.
 */
import type { Rect } from '../../shared/geometry';

/** `gridWidth`: the change detector's grid (the sampler's `gridWidth`). */
export function isCaretBlink(box: Rect, frameWidth: number, gridWidth: number): boolean {
  const cell = frameWidth / gridWidth;
  // One changed cell, padded by a cell each side (gridToPixels), plus rounding.
  return box.width <= 3 * cell + 1 && box.height >= 2 * box.width && box.height <= 16 * cell;
}
