/**
 * What a cloud model is told about a recording: each local step with its time
 * (MM:SS), its events (positions on a 0–1000 grid, keys, typed text; secrets
 * never), and the text read on screen near it. Pure, so it is unit-tested.
 */
import type { Analysis } from '../analyze/types';
import { stepPlainText } from '../compose/draft';
import type { EventRecord } from '../capture/events';
import { maskSensitive } from '../compose/redact';

export function mmss(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A point as a share of the frame, 0–1000 on both axes. */
const grid = (value: number, size: number) => Math.round((value / Math.max(1, size)) * 1000);

export function describeEvent(event: EventRecord, frame: { width: number; height: number }): string | null {
  const where = event.point
    ? ` at (${grid(event.point.x, frame.width)}, ${grid(event.point.y, frame.height)})`
    : event.box
      ? ` in the area (${grid(event.box.x, frame.width)}, ${grid(event.box.y, frame.height)})–(${grid(event.box.x + event.box.width, frame.width)}, ${grid(event.box.y + event.box.height, frame.height)})`
      : '';
  const on = event.target?.name ?? event.target?.text ?? event.label;
  const target = on ? ` on "${maskSensitive(on)}"` : '';
  switch (event.type) {
    case 'click':
      return `click${where}${target}`;
    case 'key':
      return `key ${event.key ?? '?'}${target}`;
    case 'input':
      return event.redacted ? `typed a secret value${target}` : `typed "${maskSensitive(event.value ?? '')}"${target}`;
    case 'scroll':
      return `scroll ${(event.scrollDelta?.y ?? 0) < 0 ? 'up' : 'down'}${where}`;
    case 'navigate':
      return `went to ${event.title ? `"${event.title}"` : 'another page'}`;
    case 'visual':
      return `the screen changed${where}`;
    case 'marker':
      return `the person added a marker${event.label ? ` "${maskSensitive(event.label)}"` : ''}`;
    case 'focus':
      return null;
    default:
      return event.type satisfies never;
  }
}

export function buildPrompt(
  analysis: Analysis,
  events: readonly EventRecord[],
  frame: { width: number; height: number },
): string {
  const lines = [
    analysis.appName ? `The application: "${maskSensitive(analysis.appName)}".` : 'The application is unknown.',
    `${analysis.steps.length} steps were found. For each: its time, the events, the text read on screen near it, and a first guess.`,
    '',
  ];
  for (const [i, step] of analysis.steps.entries()) {
    lines.push(`Step ${i + 1} (${mmss(step.start)}–${mmss(step.end)}), first guess: ${stepPlainText(step)}`);
    const inStep = events.filter((e) => e.t >= step.start - 50 && e.t <= step.end + 50);
    for (const event of inStep) {
      const said = describeEvent(event, frame);
      if (said) lines.push(`  [${mmss(event.t)}] ${said}`);
    }
    const seen = [...new Set([...(step.ocr?.before ?? []), ...(step.ocr?.after ?? [])].map((l) => l.text))];
    if (seen.length > 0) lines.push(`  text on screen: ${seen.map((t) => `"${maskSensitive(t)}"`).join(', ')}`);
    if (step.caption) lines.push(`  caption: ${maskSensitive(step.caption)}`);
  }
  return lines.join('\n');
}

/** Tokens a request costs, roughly: 4 characters a token, 258 per 768-pixel image tile. */
export function estimateTokens(text: string, images: readonly { width: number; height: number }[]): number {
  const imageTokens = images.reduce((sum, i) => sum + Math.ceil(i.width / 768) * Math.ceil(i.height / 768) * 258, 0);
  return Math.ceil(text.length / 4) + imageTokens;
}

/** Steps per request: a long recording goes in several requests, each with its own screenshots. */
export const STEPS_PER_REQUEST = 25;

/** The analysis cut into parts of at most `size` steps (each part numbers its steps from 1). */
export function chunkSteps(analysis: Analysis, size = STEPS_PER_REQUEST): { offset: number; part: Analysis }[] {
  const parts: { offset: number; part: Analysis }[] = [];
  for (let offset = 0; offset < analysis.steps.length; offset += size) {
    parts.push({ offset, part: { ...analysis, steps: analysis.steps.slice(offset, offset + size) } });
  }
  return parts;
}
