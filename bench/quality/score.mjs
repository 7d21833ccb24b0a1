// @ts-check
// Scoring a skill's steps against a workflow's ground truth, as DESIGN.md §8
// defines it: what the agent reads is the numbered steps of SKILL.md. A truth
// action is recalled when a step later than the previously recalled one names
// its label (case-insensitive, Markdown emphasis ignored) and, for typing and
// choosing, its value, or an input `{{name}}` whose recorded default is the value.

/**
 * @typedef {'click' | 'type' | 'choose' | 'toggle' | 'press' | 'scroll'} Verb
 * @typedef {{ verb: Verb, label: string, value?: string }} TruthAction
 */

/** Verbs a step may start with for each truth verb, so that "Check Buy milk" is right for a toggle. */
const VERBS = {
  click: ['click', 'double-click', 'open', 'select', 'choose', 'press'],
  toggle: ['check', 'uncheck', 'tick', 'untick', 'toggle', 'click', 'select'],
  type: ['type', 'enter', 'fill', 'write'],
  choose: ['choose', 'select', 'pick', 'set'],
  press: ['press', 'hit'],
  scroll: ['scroll'],
};

/** @param {string} text */
export const normalise = (text) =>
  text
    // As a Markdown renderer shows it: a punctuation mark escaped ("0\.5", "array \[3\]") is itself.
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[*_`]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The numbered steps of a SKILL.md, in order, and the recorded defaults of its inputs.
 * @param {string} markdown
 */
export function skillSteps(markdown) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === '## Steps');
  /** @type {string[]} */
  const steps = [];
  if (start >= 0) {
    for (const line of lines.slice(start + 1)) {
      if (line.startsWith('## ')) break;
      const match = /^\d+\.\s+(.*)$/.exec(line);
      if (match) steps.push(match[1] ?? '');
    }
  }
  return steps;
}

/**
 * @param {TruthAction[]} truth
 * @param {string[]} steps the step lines as the agent reads them
 * @param {Record<string, string>} [defaults] each input's recorded value, by name (`summary` → "Printer jam")
 */
export function scoreSteps(truth, steps, defaults = {}) {
  const texts = steps.map(normalise);
  /** Steps whose quoted value is a run of screen text rather than one value (more than six words). */
  const dumps = new Set(
    steps.flatMap((step, i) =>
      [...step.matchAll(/`([^`]*)`/g)].some((m) => (m[1] ?? '').trim().split(/\s+/).length > 6) ? [i] : [],
    ),
  );
  const names = (/** @type {string} */ value) =>
    Object.entries(defaults)
      .filter(([, recorded]) => normalise(recorded) === normalise(value))
      .map(([name]) => `{{${name.toLowerCase()}}}`);
  const hasValue = (/** @type {string} */ text, /** @type {string} */ value) =>
    text.includes(normalise(value)) || names(value).some((n) => text.includes(n));
  /** @param {number} from @param {(text: string) => boolean} test */
  const find = (from, test) => texts.findIndex((text, i) => i >= from && test(text));

  let recalled = 0;
  let labelled = 0;
  let wrongVerb = 0;
  const used = new Set();
  /** @type {(number | null)[]} */
  const matches = [];
  let next = 0;
  let nextLabel = 0;
  for (const action of truth) {
    const label = normalise(action.label);
    const needsValue = (action.verb === 'type' || action.verb === 'choose') && action.value !== undefined;
    const names = (/** @type {string} */ text) =>
      text.includes(label) && (!needsValue || hasValue(text, action.value ?? ''));
    const rightVerb = (/** @type {string} */ text) => VERBS[action.verb].includes(text.split(' ')[0] ?? '');
    // A step that names it with a fitting verb first; else any step that names it (a wrong verb, counted).
    const fitting = find(next, (text) => names(text) && rightVerb(text));
    const at = fitting >= 0 ? fitting : find(next, names);
    const labelAt = find(nextLabel, (text) => text.includes(label));
    if (labelAt >= 0) {
      labelled++;
      nextLabel = labelAt + 1;
    }
    if (at < 0) {
      matches.push(null);
      continue;
    }
    recalled++;
    used.add(at);
    next = at + 1;
    matches.push(at);
    if (!rightVerb(texts[at] ?? '')) wrongVerb++;
  }
  return {
    truth: truth.length,
    dumps: dumps.size,
    /** Recalled by a step that is not a dump: screen text that happens to hold the value does not count. */
    cleanRecalled: matches.filter((at) => at !== null && !dumps.has(at)).length,
    steps: steps.length,
    recalled,
    recall: truth.length ? recalled / truth.length : 1,
    labelAccuracy: truth.length ? labelled / truth.length : 1,
    extra: steps.length - used.size,
    wrongVerb,
    matches,
  };
}

/**
 * What the SKILL.md says the first screen is headed ("Start from the screen shown in the
 * first screenshot, headed **todos**."): the app's name as the analysis read it; none if it
 * says no heading.
 * @param {string} markdown
 */
export function skillHeading(markdown) {
  return /^- Start from the screen shown in the first screenshot, headed \*\*(.+)\*\*\.$/m.exec(markdown)?.[1];
}

/** Letters and digits only, lower case: "Vue.js" and "vue js" name the same. */
const nameKey = (/** @type {string} */ text) => normalise(text).replace(/[^\p{L}\p{N}]/gu, '');

/** A name read cut short keeps at least this many letters of the accepted one ("Tk Widget Demonstra"). */
const MIN_PREFIX = 8;

/**
 * The app's name as the skill says it (`said`), against the names a person would give the app
 * or its first screen (`accepted`, as the screen shows them; empty where it shows none):
 * `right` if it is one of them (or one cut short by at least eight letters, or one with more
 * around it), `none` if the skill names none, `wrong` otherwise. On a screen that shows no
 * name, saying none is right.
 * @param {string[]} accepted @param {string | undefined} said
 * @returns {'right' | 'none' | 'wrong'}
 */
export function scoreApp(accepted, said) {
  const key = said === undefined ? '' : nameKey(said);
  if (!key) return accepted.length === 0 ? 'right' : 'none';
  const fits = accepted.some((name) => {
    const want = nameKey(name);
    return key.includes(want) || (key.length >= MIN_PREFIX && want.startsWith(key));
  });
  return fits ? 'right' : 'wrong';
}
