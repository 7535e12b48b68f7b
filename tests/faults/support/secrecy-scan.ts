/**
 * The secrecy scanner: given every record a run of the service left behind (rows, log lines,
 * events, live messages, responses, connector calls) and what each member chose in each secret
 * vote, it names the records that pair a member with a choice (DESIGN.md, "The secret ballot:
 * invariants").
 */

/** Something the service wrote or sent, as text: JSON when it parses, otherwise lines of text. */
export interface ScanRecord {
  /** Where it came from, for the report: "log #12", "sse director #40", "db sealed_ballots #3". */
  readonly source: string;
  readonly text: string;
}

export interface Voter {
  /** Every way a record may name them: object id, Teams user id, display name. */
  readonly identifiers: readonly string[];
}

export interface SecretVoteTruth {
  readonly voteId: string;
  /** Choice ids (candidate ids, 'yes', 'no', 'abstain'). */
  readonly choices: readonly string[];
  /** What each voter (by object id) chose: known to the test only. */
  readonly ballots: ReadonlyMap<string, string>;
}

export interface Finding {
  readonly rule: string;
  readonly source: string;
  readonly detail: string;
}

interface Pairing {
  readonly voter: string;
  readonly choice: string;
  readonly how: string;
}

/**
 * Rule 1: no record pairs a voter's identifier with a choice of a secret vote they voted in, in
 * one JSON object (a member keyed to a choice, a choice keyed to members, or a member and a choice
 * as two fields of one object), or in one string or line of text. A pairing counts whatever the
 * choice it names, the member's own or not: a structure that pairs members with choices leaks
 * whenever it is filled in truthfully, so it is refused outright rather than by the odds. Within
 * JSON, a choice that several votes share ('abstain') pairs only in an object whose own fields, or
 * its parents', name the vote. Blind spot: a candidate who voted for themselves, since their
 * identifier is the choice.
 */
export function scanPairings(
  records: readonly ScanRecord[],
  votes: readonly SecretVoteTruth[],
  voters: ReadonlyMap<string, Voter>,
): Finding[] {
  const memberOf = new Map<string, string>();
  for (const [objectId, voter] of voters) {
    for (const identifier of voter.identifiers) memberOf.set(identifier, objectId);
  }
  const votesOfChoice = new Map<string, SecretVoteTruth[]>();
  for (const vote of votes) {
    for (const choice of vote.choices) {
      votesOfChoice.set(choice, [...(votesOfChoice.get(choice) ?? []), vote]);
    }
  }
  const voteIds = new Set(votes.map((v) => v.voteId));
  const findings: Finding[] = [];

  const judge = (source: string, pairing: Pairing, context: ReadonlySet<string>) => {
    const candidates = votesOfChoice.get(pairing.choice) ?? [];
    const concerned = candidates.filter(
      (vote) =>
        vote.ballots.has(pairing.voter) && (candidates.length === 1 || context.has(vote.voteId)),
    );
    for (const vote of concerned) {
      const actual = vote.ballots.get(pairing.voter);
      findings.push({
        rule: 'a record pairs a voter with a secret choice',
        source,
        detail:
          `${pairing.how}: member ${pairing.voter} with "${pairing.choice}" of vote ${vote.voteId}` +
          ` (their actual choice: ${actual === pairing.choice ? 'the same' : 'another'})`,
      });
    }
  };

  const ownIdentifier = (choice: string, voter: string) => memberOf.get(choice) === voter;

  const inString = (source: string, text: string, context: ReadonlySet<string>) => {
    const named = [...memberOf.keys()].filter((id) => id.length >= 6 && text.includes(id));
    if (named.length === 0) return;
    for (const choice of votesOfChoice.keys()) {
      // A candidate's identifier in a text is a name among others: only JSON structure can say
      // more. The other choices are words ('yes', 'abstain', a candidate's id) to find whole.
      if (memberOf.has(choice)) continue;
      if (!new RegExp(`(^|[^\\w-])${escape(choice)}($|[^\\w-])`).test(text)) continue;
      for (const id of new Set(named.map((n) => memberOf.get(n) ?? ''))) {
        judge(source, { voter: id, choice, how: 'one text names both' }, context);
      }
    }
  };

  const walk = (source: string, node: unknown, parents: ReadonlySet<string>): void => {
    if (typeof node === 'string') {
      inString(source, node, parents);
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) walk(source, item, parents);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const entries = Object.entries(node as Record<string, unknown>);
    const context = new Set(parents);
    for (const [key, value] of entries) {
      if (voteIds.has(key)) context.add(key);
      if (typeof value === 'string' && voteIds.has(value)) context.add(value);
    }
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : Array.isArray(value)
          ? value.filter((v): v is string => typeof v === 'string')
          : [];
    for (const [key, value] of entries) {
      const keyMember = memberOf.get(key);
      if (keyMember) {
        for (const choice of strings(value).filter((s) => votesOfChoice.has(s))) {
          if (!ownIdentifier(choice, keyMember))
            judge(source, { voter: keyMember, choice, how: `key ${key} holds a choice` }, context);
        }
      }
      if (votesOfChoice.has(key)) {
        for (const voter of strings(value).flatMap((s) => memberOf.get(s) ?? [])) {
          if (!ownIdentifier(key, voter))
            judge(source, { voter, choice: key, how: `choice ${key} holds a member` }, context);
        }
      }
    }
    const fields = entries.filter((e): e is [string, string] => typeof e[1] === 'string');
    for (const [memberKey, memberValue] of fields) {
      const voter = memberOf.get(memberValue);
      if (!voter) continue;
      for (const [choiceKey, choice] of fields) {
        if (choiceKey === memberKey || !votesOfChoice.has(choice) || ownIdentifier(choice, voter))
          continue;
        judge(source, { voter, choice, how: `fields ${memberKey} and ${choiceKey}` }, context);
      }
    }
    for (const [, value] of entries) walk(source, value, context);
  };

  for (const record of records) {
    for (const [index, unit] of unitsOf(record.text).entries()) {
      walk(`${record.source}${index > 0 ? ` line ${index + 1}` : ''}`, unit, new Set());
    }
  }
  return findings;
}

