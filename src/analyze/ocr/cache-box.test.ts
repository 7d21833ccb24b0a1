import { describe, expect, it, vi } from 'vitest';
import type { Rect } from '../../shared/geometry';
import type { LumaArea } from '../frame-luma';
import type { OcrWord } from './lines';
import type { OcrPool } from './pool';
import { ocrArea, readBoxAt, readRegion } from './cache';

vi.mock('../../storage/cache', () => ({ readCache: async () => undefined, writeCache: async () => undefined }));
vi.mock('../../storage/recordings', () => ({
  getFrame: async () => ({ blob: new Blob(), width: 1280, height: 720 }),
}));
// A dark page with a select's white box at x 1122–1191, y 201–218 (a dat.GUI controller).
vi.mock('../frame-luma', () => ({
  frameLuma: async (_blob: Blob, area: Rect): Promise<LumaArea> => {
    const data = new Uint8Array(area.width * area.height).fill(26);
    for (let y = 0; y < area.height; y++) {
      for (let x = 0; x < area.width; x++) {
        const [fx, fy] = [area.x + x, area.y + y];
        if (fx >= 1122 && fx < 1192 && fy >= 201 && fy < 219)
          data[y * area.width + x] = fx % 7 === 0 && fy >= 205 && fy < 215 && fx < 1160 ? 30 : 255;
      }
    }
    return { ...area, data };
  },
}));

const word = (text: string, box: Rect, line: number): OcrWord => ({ text, confidence: 90, box, line });

describe('readRegion, with a box', () => {
  it('reads the text in the box around a row-high change alone, in place of what was read over the box', async () => {
    const region = { x: 1116, y: 192, width: 84, height: 32 };
    const areas: Rect[] = [];
    const recognize = async (_image: Blob, area?: Rect): Promise<OcrWord[]> => {
      areas.push(area!);
      // Wide, the select's ring spoils its value ("Fon 3"); the label beside it reads well.
      if (area && area.width === ocrArea(region).width)
        return [
          word('speed', { x: 1028, y: 203, width: 40, height: 12 }, 1),
          word('Fon', { x: 1124, y: 203, width: 30, height: 14 }, 1),
          word('3', { x: 1158, y: 203, width: 8, height: 14 }, 1),
        ];
      return [word('Slow', { x: 1127, y: 204, width: 30, height: 12 }, 1)];
    };
    const ocr = { recognize } as unknown as OcrPool;
    const reading = await readRegion(ocr, region, 'before', undefined, false);
    expect(reading.before.map((l) => l.text)).toEqual(['speed', 'Slow']);
    expect(areas.at(-1)).toEqual({ x: 1122, y: 201, width: 70, height: 18 });
  });

  it('keeps what was read over the box where alone it reads only some of those words', async () => {
    const region = { x: 1116, y: 192, width: 84, height: 32 };
    // Wide, the placeholder reads whole; alone, its first word in italics goes unread.
    const placeholder = [
      word('What', { x: 1124, y: 204, width: 20, height: 12 }, 1),
      word('needs', { x: 1148, y: 204, width: 20, height: 12 }, 1),
      word('done?', { x: 1170, y: 204, width: 20, height: 12 }, 1),
    ];
    const recognize = async (_image: Blob, area?: Rect): Promise<OcrWord[]> =>
      area && area.width === ocrArea(region).width ? placeholder : placeholder.slice(1);
    const reading = await readRegion({ recognize } as unknown as OcrPool, region, 'before', undefined, false);
    expect(reading.before.map((l) => l.text)).toEqual(['What needs done?']);
  });

  it('reads the box around a point alone, and nothing where no box is there', async () => {
    const areas: Rect[] = [];
    const recognize = async (_image: Blob, area?: Rect): Promise<OcrWord[]> => {
      areas.push(area!);
      return [
        word('Slow', { x: 1127, y: 204, width: 30, height: 12 }, 1),
        word('v', { x: 1180, y: 204, width: 6, height: 8 }, 2),
      ];
    };
    const ocr = { recognize } as unknown as OcrPool;
    const inside = { x: 1122, y: 201, width: 70, height: 18 };
    expect(await readBoxAt(ocr, 'before', { x: 1150, y: 210 })).toMatchObject({
      area: inside,
      lines: [{ text: 'Slow' }],
    });
    expect(areas).toEqual([inside]);
    // On the dark page beside it: no box, nothing read.
    expect(await readBoxAt(ocr, 'before', { x: 1000, y: 210 })).toBeNull();
    expect(areas).toHaveLength(1);
  });
});
