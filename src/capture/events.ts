import type { Point, Rect } from '../shared/geometry';

/**
 * One record shape for everything that happens during a recording, whatever
 * saw it: the page's own listeners, a browser extension, or the sampler.
 */

export type EventType = 'click' | 'key' | 'input' | 'scroll' | 'navigate' | 'visual' | 'marker' | 'focus';
export type EventSource = 'page' | 'extension' | 'visual';

/** What an event acted on, as far as it is known. */
export interface TargetDescriptor {
  role?: string;
  name?: string;
  text?: string;
  selector?: string;
  tag?: string;
  /** An input's type (`date`, `checkbox`…), or `textarea`. */
  inputType?: string;
  /** What a field shows when empty, when it is not its name: often a format ("mm/dd/yyyy"). */
  placeholder?: string;
  /** A select's options as shown (the first few), and how many there are when more. */
  options?: string[];
  /** The values of those options, in the same order. */
  optionValues?: string[];
  optionCount?: number;
  /** Where it is, when its name is shared by others (its row's text): "Click **Expand** beside **array**". */
  context?: string;
  /** Ways to find it again, in Chrome Recorder's forms (`aria/…`, CSS per shadow root, `xpath/…`, `text/…`). */
  selectors?: string[][];
}

export interface EventRecord {
  id?: number;
  recordingId: string;
  /** Milliseconds on the video's clock. */
  t: number;
  type: EventType;
  source: EventSource;
  /** In the captured video's pixels. */
  point?: Point;
  box?: Rect;
  target?: TargetDescriptor;
  /** Typed or chosen value; never present for password fields (see `redacted`). */
  value?: string;
  redacted?: boolean;
  key?: string;
  /** Pointer button for clicks, 0 = main. */
  button?: number;
  /** Clicks: which click of a quick series this is (2 for the second of a double click). */
  clickCount?: number;
  scrollDelta?: Point;
  url?: string;
  title?: string;
  label?: string;
  /** Visual changes: share of the frame changed, and their key frames. */
  fraction?: number;
  endT?: number;
  /** Visual changes: closed because the screen went on changing elsewhere at once (typing, then Enter's result). */
  moved?: true;
  /**
   * Visual changes on a shared screen: where the mouse pointer rested before it, seen as it
   * left (in video pixels), which is where the change before this one was clicked.
   */
  pointerFrom?: Rect;
  beforeFrameId?: string;
  afterFrameId?: string;
}

/** An event as its producer knows it; the recording fills in the rest. */
export type NewEvent = Omit<EventRecord, 'id' | 'recordingId'>;