/** A record as JSON when it parses, else each line of it (JSON lines, a PDF's text, a CSV). */
function unitsOf(text: string): unknown[] {
  const parsed = parse(text);
  if (parsed !== undefined) return [parsed];
  return text.split('\n').map((line) => parse(line) ?? line);
}

function parse(text: string): unknown {
  const trimmed = text.trim();
  if (!/^[[{"]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Members' identifiers replaced by one placeholder, so that two members' views compare. */
export function withoutIdentities(text: string, members: readonly Voter[]): string {
  const identifiers = members.flatMap((m) => m.identifiers).sort((a, b) => b.length - a.length);
  let out = text;
  for (const identifier of identifiers) out = out.split(identifier).join('<voter>');
  return out;
}

/**
 * Rule 3: what each member received for their own ballot (the answer to it, their view of the vote
 * after it) is the same text whatever they chose, once the identities of the members compared are
 * taken out (each view may name who has voted: participation is public). `views` maps each
 * voter to their copy of one kind of view (e.g. "tab answer").
 */
export function sameWhateverTheChoice(
  vote: SecretVoteTruth,
  kind: string,
  views: ReadonlyMap<string, string>,
  voters: ReadonlyMap<string, Voter>,
): Finding[] {
  const compared = [...views.keys()].flatMap((id) => voters.get(id) ?? []);
  const byText = new Map<string, string[]>();
  for (const [objectId, text] of views) {
    const choice = vote.ballots.get(objectId);
    if (choice === undefined) continue;
    const normal = withoutIdentities(text, compared);
    byText.set(normal, [...(byText.get(normal) ?? []), `${objectId} (${choice})`]);
  }
  if (byText.size <= 1) return [];
  const [[first, whose] = ['', []], ...others] = [...byText.entries()];
  return others.map(([text, them]) => {
    let at = 0;
    while (at < text.length && text[at] === first[at]) at++;
    const around = (t: string) => t.slice(Math.max(0, at - 150), at + 150);
    return {
      rule: 'a voter’s own view depends on their choice',
      source: `${kind}, vote ${vote.voteId}`,
      detail: `${whose.join(', ')} see …${around(first)}…\n  ${them.join(', ')} see …${around(text)}…`,
    };
  });
}

/**
 * Rule 4: before the director publishes, no record a councillor or an observer received holds the
 * count: the vote's record (an object whose `id` is the vote's) has no `tally` and no `result`
 * filled in, and no text shows a choice next to its count. `labels` gives, for the choices that
 * name this vote alone, the words a card or the minutes show for them (and the id itself).
 */
export function countsAbsent(
  records: readonly ScanRecord[],
  vote: SecretVoteTruth,
  labels: ReadonlyMap<string, readonly string[]>,
): Finding[] {
  const counts = new Map<string, number>();
  for (const choice of vote.ballots.values()) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  const patterns: RegExp[] = [];
  for (const [choice, words] of labels) {
    const n = counts.get(choice) ?? 0;
    patterns.push(new RegExp(`"${escape(choice)}":\\s*${n}\\b`));
    for (const word of words)
      patterns.push(new RegExp(`${escape(word)}\\**\\s*(:|\\()\\s*${n}\\b`));
  }
  const findings: Finding[] = [];
  const filled = (node: unknown): string | undefined => {
    if (Array.isArray(node)) return node.map(filled).find(Boolean);
    if (typeof node !== 'object' || node === null) return undefined;
    const object = node as Record<string, unknown>;
    if (object.id === vote.voteId || object.voteId === vote.voteId) {
      for (const key of ['tally', 'result']) {
        if (object[key] !== undefined && object[key] !== null)
          return `${key}: ${JSON.stringify(object[key])}`;
      }
    }
    const inside = vote.voteId in object ? [object[vote.voteId]] : [];
    return [...inside, ...Object.values(object)].map(filled).find(Boolean);
  };
  for (const record of records) {
    const structural = unitsOf(record.text).map(filled).find(Boolean);
    if (structural) {
      findings.push({
        rule: 'a count before publication',
        source: record.source,
        detail: structural,
      });
      continue;
    }
    const hit = patterns.find((p) => p.test(record.text));
    if (hit)
      findings.push({
        rule: 'a count before publication',
        source: record.source,
        detail: `${hit.source} in ${excerpt(record.text, hit)}`,
      });
  }
  return findings;
}

function excerpt(text: string, pattern: RegExp): string {
  const at = text.search(pattern);
  return text.slice(Math.max(0, at - 120), at + 120);
}

export interface Column {
  readonly table: string;
  readonly column: string;
  readonly type: string;
  readonly defaultValue: string | null;
}

/**
 * Rule 2: the ballot box holds sealed ballots, each keyed by its tracker, and nothing else: no
 * member, no time, no order (no serial, identity or timestamp column), and the counter box it
 * replaced is gone; the participation register holds who voted and nothing of what they chose.
 */
export function ballotBoxShape(columns: readonly Column[]): Finding[] {
  const findings: Finding[] = [];
  const of = (table: string) => columns.filter((c) => c.table === table);
  const expect = (table: string, names: readonly string[]) => {
    const have = of(table).map((c) => c.column);
    if (have.sort().join() !== [...names].sort().join()) {
      findings.push({
        rule: 'the ballot box’s shape',
        source: `table ${table}`,
        detail: `columns ${have.join(', ') || 'none'}; expected ${names.join(', ') || 'no table'}`,
      });
    }
  };
  expect('ballot_boxes', ['vote_id', 'meeting_id', 'closed']);
  expect('sealed_ballots', ['vote_id', 'meeting_id', 'tracker', 'ballot']);
  expect('ballot_counters', []);
  expect('ballot_participation', ['vote_id', 'member_id']);
  for (const column of columns.filter(
    (c) => c.table.startsWith('ballot_') || c.table === 'sealed_ballots',
  )) {
    if (/time|date|serial/.test(column.type) || /nextval|now\(\)/.test(column.defaultValue ?? ''))
      findings.push({
        rule: 'the ballot box’s shape',
        source: `table ${column.table}`,
        detail: `${column.column} (${column.type}, default ${column.defaultValue}) orders or dates the ballots`,
      });
  }
  return findings;
}

/**
 * Rule 5: a sealed ballot holds ciphertexts and proofs only: no key or value of it is a voter's
 * identifier or a choice of the vote. (Compared whole, not as substrings: a base64url ciphertext
 * holds "yes" somewhere often enough.)
 */
export function sealedBallotsOpaque(
  rows: readonly ScanRecord[],
  votes: readonly SecretVoteTruth[],
  voters: ReadonlyMap<string, Voter>,
): Finding[] {
  const telling = new Set([
    ...votes.flatMap((v) => v.choices),
    ...[...voters.values()].flatMap((v) => v.identifiers),
  ]);
  const found = (node: unknown): string | undefined => {
    if (typeof node === 'string') return telling.has(node) ? node : undefined;
    if (Array.isArray(node)) return node.map(found).find(Boolean);
    if (typeof node !== 'object' || node === null) return undefined;
    return Object.entries(node as Record<string, unknown>)
      .flatMap(([key, value]) => [telling.has(key) ? key : undefined, found(value)])
      .find(Boolean);
  };
  return rows.flatMap((row) => {
    const { ballot } = JSON.parse(row.text) as { ballot: unknown };
    const told = found(typeof ballot === 'string' ? (JSON.parse(ballot) as unknown) : ballot);
    return told
      ? [
          {
            rule: 'a sealed ballot tells something',
            source: row.source,
            detail: `it holds ${told}`,
          },
        ]
      : [];
  });
}

/**
 * Each ballot's tracker (and any shortened form of it) replaced by one placeholder, so that two
 * members' receipts compare: a tracker is a hash of the member's own ciphertext, different for
 * every ballot whatever its choice.
 */
export function withoutTrackers(text: string, trackers: readonly string[]): string {
  if (trackers.length === 0) return text;
  const prefixes = trackers.map((t) => escape(t.slice(0, 8)));
  return text.replace(new RegExp(`(${prefixes.join('|')})[0-9a-f]*`, 'g'), '<tracker>');
}
