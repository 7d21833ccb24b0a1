/**
 * What kind of control a step acts on, said where it changes what the agent must
 * do: a date field and the format it takes, a dropdown and what it offers, a box
 * to check or uncheck, a button or a link among text. Known from page events (the
 * element's type and role); pixels alone say none of it.
 */
import type { TargetDescriptor } from '../capture/events';

export interface ControlFacts {
  /** `date`, `time`, `select`, `checkbox`, `radio`, `button`, `link`, `text`… */
  type: string;
  /** The format the field shows when empty ("mm/dd/yyyy"), or the one its value is in. */
  format?: string;
  /** A dropdown's options as shown (the first few), and how many it has when more. */
  options?: string[];
  optionCount?: number;
}

/** The formats native date and time fields take their value in (what an automation fills). */
const VALUE_FORMATS: Record<string, string> = {
  date: 'yyyy-mm-dd',
  time: 'hh:mm',
  'datetime-local': 'yyyy-mm-ddThh:mm',
  month: 'yyyy-mm',
  week: 'yyyy-Www',
};

/** Roles a click's text names, when the page says them. */
const CLICK_ROLES: Record<string, string> = {
  button: 'button',
  link: 'link',
  tab: 'tab',
  menuitem: 'menu item',
  checkbox: 'checkbox',
  radio: 'option',
  switch: 'switch',
};

export function controlFacts(target: TargetDescriptor | undefined): ControlFacts | undefined {
  if (!target) return undefined;
  if (target.tag === 'select') {
    return {
      type: 'select',
      ...(target.options?.length ? { options: target.options } : {}),
      ...(target.optionCount ? { optionCount: target.optionCount } : {}),
    };
  }
  const inputType = target.inputType;
  if (inputType && VALUE_FORMATS[inputType]) return { type: inputType, format: VALUE_FORMATS[inputType] };
  if (inputType === 'checkbox' || inputType === 'radio') return { type: inputType };
  if (inputType && target.placeholder && looksLikeFormat(target.placeholder)) {
    return { type: inputType, format: target.placeholder };
  }
  const role = target.role && CLICK_ROLES[target.role];
  return role ? { type: target.role! } : undefined;
}

/** The word for a clicked control's kind ("button", "link"), or none. */
export function roleWord(control: ControlFacts | undefined): string | undefined {
  return control ? CLICK_ROLES[control.type] : undefined;
}

/** "a date field", "a time field": the native pickers, which take their value in one format. */
export function pickerWord(control: ControlFacts | undefined): string | undefined {
  if (!control || !VALUE_FORMATS[control.type]) return undefined;
  return control.type === 'datetime-local' ? 'date and time' : control.type;
}

/**
 * Whether a field's empty-state text is a format or an example rather than a name:
 * it holds digits, starts "e.g.", or is a pattern of date and time letters ("dd.mm.yyyy").
 */
export function looksLikeFormat(text: string): boolean {
  return (
    /\d/.test(text) ||
    /^(e\.g\.|eg\b|ex\.|example\b|for example\b)/i.test(text.trim()) ||
    /^[dmyhs]{1,4}([./\-: ]+[dmyhs]{1,4})+$/i.test(text.trim())
  );
}
