/**
 * Burst detection: groups a recording's events into bursts of activity, the
 * raw material of steps. Pure, so it runs in a worker and in unit tests alike.
 *
 * Each kind of event has its own queue with a gap threshold and a maximum
 * span (as pack does): clicks come in quick pairs, typing pauses between
 * words, scrolling drifts on. A burst closes when the next event comes later
 * than the gap; a burst longer than its span is split at the event nearest its
 * midpoint. A switch of captured surface, or a marker the person added, always
 * starts a new burst.
 *
 * The simple mode of the original design groups all events with one gap and a
 * minimum number of events; a group below the minimum joins its nearest
 * neighbour when one is close, and otherwise stays a burst of its own: a lone
 * click or a lone screen change is never dropped.
 */

export type QueueKind = 'click' | 'key' | 'scroll' | 'move' | 'visual';

export interface QueueThreshold {
  /** A pause longer than this ends the burst. */
  gapMs: number;
  /** A burst longer than this is split at the event nearest its midpoint. */
  maxSpanMs: number;
}

export type QueueThresholds = Record<QueueKind, QueueThreshold>;

export interface BurstSettings {
  mode: 'accurate' | 'rough' | 'simple';
  /** Thresholds per queue (accurate and rough modes). */
  queues: QueueThresholds;
  simple: { gapMs: number; minEvents: number };
}

const t = (gapS: number, spanS: number): QueueThreshold => ({ gapMs: gapS * 1000, maxSpanMs: spanS * 1000 });

/**
 * pack's presets. Screen changes (visual) are not in pack: they are already
 * settled changes, so their gap is the pause between two of them.
 */
export const BURST_PRESETS: Record<'accurate' | 'rough', QueueThresholds> = {
  accurate: { click: t(0.2, 0.3), move: t(0.5, 4), scroll: t(0.5, 3), key: t(0.5, 6), visual: t(0.3, 8) },
  rough: { click: t(0.8, 1.2), move: t(2, 16), scroll: t(2, 12), key: t(2, 24), visual: t(3, 24) },
};

export const defaultBurstSettings: BurstSettings = {
  mode: 'accurate',
  queues: BURST_PRESETS.accurate,
  simple: { gapMs: 500, minEvents: 3 },
};

/** Settings for a mode, with the preset's thresholds where the mode has one. */
export function burstSettingsFor(mode: BurstSettings['mode']): BurstSettings {
  return { ...defaultBurstSettings, mode, queues: mode === 'simple' ? BURST_PRESETS.accurate : BURST_PRESETS[mode] };
}

/** The least an event needs for burst detection. */
export interface TimedEvent {
  /** Start, ms on the video clock. */
  t: number;
  /** End, when the event lasts (coalesced typing, a screen change settling). */
  endT?: number;
  type: string;
}

export interface Burst<E extends TimedEvent> {
  start: number;
  end: number;
  /** The queue it came from; `mixed` in simple mode. */
  kind: QueueKind | 'mixed';
  events: E[];
}

/** Which queue an event type belongs to; null for events that only mark boundaries. */
export function queueOf(type: string): QueueKind | null {
  switch (type) {
    case 'click':
    case 'focus':
      return 'click';
    case 'key':
    case 'input':
      return 'key';
    case 'scroll':
      return 'scroll';
    case 'move':
      return 'move';
    case 'visual':
      return 'visual';
    default:
      return null; // markers, navigation
  }
}

const endOf = (e: TimedEvent) => Math.max(e.t, e.endT ?? e.t);

/**
 * Groups time-sorted events: a new group starts after a gap longer than `gapMs`
 * or at a boundary (surface switch, marker).
 */
