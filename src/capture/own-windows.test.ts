import { describe, expect, it } from 'vitest';
import { ownWindowAreas } from './own-windows';

const screen = { width: 1280, height: 800 };

describe('ownWindowAreas', () => {
  it("places the recorder's windows on the frame of the screen recorded, as shares of it, with a margin", () => {
    const areas = ownWindowAreas([{ x: 0, y: 0, width: 640, height: 640 }], screen, { width: 2560, height: 1600 });
    expect(areas).toHaveLength(1);
    expect(areas[0]!.x).toBe(0);
    expect(areas[0]!.width).toBeCloseTo(646 / 1280, 5);
    expect(areas[0]!.height).toBeCloseTo(646 / 800, 5);
    const floating = ownWindowAreas([{ x: 900, y: 600, width: 380, height: 150 }], screen, {
      width: 1280,
      height: 800,
    });
    expect(floating[0]!.x).toBeCloseTo(894 / 1280, 5);
    expect(floating[0]!.x + floating[0]!.width).toBeCloseTo(1, 5); // cut at the screen's edge
  });

  it('places nothing where the frame is not this screen: another shape, or one of several screens', () => {
    const win = [{ x: 0, y: 0, width: 640, height: 640 }];
    expect(ownWindowAreas(win, screen, { width: 1920, height: 1080 })).toEqual([]);
    expect(ownWindowAreas(win, { ...screen, extended: true }, { width: 1280, height: 800 })).toEqual([]);
    expect(ownWindowAreas(win, screen, { width: 0, height: 0 })).toEqual([]);
  });

  it('drops a window that is off the screen', () => {
    expect(ownWindowAreas([{ x: 2000, y: 0, width: 300, height: 200 }], screen, screen)).toEqual([]);
  });
});
