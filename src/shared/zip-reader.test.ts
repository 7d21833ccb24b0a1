import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { unzip, zipEntries, ZipFormatError, ZipLimitError, type ZipLimits } from './zip-reader';

const SKILL: ZipLimits = { maxEntries: 200, maxBytes: 8 * 1024 * 1024, what: 'A skill' };

async function zipOf(files: Record<string, string | Uint8Array>, compression: 'DEFLATE' | 'STORE' = 'DEFLATE') {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression }));
}

const text = async (blob: Blob | undefined) => (blob ? new TextDecoder().decode(await blob.arrayBuffer()) : undefined);

/** Sets the uncompressed size of every entry (central directory and local headers) to `size`. */
function lieAboutSizes(bytes: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
  }
  return out;
}

describe('zip reader', () => {
  it('reads what JSZip writes, deflated and stored, folders left out', async () => {
    for (const compression of ['DEFLATE', 'STORE'] as const) {
      const bytes = await zipOf(
        { 'my-skill/SKILL.md': '# Hi ✓', 'my-skill/assets/a.png': new Uint8Array([1, 2, 3]) },
        compression,
      );
      const files = await unzip(new Blob([bytes]), SKILL);
      expect([...files.keys()]).toEqual(['my-skill/SKILL.md', 'my-skill/assets/a.png']);
      expect(await text(files.get('my-skill/SKILL.md'))).toBe('# Hi ✓');
      expect([...new Uint8Array(await files.get('my-skill/assets/a.png')!.arrayBuffer())]).toEqual([1, 2, 3]);
    }
  });

  it('refuses too many files from the list alone, saying the limit', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 250; i++) many[`s/f${i}.md`] = '';
    // JSZip lists the folder too: 251 entries.
    await expect(unzip(new Blob([await zipOf(many)]), SKILL)).rejects.toThrow(
      new ZipLimitError('This zip holds 251 files; a skill has at most 200.'),
    );
  });

  it('refuses a zip bomb by its declared size, before inflating it', async () => {
    const bomb = await zipOf({ 's/zeros.bin': new Uint8Array(20 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(100_000);
    await expect(zipEntries(new Blob([bomb]), SKILL)).rejects.toThrow(
      /unpacks to more than 8\.0 MB; a skill is at most 8\.0 MB/,
    );
  });

  it('stops inflating an entry that gives more than it declared', async () => {
    const liar = lieAboutSizes(await zipOf({ 's/zeros.bin': new Uint8Array(20 * 1024 * 1024) }), 1000);
    await expect(unzip(new Blob([liar]), SKILL)).rejects.toThrow(
      /unpacks to more than the 1000 bytes its zip declares/,
    );
  });

  it('says what is wrong with files that are not zips or are damaged', async () => {
    await expect(unzip(new Blob(['hello']), SKILL)).rejects.toThrow(
      new ZipFormatError('This file is not a zip archive.'),
    );
    const good = await zipOf({ 's/a.md': 'x'.repeat(5000) });
    const cut = good.slice(0, 40).length ? new Uint8Array([...good.slice(0, 60), ...good.slice(-22)]) : good;
    await expect(unzip(new Blob([cut]), SKILL)).rejects.toBeInstanceOf(ZipFormatError);
  });

  it('1 000 mutated zips each read or are refused with a zip error, none hangs or throws anything else', async () => {
    const base = await zipOf({
      's/SKILL.md': '---\nname: s\n---\n# S\n'.repeat(20),
      's/b.bin': new Uint8Array(3000).fill(7),
    });
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const outcomes = { read: 0, refused: 0 };
    for (let i = 0; i < 1000; i++) {
      const bytes = base.slice();
      const kind = i % 4;
      if (kind === 0) for (let k = 0; k < 1 + random(8); k++) bytes[random(bytes.length)] = random(256);
      const mutated =
        kind === 1
          ? bytes.slice(0, random(bytes.length))
          : kind === 2
            ? new Uint8Array([...bytes.slice(0, random(bytes.length)), ...bytes.slice(random(bytes.length))])
            : kind === 3
              ? (() => {
                  const view = new DataView(bytes.buffer);
                  view.setUint32(random(bytes.length - 4), [0xffffffff, 0, 0x7fffffff, 65535][random(4)]!, true);
                  return bytes;
                })()
              : bytes;
      try {
        await unzip(new Blob([mutated]), SKILL);
        outcomes.read++;
      } catch (error) {
        expect(error instanceof ZipFormatError || error instanceof ZipLimitError, String(error)).toBe(true);
        outcomes.refused++;
      }
    }
    expect(outcomes.refused).toBeGreaterThan(500);
    expect(outcomes.read).toBeGreaterThan(0);
  });
});
