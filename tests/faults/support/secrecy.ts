/**
 * An auditor's scan for what would link a member to a secret choice: in each record (a database
 * row, a log line, an event, an API answer, a card), any one object that names both the member and
 * the choice they made, side by side or one as the key of the other; in plain text, a line that
 * names both.
 */

export interface Ballot {
  readonly voteId: string;
  readonly member: string;
  readonly choice: string;
}

export interface SourceRecord {
  /** Where it was found: "table ballot_counters", "log", "SSE of the chair"… */
  readonly source: string;
  readonly text: string;
}

export interface Finding {
  readonly source: string;
  readonly ballot: Ballot;
  readonly excerpt: string;
}

const names = (value: unknown, what: string): boolean =>
  typeof value === 'string' ? value === what || value.includes(what) : false;

const holds = (value: unknown, what: string): boolean =>
  names(value, what) || (Array.isArray(value) && value.some((v) => names(v, what)));

/** Whether one object, by its own keys and values (not deeper), links `member` to `choice`. */
function linksIn(node: Record<string, unknown> | unknown[], { member, choice }: Ballot): boolean {
  const entries: [string, unknown][] = Array.isArray(node)
    ? node.map((v, i) => [String(i), v])
    : Object.entries(node);
  const sides = (what: string, word: boolean) =>
    entries.some(
      ([key, value]) =>
        key === what ||
        (word ? value === what : names(value, what)) ||
        // One as the key of the other: { [member]: choice } or { [choice]: [members] }.
        (key === (what === member ? choice : member) && holds(value, what)),
    );
  return sides(member, false) && sides(choice, true);
}

/** The vote an object belongs to: its own `voteId`, or the id of a vote (which has choices). */
function voteOf(node: Record<string, unknown> | unknown[]): string | undefined {
  if (Array.isArray(node)) return undefined;
  for (const key of ['voteId', 'vote_id']) if (typeof node[key] === 'string') return node[key];
  return Array.isArray(node.choices) && typeof node.id === 'string' ? node.id : undefined;
}

/** Visits every object with the vote it sits in, if any: another vote's ballots are its own. */
function walk(
  value: unknown,
  visit: (node: Record<string, unknown> | unknown[], vote: string | undefined) => void,
  vote?: string,
): void {
  if (typeof value !== 'object' || value === null) return;
  const node = value as Record<string, unknown> | unknown[];
  const inside = voteOf(node) ?? vote;
  visit(node, inside);
  for (const inner of Object.values(node)) walk(inner, visit, inside);
}

const word = (text: string, what: string) =>
  new RegExp(`(^|[^\\w-])${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`).test(text);

/** Every place where a record links one of `ballots`' members to the choice they made. */
export function scanForLinks(
  records: readonly SourceRecord[],
  ballots: readonly Ballot[],
): Finding[] {
  const findings: Finding[] = [];
  for (const record of records) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(record.text);
    } catch {
      parsed = undefined;
    }
    for (const ballot of ballots) {
      let found = false;
      if (typeof parsed === 'object' && parsed !== null) {
        walk(parsed, (node, vote) => {
          found ||= (vote === undefined || vote === ballot.voteId) && linksIn(node, ballot);
        });
      } else {
        found = record.text
          .split('\n')
          .some((line) => line.includes(ballot.member) && word(line, ballot.choice));
      }
      if (found)
        findings.push({ source: record.source, ballot, excerpt: record.text.slice(0, 300) });
    }
  }
  return findings;
}
