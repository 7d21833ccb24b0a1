// The "analyze" section: a long recording of a scripted workload (one action
// every 7.5 s: 40 in 5 minutes), then the time from Stop to steps on screen
// (with the incremental analysis done while recording) and to captions, the
// same analysis after the fact with cold OCR and caption caches, per-step OCR
// and caption time, and peak memory. Captions use the tiny test model on wasm
// (the real one cannot be downloaded here), so they time the pipeline around
// the model, not Florence-2 itself.
import { MB, readStore, round, startWorkloadRecording } from './workload.mjs';

/** Samples page + worker memory every second while `work` runs; returns the peak in MB. */
async function peakMemoryDuring(app, work) {
  let peak = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      const bytes = await app.evaluate(async () => (await performance.measureUserAgentSpecificMemory()).bytes);
      peak = Math.max(peak, bytes);
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  try {
    return { result: await work(), peakMb: () => round(peak / MB) };
  } finally {
    running = false;
    await sampler;
  }
}

async function storedAnalysis(app) {
  const [record] = await readStore(app, 'analyses');
  return record?.data;
}

/**
 * Waits for the steps to be listed, then for the captions (the end of the
 * analysis); returns seconds since `since` for both.
 */
async function stepsReady(app, since) {
  await app.getByRole('list', { name: 'Steps' }).getByRole('listitem').first().waitFor({ timeout: 600_000 });
  const steps = (Date.now() - since) / 1000;
  await app.getByRole('progressbar', { name: 'Analysis progress' }).waitFor({ state: 'detached', timeout: 600_000 });
  return { steps, captions: (Date.now() - since) / 1000 };
}

async function useTinyCaptionModel(app) {
  await app.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const open = indexedDB.open('pack2skill');
      open.onsuccess = () => resolve(open.result);
    });
    await new Promise((resolve) => {
      const transaction = db.transaction('settings', 'readwrite');
      transaction.objectStore('settings').put({
        key: 'caption-settings',
        value: { model: 'tiny-florence2', device: 'cpu' },
      });
      transaction.oncomplete = resolve;
    });
  });
}

/**
 * @param {{ appUrl: string, minutes?: number, fixtures: { workload: Buffer } }} options
 */
export async function benchAnalyze({ appUrl, minutes = 5, fixtures }) {
  const { browser, workload, app } = await startWorkloadRecording({ appUrl, fixtures, everyMs: 7500 });
  try {
    await useTinyCaptionModel(app);
    await workload.waitForTimeout(minutes * 60_000);
    await app.bringToFront();

    const stoppedAt = Date.now();
    const live = await peakMemoryDuring(app, async () => {
      await app.getByRole('button', { name: 'Stop recording' }).click();
      return stepsReady(app, stoppedAt);
    });
    const incremental = await storedAnalysis(app);

    // The same analysis after the fact: OCR cache emptied, nothing read while recording.
    await app.evaluate(async () => {
      const db = await new Promise((resolve) => {
        const open = indexedDB.open('pack2skill');
        open.onsuccess = () => resolve(open.result);
      });
      await new Promise((resolve) => {
        const request = db.transaction('cache', 'readwrite').objectStore('cache').clear();
        request.onsuccess = resolve;
      });
    });
    const againAt = Date.now();
    const cold = await peakMemoryDuring(app, async () => {
      await app.getByRole('button', { name: 'Analyse again' }).click();
      return stepsReady(app, againAt);
    });
    const afterFact = await storedAnalysis(app);
    const steps = afterFact.steps.length;
    const captioned = afterFact.captions?.captioned ?? 0;

    return {
      recording_s: round(minutes * 60, 0),
      actions: Math.round((minutes * 60) / 7.5),
      steps,
      stop_to_steps_s: round(live.result.steps, 1),
      stop_to_captions_s: round(live.result.captions, 1),
      ocr_reads_cached_at_stop: `${incremental.ocr.cachedReads}/${incremental.ocr.reads}`,
      // Where the time after Stop went (the analysis's own clock, captions apart).
      at_stop_ms: {
        total: round(incremental.timings.totalMs, 0),
        reading: round(incremental.timings.ocrMs, 0),
        pixels: round(incremental.timings.pixelsMs ?? 0, 0),
        whole_frames: round(incremental.timings.wholeFramesMs ?? 0, 0),
      },
      after_fact_s: round(cold.result.steps, 1),
      after_fact_with_captions_s: round(cold.result.captions, 1),
      ocr_s_per_step: steps > 0 ? round(afterFact.timings.ocrMs / 1000 / steps) : null,
      caption_model: `${afterFact.captions?.model} on ${afterFact.captions?.runtime}`,
      caption_model_load_s: round((incremental.captions?.loadMs ?? 0) / 1000),
      caption_s_per_step: captioned > 0 ? round(afterFact.captions.ms / 1000 / captioned) : null,
      peak_mb: { at_stop: live.peakMb(), after_fact: cold.peakMb() },
    };
  } finally {
    await browser.close();
  }
}
