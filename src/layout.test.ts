/**
 * The layout rules of docs/architecture.md, checked on the source itself:
 * workers/ holds only worker entry points, the page reaches a worker only
 * through its client and types, and no module depends on itself through a
 * chain of imports (type imports included).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return files(rel);
    return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [rel] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Relative imports of a file, resolved to repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const out: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = (match[1] ?? match[2])!.split('?')[0]!;
    const base = path.normalize(path.join(path.dirname(file), spec));
    const found = ['', '.ts', '.svelte.ts', '/index.ts'].map((ext) => base + ext).find((p) => isFile(p));
    if (found) out.push(found);
  }
  return out;
}

function isFile(rel: string): boolean {
  try {
    return statSync(path.join(root, rel)).isFile();
  } catch {
    return false;
  }
}

const sources = [...files('src'), ...files('workers'), 'models/registry.ts'];
const graph = new Map(sources.map((file) => [file, importsOf(file)]));

describe('layout', () => {
  it('workers/ holds only worker entry points: worker.ts, client.ts and types.ts per worker', () => {
    const strays = files('workers').filter((file) => {
      const parts = file.split(path.sep);
      return parts.length !== 3 || !['worker.ts', 'client.ts', 'types.ts'].includes(parts[2]!);
    });
    expect(strays.filter((f) => !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('the page reaches a worker only through its client and types; a worker entry is never imported', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (!target.startsWith(`workers${path.sep}`)) continue;
        const sameWorker = path.dirname(target) === path.dirname(file);
        if (target.endsWith(`${path.sep}worker.ts`) || (!sameWorker && !/(client|types)\.ts$/.test(target))) {
          wrong.push(`${file} → ${target}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycles, type imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
