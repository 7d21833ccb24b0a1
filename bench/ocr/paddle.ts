/**
 * PaddleOCR (PP-OCRv4: a text detector and a line recogniser, ONNX) on
 * onnxruntime-web, for the OCR comparison bench (`npm run bench -- ocr`). Not
 * part of the app: it is measured against tesseract.js before anyone ships it.
 * The steps are the published pipeline's: DB detection (a probability map of text,
 * thresholded into boxes, each grown by its "unclip" distance), then CTC
 * recognition of each box at 48 px high, decoded greedily.
 */
import * as ort from 'onnxruntime-web';

export interface PaddleLine {
  text: string;
  /** 0–100, the mean probability of its characters. */
  confidence: number;
  box: { x: number; y: number; width: number; height: number };
}

const DET_LIMIT = 960;
const DET_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;
const REC_HEIGHT = 48;

export class Paddle {
  readonly #det: ort.InferenceSession;
  readonly #rec: ort.InferenceSession;
  readonly #chars: string[];

  private constructor(det: ort.InferenceSession, rec: ort.InferenceSession, chars: string[]) {
    this.#det = det;
    this.#rec = rec;
    this.#chars = chars;
  }

  static async load(urls: { det: string; rec: string; keys: string; wasm: string }): Promise<Paddle> {
    ort.env.wasm.wasmPaths = urls.wasm;
    const options: ort.InferenceSession.SessionOptions = { executionProviders: ['wasm'] };
    const [det, rec, keys] = await Promise.all([
      ort.InferenceSession.create(urls.det, options),
      ort.InferenceSession.create(urls.rec, options),
      fetch(urls.keys).then((r) => r.text()),
    ]);
    // Class 0 is CTC's blank; the dictionary; then the space.
    return new Paddle(det, rec, ['', ...keys.split('\n').filter((k) => k.length > 0), ' ']);
  }

  /** Lines of text in an image (RGBA), boxes in its pixels. */
  async recognize(image: ImageData): Promise<PaddleLine[]> {
    const boxes = await this.#detect(image);
    const lines: PaddleLine[] = [];
    for (const box of boxes) {
      const read = await this.#read(image, box);
      if (read && read.text.trim()) lines.push({ ...read, box });
    }
    return lines;
  }

  async #detect(image: ImageData): Promise<PaddleLine['box'][]> {
    const scale = Math.min(1, DET_LIMIT / Math.max(image.width, image.height));
    const w = Math.max(32, Math.round((image.width * scale) / 32) * 32);
    const h = Math.max(32, Math.round((image.height * scale) / 32) * 32);
    const pixels = resize(image, w, h);
    const mean = [0.485, 0.456, 0.406];
    const std = [0.229, 0.224, 0.225];
    const input = new Float32Array(3 * w * h);
    for (let i = 0; i < w * h; i++) {
      for (let c = 0; c < 3; c++) input[c * w * h + i] = (pixels[i * 4 + c]! / 255 - mean[c]!) / std[c]!;
    }
    const feeds = { [this.#det.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, h, w]) };
    const output = (await this.#det.run(feeds))[this.#det.outputNames[0]!]!;
    const map = output.data as Float32Array;
    const [sx, sy] = [image.width / w, image.height / h];
    return components(map, w, h)
      .filter((c) => c.score >= BOX_THRESHOLD && Math.min(c.width, c.height) >= 3)
      .map((c) => {
        const grow = (c.width * c.height * UNCLIP_RATIO) / (2 * (c.width + c.height));
        const x0 = Math.max(0, (c.x - grow) * sx);
        const y0 = Math.max(0, (c.y - grow) * sy);
        const x1 = Math.min(image.width, (c.x + c.width + grow) * sx);
        const y1 = Math.min(image.height, (c.y + c.height + grow) * sy);
        return { x: Math.round(x0), y: Math.round(y0), width: Math.round(x1 - x0), height: Math.round(y1 - y0) };
      })
      .sort((a, b) => a.y - b.y || a.x - b.x);
  }

  async #read(image: ImageData, box: PaddleLine['box']): Promise<{ text: string; confidence: number } | undefined> {
    if (box.width < 2 || box.height < 2) return undefined;
    const w = Math.max(8, Math.min(3200, Math.ceil((REC_HEIGHT * box.width) / box.height)));
    const pixels = resize(image, w, REC_HEIGHT, box);
    const input = new Float32Array(3 * w * REC_HEIGHT);
    const plane = w * REC_HEIGHT;
    for (let i = 0; i < plane; i++) {
      // The models were trained on BGR images.
      for (let c = 0; c < 3; c++) input[c * plane + i] = (pixels[i * 4 + (2 - c)]! / 255 - 0.5) / 0.5;
    }
    const feeds = { [this.#rec.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, REC_HEIGHT, w]) };
    const output = (await this.#rec.run(feeds))[this.#rec.outputNames[0]!]!;
    const [, steps, classes] = output.dims as [number, number, number];
    const probs = output.data as Float32Array;
    let text = '';
    let sum = 0;
    let count = 0;
    let last = 0;
    for (let t = 0; t < steps; t++) {
      let best = 0;
      for (let k = 1; k < classes; k++) if (probs[t * classes + k]! > probs[t * classes + best]!) best = k;
      if (best !== 0 && best !== last) {
        text += this.#chars[best] ?? '';
        sum += probs[t * classes + best]!;
        count++;
      }
      last = best;
    }
    return { text, confidence: count > 0 ? (100 * sum) / count : 0 };
  }
}

/** Bilinear resize of `area` of an RGBA image to w × h. */
function resize(
  image: ImageData,
  w: number,
  h: number,
  area = { x: 0, y: 0, width: image.width, height: image.height },
) {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(area.height - 1, Math.max(0, ((y + 0.5) * area.height) / h - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(area.height - 1, y0 + 1);
    const dy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(area.width - 1, Math.max(0, ((x + 0.5) * area.width) / w - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(area.width - 1, x0 + 1);
      const dx = fx - x0;
      for (let c = 0; c < 4; c++) {
        const at = (xx: number, yy: number) => image.data[((area.y + yy) * image.width + area.x + xx) * 4 + c]!;
        const top = at(x0, y0) * (1 - dx) + at(x1, y0) * dx;
        const bottom = at(x0, y1) * (1 - dx) + at(x1, y1) * dx;
        out[(y * w + x) * 4 + c] = top * (1 - dy) + bottom * dy;
      }
    }
  }
  return out;
}

/** Connected areas of the map above the threshold: their boxes and mean probability. */
function components(map: Float32Array, w: number, h: number) {
  const seen = new Uint8Array(w * h);
  const found: { x: number; y: number; width: number; height: number; score: number }[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || map[start]! <= DET_THRESHOLD) continue;
    let [minX, minY, maxX, maxY, sum, n] = [w, h, 0, 0, 0, 0];
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const [x, y] = [i % w, Math.floor(i / w)];
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
      sum += map[i]!;
      n++;
      for (const [nx, ny] of [
        [x - 1, y],
        [x + 1, y],
        [x, y - 1],
        [x, y + 1],
      ] as const) {
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const j = ny * w + nx;
        if (!seen[j] && map[j]! > DET_THRESHOLD) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    found.push({ x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1, score: sum / n });
  }
  return found;
}
