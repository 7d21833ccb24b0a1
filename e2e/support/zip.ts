/** Opening a downloaded zip in a test, and checking it the way the app's exporter does. */
import type { Download } from '@playwright/test';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';

export async function unzipDownload(download: Download): Promise<Map<string, Uint8Array>> {
  const path = await download.path();
  const zip = await JSZip.loadAsync(await readFile(path));
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));
  }
  return files;
}

export const text = (files: Map<string, Uint8Array>, path: string): string =>
  new TextDecoder().decode(files.get(path) ?? new Uint8Array());
