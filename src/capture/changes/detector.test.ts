import { describe, expect, it } from 'vitest';
import { ChangeDetector, withoutClocks, type DetectedChange, type DetectorOptions, type LumaFrame } from './detector';

const W = 64;
const H = 36;
const FRAME_MS = 1000 / 6;

/** A fake screen: a luma grid that tests paint rectangles on. */
class Screen {
  data = new Uint8Array(W * H).fill(240);
  fill(x: number, y: number, w: number, h: number, value: number): this {
    for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) this.data[yy * W + xx] = value;
    return this;
  }
  /** Moves every row up by `rows`, as a scroll does; new rows at the bottom are blank. */
  scroll(rows: number): this {
    this.data.copyWithin(0, rows * W);
    this.data.fill(240, (H - rows) * W);
    return this;
  }
}

/** Counts references per handle so the tests catch leaks and double releases. */
class Handles {
  refs = new Map<number, number>();
  next = 0;
  make(): number {
    this.refs.set(this.next, 1);
    return this.next++;
  }
  retain = (h: number) => this.refs.set(h, (this.refs.get(h) ?? 0) + 1);
  release = (h: number) => {
    const n = (this.refs.get(h) ?? 0) - 1;
    if (n < 0) throw new Error(`handle ${h} released too often`);
    this.refs.set(h, n);
  };
  live(): number {
    return [...this.refs.values()].filter((n) => n > 0).length;
  }
}

function setup(options: Partial<DetectorOptions> = {}) {
  const handles = new Handles();
  const detector = new ChangeDetector<number>(handles, options);
  const screen = new Screen();
  const changes: DetectedChange<number>[] = [];
  let t = 0;
  let noiseSeed = 1;
  const noisy = (data: Uint8Array) =>
    data.map((v) => {
      noiseSeed = (noiseSeed * 1103515245 + 12345) % 2 ** 31;
      return Math.max(0, Math.min(255, v + ((noiseSeed >> 16) % 7) - 3)); // ±3 of sensor-like noise
    });
  const frames = new Map<number, Uint8Array>();
  const sample = (count = 1) => {
    for (let i = 0; i < count; i++) {
      const frame: LumaFrame = { data: noisy(screen.data), width: W, height: H, t };
      const handle = handles.make();
      frames.set(handle, frame.data);
      changes.push(...detector.push(frame, handle));
      t += FRAME_MS;
    }
  };
  return { handles, detector, screen, changes, sample, frames, time: () => t };
}

