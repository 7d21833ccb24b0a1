/**
 * What a recording says about where the workflow happens and how the person
 * divided it, from its events: the page it started on (a navigation logged by
 * the app's own tab or the companion extension) and the sections the person's
 * markers began. Pixels alone know neither: the review asks for the start page.
 */
import type { EventRecord } from '../capture/events';

export interface StartPage {
  url: string;
  title?: string;
}

export interface Section {
  /** Video ms where the section begins: steps from here on belong to it. */
  t: number;
  title: string;
}

/** The first web page (http or https) navigated to, with its title. */
export function startPage(events: readonly Pick<EventRecord, 'type' | 'url' | 'title' | 't'>[]): StartPage | undefined {
  const first = [...events]
    .filter((e) => e.type === 'navigate' && typeof e.url === 'string' && /^https?:\/\//i.test(e.url))
    .sort((a, b) => a.t - b.t)[0];
  if (!first?.url) return undefined;
  return { url: first.url, ...(first.title?.trim() ? { title: first.title.trim() } : {}) };
}

/** The person's markers, in time order, as section titles. */
export function sections(events: readonly Pick<EventRecord, 'type' | 'label' | 't'>[]): Section[] {
  return events
    .filter((e) => e.type === 'marker')
    .sort((a, b) => a.t - b.t)
    .map((e) => ({ t: e.t, title: e.label?.trim() || 'Next part' }));
}

/**
 * Each marker's section opens at the first step that starts at or after it (markers
 * before the same step: the last one's title). Steps carry their section, so that
 * moving a step in review moves its heading with it, and the review can add or
 * remove one. Steps after the last marker's step open nothing.
 */
export function assignSections<S extends { start: number; section?: string }>(
  steps: readonly S[],
  marks: readonly Section[],
): S[] {
  const queue = [...marks].sort((a, b) => a.t - b.t);
  return steps.map((step) => {
    let section: string | undefined;
    while (queue.length > 0 && queue[0]!.t <= step.start) section = queue.shift()!.title;
    return section ? { ...step, section } : step;
  });
}

/**
 * The steps with their sections: each step's own, or (an analysis stored before steps
 * carried them) the markers' sections by time.
 */
export function sectionedSteps<S extends { start: number; section?: string }>(analysis: {
  steps: S[];
  sections?: Section[] | undefined;
}): S[] {
  const carried = analysis.steps.some((step) => step.section !== undefined);
  return carried || !analysis.sections?.length ? analysis.steps : assignSections(analysis.steps, analysis.sections);
}
