// The "record" section: a long tab-capture recording of a scripted workload,
// measuring the sampler's rate, what gets stored, and whether memory stays flat.
import { MB, keyframeBytes, readStore, round, startWorkloadRecording } from './workload.mjs';

/** Page + worker memory after a garbage collection, in MB. */
async function heapMb(app, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const all = await app.evaluate(async () => {
    // Counts the page and its workers; immediate with ForceEagerMeasureMemory.
    const result = await performance.measureUserAgentSpecificMemory();
    return result.bytes;
  });
  return { page_js: round(usedSize / MB), page_and_workers: round(all / MB) };
}

/**
 * @param {{ appUrl: string, minutes?: number, fixtures: { workload: Buffer } }} options
 */
export async function benchRecord({ appUrl, minutes = 2, fixtures }) {
  const { browser, context, workload, app } = await startWorkloadRecording({ appUrl, fixtures, everyMs: 3000 });
  try {
    const cdp = await context.newCDPSession(app);

    const totalMs = minutes * 60_000;
    const started = Date.now();
    const heap = { start: await heapMb(app, cdp) };
    await workload.waitForTimeout(Math.max(0, started + totalMs / 3 - Date.now()));
    heap.third = await heapMb(app, cdp);
    await workload.waitForTimeout(Math.max(0, started + totalMs - Date.now()));
    heap.end = await heapMb(app, cdp);

    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    await app.getByRole('status').filter({ hasText: 'Recording saved.' }).waitFor({ timeout: 60_000 });

    const [recording] = await readStore(app, 'recordings');
    const events = await readStore(app, 'events');
    const stored = {
      recording,
      frameBytes: await keyframeBytes(app),
      visualEvents: events.filter((e) => e.type === 'visual').length,
    };
    const recordedMin = stored.recording.durationMs / 60_000;
    return {
      minutes: round(recordedMin),
      capture: `${stored.recording.width}x${stored.recording.height} tab`,
      // Screen evaluations per second: sampled frames plus still ticks (tab capture
      // sends a frame only when the page repaints, so a still page sends none).
      sampler_fps: stored.recording.sampler?.sampleFps ?? null,
      capture_frames_per_s: round((stored.recording.sampler?.framesSeen ?? 0) / (recordedMin * 60), 1),
      frames_sampled: stored.recording.sampler?.framesSampled ?? null,
      visual_events_per_min: round(stored.visualEvents / recordedMin, 1),
      workload_actions_per_min: 20,
      keyframes: stored.recording.keyframeCount,
      idb_mb_per_min: round((stored.recording.bytes + stored.frameBytes) / MB / recordedMin),
      video_mb_per_min: round(stored.recording.bytes / MB / recordedMin),
      heap_mb: heap,
    };
  } finally {
    await browser.close();
  }
}
