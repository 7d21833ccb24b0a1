/** The prompt rules and the answer's JSON schema, the same for every provider. */
import type { CloudResult, CloudStep } from './types';
import { isRecord } from '../shared/records';

export const SYSTEM_PROMPT = [
  'You turn a screen recording of a person doing a task in a computer application into instructions another agent can follow.',
  'You get the steps already found (their times and events), the text read on screen, and a screenshot per step taken just before the action (and the last screen).',
  'Rules:',
  '- Return exactly one entry per given step, with its index; one atomic action per step.',
  '- Quote the text on screen exactly, in double quotes, for buttons, fields and menu items.',
  '- Give typed strings in full.',
  '- Never give coordinates or key codes; name things as a person sees them.',
  '- When the screenshot and the event log disagree, trust the screenshot.',
  '- Also suggest a skill name (lowercase words joined by hyphens) and a one-paragraph description in the third person that ends with "Use when …".',
].join('\n');

export const RESPONSE_SCHEMA = {
  type: 'object',
  properties: {
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          index: { type: 'integer', description: 'The given step number, from 1' },
          start: { type: 'string', description: 'MM:SS' },
          end: { type: 'string', description: 'MM:SS' },
          title: { type: 'string' },
          instruction: { type: 'string', description: 'One imperative sentence' },
          target: { type: 'string', description: 'The text on screen of what is acted on' },
          value: { type: 'string', description: 'The text typed or chosen, or empty' },
          parameters: { type: 'array', items: { type: 'string' } },
        },
        required: ['index', 'start', 'end', 'title', 'instruction', 'target', 'value', 'parameters'],
      },
    },
    skill_name: { type: 'string' },
    skill_description: { type: 'string' },
  },
  required: ['steps', 'skill_name', 'skill_description'],
} as const;

export class AnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnswerError';
  }
}

/** Checks a model's answer against the schema; anything else is an AnswerError that says what is wrong. */
export function parseAnswer(text: string, stepCount: number): CloudResult {
  let data: unknown;
  try {
    // Some servers wrap JSON in a Markdown fence even when asked not to.
    data = JSON.parse(text.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    throw new AnswerError(`the model's answer is not JSON (it begins "${text.slice(0, 40)}")`);
  }
  if (!isRecord(data) || !Array.isArray(data['steps'])) throw new AnswerError('the answer has no "steps" list');
  const steps: CloudStep[] = [];
  for (const item of data['steps']) {
    if (!isRecord(item)) throw new AnswerError('a step in the answer is not an object');
    const index = Number(item['index']);
    if (!Number.isInteger(index) || index < 1 || index > stepCount) continue; // a step that is not ours
    const text = (key: string) => (typeof item[key] === 'string' ? (item[key] as string).trim() : '');
    if (!text('instruction')) throw new AnswerError(`step ${index} of the answer has no instruction`);
    steps.push({
      index,
      start: text('start'),
      end: text('end'),
      title: text('title'),
      instruction: text('instruction'),
      target: text('target'),
      value: text('value'),
      parameters: Array.isArray(item['parameters'])
        ? item['parameters'].filter((p): p is string => typeof p === 'string')
        : [],
    });
  }
  return {
    steps,
    skillName: typeof data['skill_name'] === 'string' ? data['skill_name'] : '',
    skillDescription: typeof data['skill_description'] === 'string' ? data['skill_description'] : '',
  };
}