export function groupByGap<E extends TimedEvent>(events: E[], gapMs: number, boundaries: number[] = []): E[][] {
  const groups: E[][] = [];
  let current: E[] = [];
  let currentEnd = -Infinity;
  for (const event of events) {
    const crossesBoundary = current.length > 0 && boundaries.some((b) => b > current[0]!.t && b <= event.t);
    if (current.length > 0 && (event.t - currentEnd > gapMs || crossesBoundary)) {
      groups.push(current);
      current = [];
      currentEnd = -Infinity;
    }
    current.push(event);
    currentEnd = Math.max(currentEnd, endOf(event));
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Splits a group longer than `maxSpanMs` at the event nearest its midpoint, recursively. */
export function splitLongGroup<E extends TimedEvent>(group: E[], maxSpanMs: number): E[][] {
  if (group.length < 2) return [group];
  const start = group[0]!.t;
  const end = Math.max(...group.map(endOf));
  if (end - start <= maxSpanMs) return [group];
  const mid = (start + end) / 2;
  let at = 1;
  for (let i = 1; i < group.length; i++) {
    if (Math.abs(group[i]!.t - mid) < Math.abs(group[at]!.t - mid)) at = i;
  }
  return [...splitLongGroup(group.slice(0, at), maxSpanMs), ...splitLongGroup(group.slice(at), maxSpanMs)];
}

/** A burst of `events` (time-sorted, at least one): from the first start to the latest end. */
export function toBurst<E extends TimedEvent>(events: E[], kind: Burst<E>['kind']): Burst<E> {
  return { start: events[0]!.t, end: Math.max(...events.map(endOf)), kind, events };
}

/**
 * Detects the bursts of a recording. `surfaceSwitches` are the times at which
 * the captured surface changed; markers among the events are boundaries too.
 */
export function detectBursts<E extends TimedEvent>(
  events: E[],
  settings: BurstSettings = defaultBurstSettings,
  surfaceSwitches: number[] = [],
): Burst<E>[] {
  const sorted = [...events].sort((a, b) => a.t - b.t);
  const boundaries = [...surfaceSwitches, ...sorted.filter((e) => e.type === 'marker').map((e) => e.t)];
  const grouped = sorted.filter((e) => queueOf(e.type) !== null);

  if (settings.mode === 'simple') {
    const groups = groupByGap(grouped, settings.simple.gapMs, boundaries);
    return absorbSmallGroups(groups, settings.simple, boundaries).map((g) => toBurst(g, 'mixed'));
  }

  const bursts: Burst<E>[] = [];
  for (const kind of ['click', 'key', 'scroll', 'move', 'visual'] as const) {
    const { gapMs, maxSpanMs } = settings.queues[kind];
    const queue = grouped.filter((e) => queueOf(e.type) === kind);
    for (const group of groupByGap(queue, gapMs, boundaries)) {
      for (const part of splitLongGroup(group, maxSpanMs)) bursts.push(toBurst(part, kind));
    }
  }
  return bursts.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Simple mode: a group with fewer than `minEvents` events joins the nearer of
 * its neighbours when that one is within a few gaps and on the same surface;
 * otherwise it stays on its own.
 */
function absorbSmallGroups<E extends TimedEvent>(
  groups: E[][],
  { gapMs, minEvents }: BurstSettings['simple'],
  boundaries: number[],
): E[][] {
  const reach = gapMs * 4;
  const result = groups.map((g) => [...g]);
  for (let i = 0; i < result.length; i++) {
    const group = result[i]!;
    if (group.length >= minEvents) continue;
    const start = group[0]!.t;
    const end = Math.max(...group.map(endOf));
    const prev = result[i - 1];
    const next = result[i + 1];
    const separated = (a: number, b: number) => boundaries.some((x) => x > a && x <= b);
    const prevGap = prev && !separated(prev[0]!.t, start) ? start - Math.max(...prev.map(endOf)) : Infinity;
    const nextGap = next && !separated(start, next[0]!.t) ? next[0]!.t - end : Infinity;
    if (Math.min(prevGap, nextGap) > reach) continue;
    if (prevGap <= nextGap && prev) {
      prev.push(...group);
    } else if (next) {
      next.unshift(...group);
    }
    result.splice(i, 1);
    i--;
  }
  return result;
}
