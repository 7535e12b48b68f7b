/**
 * What the tests read in the bot's cards, on top of the activities the demo meeting speaks to the
 * bot with (bot/src/demo-meeting/teams.ts).
 */
import {
  ADAPTIVE_CARD,
  actionsOf,
  adaptiveCardIn,
  type Card,
  type Posted,
} from '../../../bot/src/demo-meeting/teams';
import type { Call } from './connector';

export * from '../../../bot/src/demo-meeting/teams';

/** The Adaptive Card of a message the bot sent or updated. */
export function cardOf(call: Call | { body: Record<string, unknown> }): Card {
  const card = adaptiveCardIn(call.body);
  if (!card) throw new Error(`no card in ${JSON.stringify(call.body).slice(0, 300)}`);
  return card;
}

/** The card of an invoke's answer (a member's own view). */
export function viewOf(posted: Posted): Card {
  if (posted.body.type !== ADAPTIVE_CARD) {
    throw new Error(`not a card: ${JSON.stringify(posted)}`);
  }
  return posted.body.value as Card;
}

export function button(card: Card, verb: string, match: Partial<Record<string, unknown>> = {}) {
  const found = actionsOf(card).find(
    (a) => a.verb === verb && Object.entries(match).every(([k, v]) => a.data[k] === v),
  );
  if (!found) {
    const have = actionsOf(card).map((a) => `${a.verb} ${JSON.stringify(a.data)}`);
    throw new Error(`no ${verb} button; the card has:\n${have.join('\n')}`);
  }
  return found;
}

export function hasButton(card: Card, verb: string): boolean {
  return actionsOf(card).some((a) => a.verb === verb);
}

/** All the text a reader sees on a card, in order, on one line each. */
export function textOf(card: Card): string {
  const lines: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') lines.push(element.text);
    if (element.type === 'FactSet') {
      for (const fact of element.facts as { title: string; value: string }[]) {
        lines.push(`${fact.title}: ${fact.value}`);
      }
    }
    if (element.type === 'Action.Execute' || element.type === 'Action.ShowCard') {
      lines.push(`[${String(element.title)}]`);
    }
    for (const key of ['body', 'items', 'columns', 'actions', 'card']) visit(element[key]);
  };
  visit(card);
  return lines.join('\n');
}