describe('ChangeDetector', () => {
  it('reports nothing while the screen does not change', () => {
    const { sample, changes } = setup();
    sample(60);
    expect(changes).toEqual([]);
  });

  it('reports a small change with its box and before/after frames', () => {
    const { sample, changes, screen, frames } = setup();
    sample(5);
    screen.fill(10, 20, 4, 3, 30); // a checkbox gets ticked
    sample(5);
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change!.box).toEqual({ x: 10, y: 20, width: 4, height: 3 });
    expect(change!.fraction).toBeCloseTo(12 / (W * H), 5);
    expect(frames.get(change!.before)![20 * W + 10]).toBeGreaterThan(200);
    expect(frames.get(change!.after)![20 * W + 10]).toBeLessThan(50);
    expect(change!.startT).toBeCloseTo(5 * FRAME_MS);
    expect(change!.endT).toBeCloseTo(5 * FRAME_MS);
    expect(change!.cut).toBe(false);
  });

  it("sees a radio button's dot drawn whole in one cell, and not one cell's faint shade", () => {
    // Tk's radio: a 3 × 3 px dot, 192 levels darker on the one cell of the grid it lies in, 96
    // on each of two it straddles. A control's hover shade moves a cell or two by about 19
    // levels: alone, that is no change.
    const { sample, changes, screen } = setup({ pointer: false });
    sample(4);
    screen.fill(30, 12, 1, 1, 48); // the dot
    sample(4);
    screen.fill(50, 12, 2, 1, 144); // another, across two cells
    sample(4);
    screen.fill(40, 20, 2, 1, 215); // two cells, faintly
    sample(4);
    expect(changes.map((c) => c.box)).toEqual([
      { x: 30, y: 12, width: 1, height: 1 },
      { x: 50, y: 12, width: 2, height: 1 },
    ]);
  });

  it('parts typing from what Enter did right after it, with the typed text in the first after frame', () => {
    const { sample, changes, screen, frames, handles, detector } = setup();
    sample(4);
    for (let i = 0; i < 5; i++) {
      screen.fill(10 + i * 3, 5, 2, 2, 20); // a character typed into a field, one per sample
      sample();
    }
    screen.fill(10, 5, 15, 2, 240); // Enter: the field empties and a row appears below, at once
    screen.fill(4, 20, 40, 3, 20);
    sample(5);
    expect(changes.map((c) => c.moved)).toEqual([true, false]);
    const [typing, result] = changes;
    expect(typing!.box).toEqual({ x: 10, y: 5, width: 14, height: 2 });
    expect(frames.get(typing!.after)![5 * W + 23]).toBeLessThan(50); // the last character is in it
    expect(result!.box.y).toBeLessThanOrEqual(5);
    expect(result!.box.y + result!.box.height).toBe(23);
    expect(result!.before).toBe(typing!.after);
    for (const c of changes) [c.before, c.after].forEach(handles.release);
    detector.dispose();
    expect(handles.live()).toBe(0);
  });

  it('keeps a change that began below the threshold and ended near where it began', () => {
    // dat.GUI in a video: a number field focused (its ground drifts 12 levels, under the cell
    // threshold), its value selected and typed over ("0.2" to "0.5": a glyph's cells), then
    // Enter. Against the drifted frame only one cell lasted; against the still one before it,
    // the focus look and the digit did.
    const { sample, changes, screen } = setup();
    sample(4);
    screen.fill(20, 10, 10, 3, 228); // focused: faint
    sample();
    screen.fill(20, 10, 10, 3, 120); // selected
    sample();
    screen.fill(20, 10, 10, 3, 228).fill(24, 11, 1, 1, 30); // typed over, the selection gone
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.box).toEqual({ x: 20, y: 10, width: 10, height: 3 });
  });

  it('keeps a click whose result appears at once elsewhere as one change', () => {
    const { sample, changes, screen } = setup();
    sample(4);
    screen.fill(10, 5, 6, 2, 20); // a button pressed
    sample();
    screen.fill(4, 20, 40, 10, 20); // its panel opens
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.moved).toBe(false);
  });

  it('parts typing from a click elsewhere, though the typing began by taking the focus from another field', () => {
    const { sample, changes, screen } = setup({ pointerCells: { width: 2, height: 3 } });
    screen.fill(10, 4, 10, 1, 20); // the first field's focus ring
    sample(4);
    screen.fill(10, 4, 10, 1, 240); // a click in the second field takes it
    screen.fill(10, 28, 10, 1, 20);
    sample();
    for (let i = 0; i < 8; i++) {
      screen.fill(11 + i, 24, 1, 3, 20); // typed into the second field, for over a second
      sample();
    }
    screen.fill(12, 8, 8, 14, 20); // a button fills the fields between the two, at once
    sample(5);
    // Taken as one place, the two fields would hold what the button filled in, and typing
    // and its result would be one change.
    expect(changes.map((c) => c.moved)).toEqual([true, false]);
    expect(changes[1]!.box).toEqual({ x: 12, y: 8, width: 8, height: 14 });
  });

  it('leaves out the window that lost the focus when typing began in another (a title bar dimmed)', () => {
    const { sample, changes, screen } = setup();
    screen.fill(0, 0, 30, 2, 40); // the recorder's window has the focus: its title bar is dark
    sample(4);
    screen.fill(20, 25, 2, 2, 20); // the pointer moves in
    sample();
    screen.fill(40, 20, 10, 1, 20); // a click in a program's field: the field is ringed
    sample();
    screen.fill(0, 0, 30, 2, 200); // and the recorder's title bar dims a sample later
    sample();
    for (let i = 0; i < 4; i++) {
      screen.fill(41 + i * 2, 17, 1, 3, 20); // typed into the field, for over a second
      sample(2);
    }
    sample(4);
    expect(changes).toHaveLength(1);
    // With the title bar, the box would span every line between the two windows.
    expect(changes[0]!.box).toEqual({ x: 40, y: 17, width: 10, height: 4 });
  });

  it('keeps both places where what followed the first appeared at once (a notice after a click)', () => {
    const { sample, changes, screen } = setup();
    sample(4);
    screen.fill(0, 0, 30, 2, 40); // a button pressed stays lit
    sample();
    screen.fill(30, 0, 2, 2, 40); // a wait mark beside it
    sample(2);
    screen.fill(40, 17, 16, 4, 20); // a notice appears half a second later, all of it at once
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.box).toEqual({ x: 0, y: 0, width: 56, height: 21 });
  });

  it("leaves the pointer's old place out of a change on a shared screen", () => {
    const { sample, changes, screen } = setup({ pointerCells: { width: 2, height: 3 } });
    screen.fill(50, 28, 2, 3, 20); // the pointer, resting
    sample(4);
    screen.fill(50, 28, 2, 3, 240); // it moves to a field and the person types there
    screen.fill(30, 7, 2, 3, 20);
    screen.fill(10, 5, 16, 2, 20);
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.box).toEqual({ x: 10, y: 5, width: 22, height: 5 });
    expect(changes[0]!.pointerFrom).toEqual({ x: 50, y: 28, width: 2, height: 3 }); // where it was clicked before
  });

  it('tells the place the pointer left from the one it went to by which changed first', () => {
    const { sample, changes, screen } = setup({ pointerCells: { width: 2, height: 3 } });
    screen.fill(50, 28, 2, 3, 20);
    sample(4);
    screen.fill(50, 28, 2, 3, 240); // the pointer leaves, on its way (out of sight here) …
    sample();
    screen.fill(10, 5, 2, 2, 20); // … to a box, which it ticks
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.box).toEqual({ x: 10, y: 5, width: 2, height: 2 });
    expect(changes[0]!.pointerFrom).toEqual({ x: 50, y: 28, width: 2, height: 3 });
  });

  it('takes the pointer gliding between two controls that light up under it for the pointer alone', () => {
    const { sample, changes, screen } = setup({ pointerCells: { width: 3, height: 3 } });
    const button = (x: number, lit: boolean) => screen.fill(x, 10, 10, 4, lit ? 214 : 240); // a faint hover shade
    button(10, true);
    button(24, false);
    screen.fill(14, 11, 2, 2, 20); // the pointer's glyph, stark on the lit button
    sample(4);
    button(10, false); // it leaves the first …
    sample();
    button(24, true); // … for the second
    screen.fill(28, 11, 2, 2, 20);
    sample(5);
    expect(changes).toHaveLength(1);
    // Both buttons changed more than a pointer's worth; the pointer alone is what moved.
    expect(changes[0]!.pointerFrom).toEqual({ x: 14, y: 11, width: 2, height: 2 });
    expect(changes[0]!.box).toEqual({ x: 28, y: 11, width: 2, height: 2 });
  });

  it("keeps a radio's dot drawn as the pointer glided onto its label and clicked, with where it came to rest", () => {
    const { sample, changes, screen } = setup({ pointerCells: { width: 3, height: 3 } });
    const row = (y: number, lit: boolean) => screen.fill(8, y, 20, 4, lit ? 214 : 240); // a radio's row, lit under the pointer
    row(10, true);
    screen.fill(18, 11, 2, 2, 20); // the pointer rests on the first row's label
    sample(4);
    row(10, false); // it glides down to the next row …
    row(20, true);
    screen.fill(18, 21, 2, 2, 20);
    sample();
    screen.fill(10, 21, 1, 1, 40); // … and clicks: the row's dot, 4 cells left of it
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.pointerFrom).toEqual({ x: 18, y: 11, width: 2, height: 2 });
    expect(changes[0]!.box).toEqual({ x: 10, y: 21, width: 10, height: 2 });
  });

  it("takes a lit control whose faint shade came apart into bits for one control (Tk's check buttons)", () => {
    for (const far of [false, true]) {
      const { sample, changes, screen } = setup({ pointerCells: { width: 3, height: 3 } });
      // Lit, the row's shade differs from the ground only here and there: bits 3 cells apart.
      const row = (y: number, lit: boolean) => {
        const shade = lit ? 214 : 240;
        screen.fill(4, y, 2, 1, shade).fill(9, y, 2, 1, shade).fill(14, y, 6, 4, shade);
      };
      row(10, true);
      screen.fill(16, 11, 2, 2, 20); // the pointer rests on the first row
      sample(4);
      row(10, false); // it glides down to the next row, which lights up
      row(20, true);
      screen.fill(16, 21, 2, 2, 20);
      if (far) screen.fill(44, 28, 12, 4, 214); // and something faint changed far from both
      sample(5);
      expect(changes).toHaveLength(1);
      if (far) {
        // No hover alone: what changed far off stays in the change.
        const { box } = changes[0]!;
        expect(box.x + box.width).toBe(56);
      } else {
        expect(changes[0]!.pointerFrom).toEqual({ x: 16, y: 11, width: 2, height: 2 });
        expect(changes[0]!.box).toEqual({ x: 16, y: 21, width: 2, height: 2 });
      }
    }
  });

  it('tells where the pointer left by its glyph when it went between two samples, on light controls and dark', () => {
    for (const [idle, lit, glyph] of [
      [240, 214, 20], // a dark pointer on Tk's grey buttons
      [26, 50, 250], // a light one on dark rows
    ] as const) {
      const { sample, changes, screen } = setup({ pointerCells: { width: 3, height: 3 } });
      screen.fill(0, 0, W, H, idle);
      const button = (x: number, on: boolean) => screen.fill(x, 10, 10, 4, on ? lit : idle);
      button(24, true); // lit under the pointer, which rests on it
      screen.fill(28, 11, 2, 2, glyph);
      sample(4);
      button(24, false); // it glides left to the other within one sample
      button(10, true);
      screen.fill(14, 11, 2, 2, glyph);
      sample(5);
      expect(changes).toHaveLength(1);
      expect(changes[0]!.pointerFrom).toEqual({ x: 28, y: 11, width: 2, height: 2 });
      expect(changes[0]!.box).toEqual({ x: 14, y: 11, width: 2, height: 2 });
    }
  });

  it('tells where the pointer left and came to rest when the button it pressed did something at once', () => {
    const { sample, changes, screen } = setup({ pointerCells: { width: 3, height: 3 } });
    const button = (x: number, shade: number) => screen.fill(x, 10, 6, 3, shade);
    button(10, 214);
    button(20, 240);
    screen.fill(12, 10, 2, 2, 20);
    sample(4);
    button(10, 240);
    sample();
    button(20, 214); // pressed: its relief as faint as a hover shade …
    screen.fill(22, 10, 2, 2, 20);
    sample(2);
    screen.fill(40, 20, 20, 10, 60); // … and the dialog it closed gave way at once
    sample(5);
    // The glide and the press are the pointer coming to rest on the button: its glyph there is
    // the change's box, the place it left is `pointerFrom` (the control clicked for the change
    // before). What the press did is the next change, which the pointer's place names.
    expect(changes[0]!.moved).toBe(true);
    expect(changes[0]!.pointerFrom).toEqual({ x: 12, y: 10, width: 2, height: 2 });
    expect(changes[0]!.box).toEqual({ x: 22, y: 10, width: 2, height: 2 });
    expect(changes[1]!.box).toEqual({ x: 40, y: 20, width: 20, height: 10 });
  });

  it('keeps a control that gave way to something else though the pointer went to it', () => {
    const { sample, changes, screen } = setup({ pointerCells: { width: 3, height: 3 } });
    const button = (x: number, lit: boolean) => screen.fill(x, 10, 10, 4, lit ? 214 : 240);
    button(10, true);
    button(24, false);
    screen.fill(14, 11, 2, 2, 20);
    sample(4);
    button(10, false);
    sample();
    button(24, true);
    screen.fill(25, 11, 8, 1, 20); // its label changed too: not only a hover shade
    screen.fill(28, 12, 2, 1, 20);
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.pointerFrom).toBeUndefined();
    expect(changes[0]!.box).toEqual({ x: 10, y: 10, width: 24, height: 4 });
  });

  it('leaves out the lit control the pointer left before it pressed another that did something', () => {
    // Tk's radio row went back to its grey as the pointer left it for a button, whose press
    // moved a label: the row and the glyph that left it are not what was pressed.
    const { sample, changes, screen } = setup({ pointerCells: { width: 3, height: 3 } });
    const control = (x: number, lit: boolean) => screen.fill(x, 10, 10, 4, lit ? 214 : 240);
    control(4, true);
    screen.fill(8, 11, 2, 2, 20); // the pointer rests on the lit row
    sample(4);
    control(4, false); // it leaves …
    sample();
    control(40, true); // … for a button far off, pressed …
    screen.fill(44, 11, 2, 2, 20);
    sample();
    screen.fill(42, 20, 8, 2, 20); // … which moves a label below it
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.pointerFrom).toEqual({ x: 8, y: 11, width: 2, height: 2 });
    expect(changes[0]!.box).toEqual({ x: 40, y: 10, width: 10, height: 12 });
  });

  it('leaves out where the pointer came to rest away from the text it typed, having left a lit control', () => {
    // Tk's combo box: the pointer left a lit link for the field and rests right of it (an
    // I-beam) while the text is typed at the field's start.
    const { sample, changes, screen } = setup({ pointerCells: { width: 3, height: 3 } });
    screen.fill(4, 24, 10, 3, 214); // the link, lit under the pointer
    screen.fill(8, 25, 2, 2, 20);
    sample(4);
    screen.fill(4, 24, 10, 3, 240); // it leaves …
    sample();
    screen.fill(50, 10, 1, 3, 20); // … to rest far right in the field
    sample();
    screen.fill(20, 10, 8, 3, 30); // a word typed at once (a video's samples a third of a second apart)
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.pointerFrom).toEqual({ x: 8, y: 25, width: 2, height: 2 });
    expect(changes[0]!.box).toEqual({ x: 20, y: 10, width: 8, height: 3 });
  });

  it('does not take a dot pulsing all the while for where the pointer was, when a large change lets it in', () => {
    const { sample, changes, screen } = setup({ pointerCells: { width: 3, height: 3 } });
    let lit = false;
    const pulse = (count: number) => {
      for (let i = 0; i < count; i++) {
        lit = !lit;
        screen.fill(2, 2, 2, 2, lit ? 100 : 200); // the recorder's red dot, fading in and out
        sample();
      }
    };
    screen.fill(50, 28, 2, 3, 20); // the pointer, resting
    pulse(15);
    changes.length = 0; // its first pulses, before it was seen flickering
    pulse(4);
    expect(changes).toHaveLength(0);
    screen.fill(50, 28, 2, 3, 240); // it goes to a button, which fills a panel at once
    screen.fill(30, 16, 2, 2, 20);
    screen.fill(10, 5, 30, 10, 60);
    pulse(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.pointerFrom).toEqual({ x: 50, y: 28, width: 2, height: 3 });
    expect(changes[0]!.box).toEqual({ x: 10, y: 5, width: 30, height: 13 });
  });

  it('still finds where the pointer was when it rested by a caret blinking in the text typed under it', () => {
    const { sample, changes, screen } = setup({ pointerCells: { width: 3, height: 3 } });
    screen.fill(50, 28, 2, 3, 20); // the text pointer, resting over a field
    for (let i = 0; i < 30; i++) {
      screen.fill(52, 29, 1, 1, i % 2 === 1 ? 20 : 240); // the caret of what was typed, beside it
      sample();
    }
    changes.length = 0;
    screen.fill(50, 28, 2, 3, 240); // it goes to a button, which fills a panel at once
    screen.fill(52, 29, 1, 1, 240);
    screen.fill(30, 16, 2, 2, 20);
    screen.fill(10, 5, 30, 10, 60);
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.pointerFrom).toEqual({ x: 50, y: 28, width: 3, height: 3 });
  });

  it('keeps small places apart from a change where the frames show no pointer (a tab recorded)', () => {
    const { sample, changes, screen } = setup({ pointerCells: { width: 2, height: 3 }, pointer: false });
    screen.fill(50, 28, 2, 3, 20); // a counter's digit, say
    sample(4);
    screen.fill(50, 28, 2, 3, 240);
    screen.fill(10, 5, 16, 2, 20);
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.box).toEqual({ x: 10, y: 5, width: 42, height: 26 });
  });

  it('reads a video as showing a pointer once the pointer is seen moving, the changes before that too', () => {
    const { sample, changes, screen, detector } = setup({
      pointerCells: { width: 2, height: 3 },
      pointer: 'when-seen',
    });
    const pointerAt = (x: number, y: number) => screen.fill(x, y, 2, 3, 20);
    const pointerOff = (x: number, y: number) => screen.fill(x, y, 2, 3, 240);
    pointerAt(50, 28);
    sample(4);
    pointerOff(50, 28); // it leaves for a button, which fills a panel
    pointerAt(30, 7);
    screen.fill(10, 5, 16, 2, 20);
    sample(5);
    expect(detector.showsPointer).toBe(false);
    // Not yet known to be a pointer: the change keeps the place, and says how it reads if it is.
    expect(changes[0]!.box).toEqual({ x: 10, y: 5, width: 42, height: 26 });
    expect(changes[0]!.pointerFrom).toBeUndefined();
    expect(changes[0]!.ifPointer).toEqual({
      box: { x: 10, y: 5, width: 22, height: 5 },
      pointerFrom: { x: 50, y: 28, width: 2, height: 3 },
    });
    for (const [x, y] of [
      [40, 15],
      [45, 25],
      [55, 30],
    ] as const) {
      // The pointer wanders over the screen, nothing else changing.
      screen.fill(0, 0, W, H, 240);
      screen.fill(10, 5, 16, 2, 20);
      pointerAt(x, y);
      sample(1);
    }
    expect(detector.showsPointer).toBe(true);
    sample(4);
    // From now on the pointer's old place is left out as it is for a shared screen.
    screen.fill(55, 30, 2, 3, 240);
    pointerAt(20, 20);
    screen.fill(10, 18, 8, 2, 20);
    sample(5);
    const last = changes.at(-1)!;
    expect(last.box).toEqual({ x: 10, y: 18, width: 12, height: 5 });
    expect(last.pointerFrom).toEqual({ x: 55, y: 30, width: 2, height: 3 });
    expect(last.ifPointer).toBeUndefined();
  });

  it('does not take what moves by itself in a tab recorded for a pointer (a caret, a sort arrow)', () => {
    const { sample, changes, screen, detector } = setup({
      pointerCells: { width: 2, height: 3 },
      pointer: 'when-seen',
    });
    sample(4);
    // Tab from field to field: the caret (one cell across) leaves one and shows in the next.
    for (const [from, to] of [
      [2, 10],
      [10, 18],
      [18, 26],
      [26, 2],
    ] as const) {
      screen.fill(10, from, 1, 3, 240);
      screen.fill(10, to, 1, 3, 20);
      sample(4);
    }
    // Columns sorted in turn: the arrow leaves one heading for the next, and a row moves.
    for (const [column, shade] of [
      [20, 60],
      [30, 90],
      [40, 60],
      [50, 90],
    ] as const) {
      screen.fill(0, 2, W, 2, 240);
      screen.fill(column, 2, 2, 2, 20);
      screen.fill(30, 20, 6, 2, shade);
      sample(5);
    }
    expect(detector.showsPointer).toBe(false);
    // The arrow stays part of the change: the heading clicked is named by it.
    expect(changes.at(-1)!.box).toEqual({ x: 30, y: 2, width: 22, height: 20 });
  });

  it('keeps every place of a change when each is pointer-sized (a tick, and the pointer that left)', () => {
    const { sample, changes, screen } = setup({ pointerCells: { width: 2, height: 3 } });
    screen.fill(50, 28, 2, 3, 20);
    sample(4);
    screen.fill(50, 28, 2, 3, 240);
    screen.fill(10, 5, 2, 2, 20); // a box ticked, the pointer on it
    sample(5);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.box).toEqual({ x: 10, y: 5, width: 42, height: 26 });
  });

  it("does not look where it is told not to (the recorder's own window), and sees the rest", () => {
    const { sample, changes, screen, detector } = setup();
    sample(2);
    screen.fill(2, 2, 6, 3, 20); // the floating window opens before the sampler hears of it
    sample();
    detector.ignore([{ x: 0, y: 0, width: 0.25, height: 0.25 }]);
    sample(4);
    for (let second = 0; second < 4; second++) {
      screen.fill(2, 2, 6, 3, second % 2 ? 20 : 120); // its timer ticks
      if (second === 2) screen.fill(30, 20, 10, 2, 20); // the workflow goes on beside it
      sample(6);
    }
    expect(changes).toHaveLength(1);
    expect(changes[0]!.box).toEqual({ x: 30, y: 20, width: 10, height: 2 });
  });

  it('leaves out a clock it was not told of once it has ticked a few times, and sees what happens beside it', () => {
    const { sample, changes, screen } = setup({ pointer: false });
    sample(3);
    for (let second = 0; second < 10; second++) {
      // The seconds digit redrawn every second (6 samples), the tens digit beside it every 10.
      screen.fill(6, 4, 2, 3, 20 + (second % 5) * 40);
      if (second === 9) screen.fill(3, 4, 2, 3, 60);
      if (second === 8) screen.fill(30, 20, 10, 2, 20); // the workflow, at the same moment as a tick
      sample(6);
    }
    const ticks = changes.filter((c) => c.box.x < 10);
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    expect(ticks.length).toBeLessThanOrEqual(5); // the first ticks are seen, then none
    expect(ticks.every((c) => c.startT < 6 * 1000)).toBe(true);
    const work = changes.filter((c) => c.box.x >= 30);
    expect(work).toHaveLength(1);
    expect(work[0]!.box).toEqual({ x: 30, y: 20, width: 10, height: 2 });
  });

  it("leaves a video's clock out of the changes from before it was told, once the whole video is seen", () => {
    const { sample, changes, screen, detector } = setup({ pointer: false });
    sample(3);
    for (let second = 0; second < 8; second++) {
      screen.fill(6, 4, 2, 3, 20 + (second % 5) * 40);
      if (second === 1) screen.fill(30, 20, 10, 2, 20); // the workflow, with a tick the clock is not told by yet
      sample(6);
    }
    const early = changes.filter((c) => c.startT < 2000);
    expect(early.some((c) => c.box.x < 10 && c.box.x + c.box.width > 30)).toBe(true); // the two joined
    const clocks = detector.clockArea();
    expect(clocks).not.toBeNull();
    const kept = changes.map((c) => withoutClocks(c, clocks!)).filter((c) => c !== null);
    // Only the workflow's change is left, its box its own; the ticks alone are gone.
    expect(kept.map((c) => c.box)).toEqual([{ x: 30, y: 20, width: 10, height: 2 }]);
  });

  it("takes the pointer's old place, not a tick of a clock told only later, once the whole video is seen", () => {
    const { sample, changes, screen, detector } = setup({ pointer: true, pointerCells: { width: 2, height: 3 } });
    screen.fill(50, 28, 2, 3, 20); // the pointer, resting on a link
    sample(3);
    for (let second = 0; second < 8; second++) {
      screen.fill(6, 4, 2, 3, 20 + (second % 5) * 40); // the recorder's timer, top left
      if (second === 1) {
        // The link clicked at a tick: the pointer leaves it for the window the link opened.
        screen.fill(50, 28, 2, 3, 240);
        screen.fill(20, 15, 16, 2, 20);
        screen.fill(36, 17, 2, 3, 20);
      }
      sample(6);
    }
    const opened = changes.find((c) => c.box.x <= 20 && c.box.x + c.box.width >= 36)!;
    // Seen alone, the tick comes first in the scan, and passes for where the pointer was.
    expect(opened.pointerFrom).toEqual({ x: 6, y: 4, width: 2, height: 3 });
    const kept = withoutClocks(opened, detector.clockArea()!)!;
    expect(kept.pointerFrom).toEqual({ x: 50, y: 28, width: 2, height: 3 });
  });

  it('has no clock area where nothing ticked, and leaves changes away from a clock as they are', () => {
    const { sample, changes, screen, detector } = setup({ pointer: false });
    sample(3);
    screen.fill(30, 20, 10, 2, 20);
    sample(6);
    expect(detector.clockArea()).toBeNull();
    const area = new Uint8Array(W * H);
    area.fill(1, 0, W); // a clock along the top row
    expect(withoutClocks(changes[0]!, area)).toBe(changes[0]);
  });

  it("keeps a clock hidden through a video's stalled tick, half a second late, and the next on time", () => {
    const { sample, changes, screen } = setup({ pointer: false });
    sample(3);
    const tick = (second: number) => screen.fill(6, 4, 2, 3, 20 + (second % 5) * 40);
    for (let second = 0; second < 7; second++) {
      tick(second);
      sample(6);
    }
    changes.length = 0;
    sample(3); // the video's frames stall: the tick comes 500 ms late …
    tick(7);
    sample(3);
    tick(8); // … and the next on time
    sample(6);
    tick(9);
    sample(6);
    expect(changes.filter((c) => c.box.x < 10)).toHaveLength(0);
  });

  it("does not take Tk's blinking caret (600 ms on, 300 off) for a clock: typing beside it is seen", () => {
    const { sample, changes, screen } = setup({ pointer: false });
    sample(3);
    for (let blink = 0; blink < 12; blink++) {
      screen.fill(30, 10, 1, 3, 0);
      sample(4); // on, 667 ms
      screen.fill(30, 10, 1, 3, 240);
      sample(2); // off, 333 ms
    }
    const before = changes.length;
    screen.fill(22, 10, 1, 3, 0); // a letter typed just left of it, as the caret comes on
    screen.fill(30, 10, 1, 3, 0);
    sample(4);
    expect(changes.length).toBe(before + 1);
    expect(changes.at(-1)!.box.x).toBe(22);
  });

  it('treats a scroll as one change that ends when the page stops moving', () => {
    const { sample, changes, screen } = setup();
    for (let y = 0; y < H; y += 4) screen.fill(4, y, 40, 2, 20); // lines of text
    sample(4);
    for (let i = 0; i < 6; i++) {
      screen.scroll(2);
      sample();
    }
    sample(4);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.fraction).toBeGreaterThan(0.3);
    expect(changes[0]!.endT - changes[0]!.startT).toBeCloseTo(5 * FRAME_MS);
  });

  it('says how far a scroll moved the page, and says no scroll of a panel that opened and pushed rows down', () => {
    const { sample, changes, screen } = setup();
    // Lines of text of different lengths, unevenly spaced: a page, not a pattern.
    const tall = new Uint8Array(W * 200).fill(240);
    for (let y = 1, i = 0; y < 198; y += 3 + (i % 3), i++) tall.fill(20, y * W + 4, y * W + 14 + ((i * 7) % 40));
    const show = (top: number) => screen.data.set(tall.subarray(top * W, (top + H) * W));
    show(0);
    sample(4);
    for (const top of [5, 11, 16, 22]) {
      show(top);
      sample();
    }
    sample(4);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.scrolledRows).toBe(22);
    // A panel opens at row 18: the rows below it go down 9 rows, the rows above stay.
    screen.data.copyWithin(27 * W, 18 * W, (H - 9) * W);
    for (let y = 18; y < 27; y++) screen.data.fill(y % 2 ? 90 : 230, y * W + 4, y * W + 40);
    sample(4);
    expect(changes).toHaveLength(2);
    expect(changes[1]!.scrolledRows).toBeUndefined();
  });

  it('reports a full-screen change (a new page) as covering the frame', () => {
    const { sample, changes, screen } = setup();
    sample(3);
    screen.fill(0, 0, W, H, 20);
    sample(3);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.box).toEqual({ x: 0, y: 0, width: W, height: H });
    expect(changes[0]!.fraction).toBe(1);
  });

  it('settles on ticks when the capture stops sending frames', () => {
    const { sample, changes, screen, detector } = setup();
    sample(3);
    screen.fill(0, 0, 8, 8, 0);
    sample(1);
    expect(changes).toHaveLength(0);
    expect(detector.tick()).toHaveLength(0);
    expect(detector.tick()).toHaveLength(1);
  });

  it('ignores a blinking caret after its first blinks', () => {
    const { sample, changes, screen } = setup();
    sample(3);
    for (let blink = 0; blink < 20; blink++) {
      screen.fill(30, 10, 1, 3, blink % 2 === 0 ? 0 : 240);
      sample(3); // 500 ms per phase, as browsers blink
    }
    expect(changes.length).toBeLessThanOrEqual(3);
    // Typing next to the caret is still seen while it blinks.
    const before = changes.length;
    screen.fill(31, 10, 3, 3, 0);
    sample(3);
    expect(changes.length).toBe(before + 1);
    expect(changes.at(-1)!.box.x).toBeGreaterThanOrEqual(30);
  });

  it('drops a transient flash that leaves the screen as it was', () => {
    const { sample, changes, screen } = setup();
    sample(3);
    screen.fill(20, 20, 6, 4, 0);
    sample(1);
    screen.fill(20, 20, 6, 4, 240);
    sample(4);
    expect(changes).toEqual([]);
  });

  it('keeps a change whose lasting part is faint: a digit retyped in a field that stays lit while focused', () => {
    const { sample, changes, screen } = setup();
    screen.fill(20, 20, 10, 3, 48); // a dark field showing "0.2"
    sample(3);
    screen.fill(20, 20, 10, 3, 140); // its text selected: bright at once
    sample(1);
    screen.fill(20, 20, 10, 3, 61); // typed over: the field lit 13 levels, and a digit 13 apart
    sample(4);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.box).toEqual({ x: 20, y: 20, width: 10, height: 3 });
    // A flash that leaves only noise is still nothing.
    screen.fill(20, 20, 10, 3, 160);
    sample(1);
    screen.fill(20, 20, 10, 3, 63);
    sample(4);
    expect(changes).toHaveLength(1);
  });

  it('cuts a change that never settles', () => {
    const { sample, changes, screen } = setup();
    sample(2);
    for (let i = 0; i < 6 * 12; i++) {
      screen.fill(0, 0, 32, 18, i % 2 === 0 ? 0 : 240); // a large video-like area, 12 s
      sample();
    }
    expect(changes.length).toBeGreaterThanOrEqual(2);
    expect(changes.every((c) => c.cut)).toBe(true);
    expect(changes[0]!.endT - changes[0]!.startT).toBeLessThanOrEqual(5000 + FRAME_MS);
  });

  it('closes an open change on flush and leaks no handle', () => {
    const { sample, changes, screen, detector, handles } = setup();
    sample(2);
    screen.fill(0, 0, 10, 10, 0);
    sample(1);
    const flushed = detector.flush();
    expect(flushed).toHaveLength(1);
    for (const c of [...changes, ...flushed]) {
      handles.release(c.before);
      handles.release(c.after);
    }
    detector.dispose();
    expect(handles.live()).toBe(0);
  });

  it('holds a bounded number of frames however long it runs', () => {
    const { sample, screen, detector, handles, changes } = setup();
    let maxLive = 0;
    for (let i = 0; i < 400; i++) {
      if (i % 7 === 0) screen.fill((i * 3) % 60, (i * 5) % 32, 4, 4, i % 255);
      sample();
      for (const c of changes.splice(0)) {
        handles.release(c.before);
        handles.release(c.after);
      }
      maxLive = Math.max(maxLive, handles.live());
    }
    expect(maxLive).toBeLessThanOrEqual(3);
    detector.dispose();
    expect(handles.live()).toBe(0);
  });
});
