/** Adaptive Card elements, as Teams renders them (schema 1.4: the first with Universal Actions). */
export type Element = Readonly<Record<string, unknown>>;

export interface Card {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.4';
  readonly body: readonly Element[];
  readonly actions?: readonly Element[];
  readonly refresh?: Element;
}

export type Tone = 'good' | 'attention' | 'warning' | 'default';

export function adaptiveCard(body: readonly Element[], actions: readonly Element[] = []): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export function text(value: string, options: Record<string, unknown> = {}): Element {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function heading(value: string): Element {
  return text(value, { size: 'Medium', weight: 'Bolder' });
}

export function subtle(value: string): Element {
  return text(value, { isSubtle: true, spacing: 'None' });
}

export function notice(value: string, tone: Tone): Element {
  return text(value, {
    color: tone === 'default' ? 'Default' : capitalised(tone),
    weight: 'Bolder',
  });
}

export function facts(pairs: readonly (readonly [string, string])[]): Element {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

/** A Universal Action: Teams sends it to the bot as an `adaptiveCard/action` invoke. */
export function execute(
  title: string,
  verb: string,
  data: Readonly<Record<string, unknown>>,
  style?: 'positive' | 'destructive',
): Element {
  return { type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}) };
}

/** A form folded under a button; its inputs travel in the data of its own Action.Execute. */
export function form(title: string, body: readonly Element[], submit: Element): Element {
  return { type: 'Action.ShowCard', title, card: adaptiveCard(body, [submit]) };
}

export function textInput(id: string, label: string, maxLength: number, error: string): Element {
  return {
    type: 'Input.Text',
    id,
    label,
    isMultiline: true,
    isRequired: true,
    maxLength,
    errorMessage: error,
  };
}

/** A compact drop-down; its value travels as a string, '' when the first choice is kept. */
export function choiceInput(
  id: string,
  label: string,
  choices: readonly { readonly title: string; readonly value: string }[],
): Element {
  return { type: 'Input.ChoiceSet', id, label, style: 'compact', value: '', choices };
}

function capitalised(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
