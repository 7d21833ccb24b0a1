import { describe, expect, it } from 'vitest';
import { verticalShift, type LumaGrid } from './scroll-shift';

const W = 80;
const H = 60;

/** A page of "text": dark runs of varied lengths on rows that are not evenly spaced. */
function page(rows: number, seed = 7): Uint8Array {
  const data = new Uint8Array(W * rows).fill(240);
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let y = 2; y < rows - 2; y += 3 + Math.floor(next() * 4)) {
    const start = 20 + Math.floor(next() * 10);
    const length = 10 + Math.floor(next() * 40);
    for (let x = start; x < Math.min(W, start + length); x++) if (next() > 0.3) data[y * W + x] = 40;
  }
  return data;
}

/** The frame showing a tall page from row `top`, a sidebar (columns 0–15) that stays put. */
function view(tall: Uint8Array, top: number): LumaGrid {
  const data = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    data.set(tall.subarray((top + y) * W, (top + y + 1) * W), y * W);
    data.fill(200, y * W, y * W + 16);
  }
  for (let y = 5; y < H; y += 9) data.fill(60, y * W + 2, y * W + 12); // the sidebar's links
  return { data, width: W, height: H };
}

const content = { x: 16, y: 0, width: W - 16, height: H };

describe('verticalShift', () => {
  const tall = page(400);

  it('finds how far the page moved, up as it scrolls down and down as it scrolls up', () => {
    expect(verticalShift(view(tall, 0), view(tall, 17), content)).toBe(17);
    expect(verticalShift(view(tall, 100), view(tall, 60), content)).toBe(-40);
  });

  it('is no scroll when a panel opened in the middle and pushed what was below it down', () => {
    const a = view(tall, 0);
    const b = view(tall, 0);
    // Rows 30 and down moved 12 rows down; a new panel fills 30–41.
    b.data.copyWithin(42 * W, 30 * W, (H - 12) * W);
    for (let y = 30; y < 42; y++) b.data.fill(y % 3 === 0 ? 60 : 230, y * W + 16, (y + 1) * W);
    expect(verticalShift(a, b, { x: 16, y: 30, width: W - 16, height: H - 30 })).toBeNull();
  });

  it('is no scroll when the screen turned into another one, or a blank one', () => {
    expect(verticalShift(view(tall, 0), view(page(400, 99), 0), content)).toBeNull();
    const blank = { data: new Uint8Array(W * H).fill(240), width: W, height: H };
    expect(verticalShift(blank, { ...blank, data: blank.data.slice() }, content)).toBeNull();
  });

  it('is no scroll when the page jumped further than a frame (nothing of it is seen twice)', () => {
    expect(verticalShift(view(tall, 0), view(tall, 200), content)).toBeNull();
  });
});
