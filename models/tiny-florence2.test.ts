/**
 * The committed tiny model loads and generates through transformers.js's real
 * Florence-2 path (processor, tokenizer, four sessions, cached decoding), with
 * remote models off. If the script or the library's expectations drift apart,
 * this fails before any browser test does.
 */
import { AutoProcessor, env, Florence2ForConditionalGeneration, RawImage } from '@huggingface/transformers';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captionModel } from './registry';

describe('tiny-florence2', () => {
  it('captions an image offline, the same way twice', async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = fileURLToPath(new URL('./', import.meta.url));
    const spec = captionModel('tiny-florence2')!;
    const processor = await AutoProcessor.from_pretrained(spec.repo);
    const model = await Florence2ForConditionalGeneration.from_pretrained(spec.repo, {
      dtype: spec.dtypes.wasm,
      device: 'cpu',
    });
    const pixels = new Uint8ClampedArray(120 * 90 * 3).map((_, i) => (i * 13) % 256);
    const image = new RawImage(pixels, 120, 90, 3);

    const caption = async () => {
      const inputs = await processor(image, spec.task);
      // The processor resized the image to the model's input and wrapped the task prompt.
      expect(inputs.pixel_values.dims).toEqual([1, 3, 64, 64]);
      const ids = await model.generate({ ...inputs, max_new_tokens: spec.maxNewTokens, do_sample: false });
      const [text = ''] = processor.batch_decode(ids as never, { skip_special_tokens: false });
      return processor.post_process_generation(text, spec.task, [90, 120])[spec.task];
    };
    const first = await caption();
    expect(first).toMatch(/^[a-z ]{3,}$/);
    expect(await caption()).toBe(first);
    await model.dispose();
  }, 30_000);
});
