import { describe, expect, it, vi } from 'vitest';
import type { Rect } from '../../shared/geometry';
import type { OcrWord } from './lines';
import type { OcrPool } from './pool';
import { ocrArea, readRegion } from './cache';

vi.mock('../../storage/cache', () => ({ readCache: async () => undefined, writeCache: async () => undefined }));
vi.mock('../../storage/recordings', () => ({ getFrame: async () => ({ blob: new Blob() }) }));

const word = (text: string, box: Rect, line: number): OcrWord => ({ text, confidence: 90, box, line });

/** A pool whose wide reads of a field miss its placeholder (as OCR's layout analysis can), and whose tight reads find it. */
function pool(region: Rect): { pool: OcrPool; areas: Rect[] } {
  const areas: Rect[] = [];
  const wide = ocrArea(region);
  const recognize = async (_image: Blob, area?: Rect): Promise<OcrWord[]> => {
    areas.push(area!);
    if (area && area.width === wide.width) return [word('todos', { x: 300, y: 20, width: 80, height: 30 }, 1)];
    return [
      word('What', { x: 110, y: 108, width: 40, height: 14 }, 2),
      word('needs', { x: 156, y: 108, width: 46, height: 14 }, 2),
      // Cut short at the tight area's edge, outside the change.
      word('Cle', { x: 80, y: 150, width: 20, height: 12 }, 3),
    ];
  };
  return { pool: { recognize } as unknown as OcrPool, areas };
}

describe('readRegion', () => {
  const region = { x: 100, y: 100, width: 200, height: 30 };

  it('reads a change alone again where the wide read found no text in it, keeping only what lies in it', async () => {
    const { pool: ocr, areas } = pool(region);
    const reading = await readRegion(ocr, region, 'before', 'after');
    expect(reading.before.map((l) => l.text)).toEqual(['todos', 'What needs']);
    expect(reading.after.map((l) => l.text)).toEqual(['todos', 'What needs']);
    expect(areas).toHaveLength(4);
  });

  it("does not read a logged point's surroundings again", async () => {
    const { pool: ocr, areas } = pool(region);
    const reading = await readRegion(ocr, region, 'before', undefined, false);
    expect(reading.before.map((l) => l.text)).toEqual(['todos']);
    expect(areas).toHaveLength(1);
  });

  it('reads a row-high change alone again even where the wide read found text in it, keeping the label beside it', async () => {
    const field = { x: 824, y: 64, width: 332, height: 36 };
    const areas: Rect[] = [];
    const recognize = async (_image: Blob, area?: Rect): Promise<OcrWord[]> => {
      areas.push(area!);
      // The wide read joins the label with the value and drops a word of it; alone, the row reads whole.
      if (area && area.width === ocrArea(field).width)
        return [
          word('Name:', { x: 781, y: 77, width: 40, height: 12 }, 1),
          word('Ada', { x: 835, y: 77, width: 30, height: 12 }, 1),
        ];
      return [
        word('Ada', { x: 835, y: 77, width: 30, height: 12 }, 1),
        word('Lovelace', { x: 871, y: 77, width: 60, height: 12 }, 1),
      ];
    };
    const reading = await readRegion({ recognize } as unknown as OcrPool, field, 'before', 'after');
    expect(reading.after.map((l) => l.text)).toEqual(['Name:', 'Ada Lovelace']);
    expect(areas).toHaveLength(4);
    // Where alone it reads no more of the row than the wide read did, the wide reading stays.
    const shorter = async (_image: Blob, area?: Rect): Promise<OcrWord[]> =>
      area && area.width === ocrArea(field).width
        ? [
            word('Walk', { x: 835, y: 77, width: 30, height: 12 }, 1),
            word('the', { x: 871, y: 77, width: 20, height: 12 }, 1),
            word('dog', { x: 897, y: 77, width: 20, height: 12 }, 1),
          ]
        : [
            word('Walk', { x: 835, y: 77, width: 30, height: 12 }, 1),
            word('the', { x: 871, y: 77, width: 20, height: 12 }, 1),
          ];
    const kept = await readRegion({ recognize: shorter } as unknown as OcrPool, field, 'before', 'after');
    expect(kept.after.map((l) => l.text)).toEqual(['Walk the dog']);
    // A taller change is read alone only where the wide read found nothing in it.
    const tall = { ...field, height: 144 };
    areas.length = 0;
    await readRegion({ recognize } as unknown as OcrPool, tall, 'before', 'after');
    expect(areas).toHaveLength(2);
  });

  it("leaves out a caption the tight area's edge sliced, though it reaches into the change", async () => {
    const field = { x: 824, y: 64, width: 332, height: 36 };
    const recognize = async (_image: Blob, area?: Rect): Promise<OcrWord[]> => {
      // The wide read found nothing on the row; alone, the row's edge (at x 800) cut "Name:" to "me:".
      if (area && area.width === ocrArea(field).width)
        return [word('Help', { x: 1184, y: 48, width: 31, height: 14 }, 1)];
      return [
        word('me:', { x: 800, y: 79, width: 26, height: 9 }, 1),
        word('Ada', { x: 835, y: 77, width: 30, height: 12 }, 2),
      ];
    };
    const reading = await readRegion({ recognize } as unknown as OcrPool, field, 'before', 'after');
    expect(reading.before.map((l) => l.text)).toEqual(['Help', 'Ada']);
  });
});
