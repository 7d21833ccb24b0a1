/**
 * Live capture (workers/sampler/worker.ts) and video import
 * (src/import/video/import-video.ts) both turn the detector's changes into
 * stored events with `toPixelChange` and `visualEvent`, holding frames in
 * `FrameHandles`. Before, the sampler padded boxes by a cell and the import did
 * not; this drives that shared path over one sequence of frames and pins the
 * boxes, so the same frames give the same boxes on either path.
 */
import { describe, expect, it } from 'vitest';
import { ChangeDetector, type LumaFrame } from './detector';
import { FrameHandles, type FrameHandle } from './handles';
import { toPixelChange, visualEvent, withPointer, type PixelChange } from './visual-change';

const GRID = { width: 64, height: 36 };
const FRAME = { width: 1280, height: 720 };

/** A screen the test paints on, sampled at 6 per second. */
function frames(): LumaFrame[] {
  const data = new Uint8Array(GRID.width * GRID.height).fill(240);
  const out: LumaFrame[] = [];
  let t = 0;
  const sample = (n: number) => {
    for (let i = 0; i < n; i++) out.push({ data: data.slice(), ...GRID, t: (t += 1000 / 6) });
  };
  sample(4);
  for (let y = 10; y < 14; y++) for (let x = 20; x < 30; x++) data[y * GRID.width + x] = 30; // a button pressed
  sample(6);
  for (let y = 25; y < 27; y++) for (let x = 5; x < 9; x++) data[y * GRID.width + x] = 60; // text typed
  sample(6);
  return out;
}

interface Decoded {
  image: { width: number; height: number };
  closed: boolean;
}

/** Runs the detector as a capture path does and returns each change as stored. */
function run() {
  const handles = new FrameHandles<Decoded>((frame) => (frame.closed = true));
  const detector = new ChangeDetector<FrameHandle<Decoded>>(handles);
  const stored = [];
  for (const luma of frames()) {
    for (const change of detector.push(luma, handles.add({ image: FRAME, closed: false }))) {
      stored.push(visualEvent(toPixelChange(change, change.after.frame.image)));
      handles.release(change.before);
      handles.release(change.after);
    }
  }
  for (const change of detector.flush()) {
    stored.push(visualEvent(toPixelChange(change, change.after.frame.image)));
    handles.release(change.before);
    handles.release(change.after);
  }
  detector.dispose();
  return { stored, open: handles.open };
}

describe('visual changes', () => {
  it('stores each change with its box in frame pixels, padded by one cell, and holds no frame after', () => {
    const live = run();
    expect(live.stored.length).toBe(2);
    expect(live.open).toBe(0);
    // 20 px per cell, padded by one cell: cells 20–29 × 10–13 → 380–620 × 180–300.
    expect(live.stored[0]!.box).toEqual({ x: 380, y: 180, width: 240, height: 120 });
    expect(live.stored[1]!.box).toEqual({ x: 80, y: 480, width: 120, height: 80 });
  });

  it('closes a frame when its last reference goes, and refuses to revive a closed one', () => {
    const handles = new FrameHandles<Decoded>((frame) => (frame.closed = true));
    const frame = { image: FRAME, closed: false };
    const handle = handles.add(frame);
    handles.retain(handle);
    handles.release(handle);
    expect(frame.closed).toBe(false);
    handles.release(handle);
    expect(frame.closed).toBe(true);
    expect(handles.open).toBe(0);
    expect(() => handles.retain(handle)).toThrow();
  });

  it('reads a change the pointer may have been part of by whether the video turned out to show one', () => {
    const change: PixelChange = {
      startT: 0,
      endT: 500,
      box: { x: 0, y: 0, width: 400, height: 300 },
      fraction: 0.1,
      frameWidth: 1280,
      frameHeight: 720,
      cut: false,
      moved: false,
      ifPointer: {
        box: { x: 0, y: 0, width: 100, height: 40 },
        pointerFrom: { x: 380, y: 280, width: 20, height: 20 },
      },
    };
    const shown = withPointer(change, true);
    expect(shown.box).toEqual({ x: 0, y: 0, width: 100, height: 40 });
    expect(shown.pointerFrom).toEqual({ x: 380, y: 280, width: 20, height: 20 });
    expect('ifPointer' in shown).toBe(false);
    const none = withPointer(change, false);
    expect(none.box).toEqual({ x: 0, y: 0, width: 400, height: 300 });
    expect(none.pointerFrom).toBeUndefined();
    expect('ifPointer' in none).toBe(false);
  });
});
