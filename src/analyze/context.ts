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
