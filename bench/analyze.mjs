// The "analyze" section: a long recording of a scripted workload (one action
// every 7.5 s: 40 in 5 minutes), then the time from Stop to steps on screen
// (with the incremental analysis done while recording), the same analysis
// after the fact with a cold OCR cache, per-step OCR time, and peak memory.
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

/** Waits for the analysis to finish and the steps to be listed; returns seconds since `since`. */
async function stepsReady(app, since) {
  await app.getByRole('list', { name: 'Steps' }).waitFor({ timeout: 600_000 });
  await app.getByRole('progressbar', { name: 'Analysis progress' }).waitFor({ state: 'detached', timeout: 600_000 });
  return (Date.now() - since) / 1000;
}

/**
 * @param {{ appUrl: string, minutes?: number, fixtures: { workload: Buffer } }} options
 */
export async function benchAnalyze({ appUrl, minutes = 5, fixtures }) {
  const { browser, workload, app } = await startWorkloadRecording({ appUrl, fixtures, everyMs: 7500 });
  try {
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

    return {
      recording_s: round(minutes * 60, 0),
      actions: Math.round((minutes * 60) / 7.5),
      steps,
      stop_to_steps_s: round(live.result, 1),
      ocr_reads_cached_at_stop: `${incremental.ocr.cachedReads}/${incremental.ocr.reads}`,
      after_fact_s: round(cold.result, 1),
      ocr_s_per_step: steps > 0 ? round(afterFact.timings.ocrMs / 1000 / steps) : null,
      caption_s_per_step: null, // captions are not implemented yet
      peak_mb: { at_stop: live.peakMb(), after_fact: cold.peakMb() },
    };
  } finally {
    await browser.close();
  }
}
