import { describe, expect, it } from 'vitest';
import { isPointerMove } from './pointer';

// A 1280 px wide screen on the detector's 320-cell grid: 4 px cells.
const at = (box: { x: number; y: number; width: number; height: number }, pointerFrom?: typeof box) =>
  isPointerMove({ box, ...(pointerFrom ? { pointerFrom } : {}) }, 1280, 320);

describe('isPointerMove', () => {
  it('is a change that is only the pointer, the same size where it went as where it was', () => {
    // A text pointer (I-beam) moved from one field to the one below.
    expect(at({ x: 984, y: 176, width: 16, height: 32 }, { x: 984, y: 68, width: 16, height: 32 })).toBe(true);
    // Drawn a cell shorter over a lighter ground.
    expect(at({ x: 984, y: 124, width: 16, height: 28 }, { x: 984, y: 68, width: 16, height: 32 })).toBe(true);
  });

  it('is not a change that is more than the pointer, nor one where no pointer was seen leaving', () => {
    // A button pressed under the pointer that came to it (an X pointer: a cell more each way).
    expect(at({ x: 644, y: 408, width: 36, height: 32 }, { x: 1132, y: 264, width: 28, height: 24 })).toBe(false);
    // A field filled in, the pointer having left another place.
    expect(at({ x: 824, y: 64, width: 332, height: 36 }, { x: 644, y: 388, width: 12, height: 12 })).toBe(false);
    // A checkbox ticked in a tab capture (no pointer in the picture).
    expect(at({ x: 528, y: 236, width: 16, height: 16 })).toBe(false);
  });
});
