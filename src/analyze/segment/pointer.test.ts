import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../capture/events';
import type { Rect } from '../../shared/geometry';
import { isPointerGlide, isPointerMove } from './pointer';

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

describe('isPointerGlide', () => {
  // Tk's rolodex, shared whole at 1280 px on a 320-cell grid (4 px cells): the I-beam moved 24 px
  // down from the Home Phone field to the Search button, which lit up under it at once.
  const glide = { t: 8098, endT: 8347, moved: true as const, box: { x: 984, y: 176, width: 16, height: 52 } };
  const lit = (pointerFrom?: Rect, t = 8347) =>
    ({
      t,
      endT: 8762,
      type: 'visual',
      source: 'visual',
      box: { x: 920, y: 260, width: 144, height: 32 },
      ...(pointerFrom ? { pointerFrom } : {}),
    }) as EventRecord;
  const from = { x: 984, y: 200, width: 16, height: 28 };

  it('is a pointer-wide change that went on at once into one that saw the pointer leave from inside it', () => {
    expect(isPointerGlide(glide, lit(from), 1280, 320)).toBe(true);
    // Across the other way: a glide sideways, as tall as the pointer.
    const sideways = { ...glide, box: { x: 960, y: 200, width: 44, height: 28 } };
    expect(isPointerGlide(sideways, lit(from), 1280, 320)).toBe(true);
  });

  it('is no glide where the next change came later, saw no pointer leave, or saw it leave elsewhere', () => {
    expect(isPointerGlide(glide, lit(from, 9000), 1280, 320)).toBe(false);
    expect(isPointerGlide({ ...glide, moved: undefined }, lit(from), 1280, 320)).toBe(false);
    expect(isPointerGlide(glide, lit(), 1280, 320)).toBe(false);
    expect(isPointerGlide(glide, lit({ ...from, y: 300 }), 1280, 320)).toBe(false);
    expect(isPointerGlide(glide, undefined, 1280, 320)).toBe(false);
  });

  it('is no glide where the change is wider than the pointer both ways, or only its size (a box ticked under it)', () => {
    const wide = { ...glide, box: { x: 960, y: 176, width: 60, height: 52 } };
    expect(isPointerGlide(wide, lit(from), 1280, 320)).toBe(false);
    const itsSize = { ...glide, box: { x: 984, y: 200, width: 16, height: 28 } };
    expect(isPointerGlide(itsSize, lit(from), 1280, 320)).toBe(false);
  });
});
