import { describe, expect, it } from 'vitest';
import { placeBox, pointInFrame } from './frame-image';

describe('frame-image', () => {
  const element = { getBoundingClientRect: () => ({ left: 100, top: 50, width: 640, height: 360 }) } as Element;
  const frame = { width: 1280, height: 720 };
  const at = (clientX: number, clientY: number) => ({ clientX, clientY }) as PointerEvent;

  it('maps a pointer on the shown image to frame pixels, kept inside the frame', () => {
    expect(pointInFrame(at(420, 230), element, frame)).toEqual({ x: 640, y: 360 });
    expect(pointInFrame(at(0, 0), element, frame)).toEqual({ x: 0, y: 0 });
    expect(pointInFrame(at(2000, 2000), element, frame)).toEqual({ x: 1280, y: 720 });
  });

  it('places a box in frame pixels as percentages of the frame', () => {
    expect(placeBox({ x: 640, y: 180, width: 128, height: 72 }, frame)).toBe('left:50%;top:25%;width:10%;height:10%');
  });
});
