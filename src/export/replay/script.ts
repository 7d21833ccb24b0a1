/**
 * `scripts/replay.mjs` of a skill: the replay runtime (./replay-script.js, plain
 * JavaScript for Node and Playwright) with the plan written in as a JSON literal.
 * Every recorded string reaches the script only inside that literal: JSON escapes
 * quotes, backslashes and line breaks, and nothing in a JSON string is code.
 */
import runtime from './replay-script.js?raw';
import type { ReplayPlan } from './plan';

const MARKER = '/*PLAN*/ null';

export function replayScript(plan: ReplayPlan): string {
  if (!runtime.includes(MARKER)) throw new Error('The replay runtime has no place for its plan.');
  // U+2028 and U+2029 are valid in JSON strings and in modern JavaScript; escaped anyway, for older readers.
  const literal = JSON.stringify(plan, null, 2)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  // A function replacement: `$&` and `$'` in the plan are text, not replacement patterns.
  return runtime.replace(MARKER, () => literal);
}
