import type { AgendaItem, Session } from '../agenda';
import { agendaBlocks, procedureLabel } from './agenda';
import { titleIn } from '../agenda/title';
import { COUNCIL_TIME_ZONE } from '../time-zone';
import type { Event } from '../events';
import type { Language } from '../language';
import { articlesOf, listOf } from '../profiles';
import { directorsOf, membersInOffice, type Member } from '../roster';
import type { Motion } from '../state';
import { meetingFor, type Reader } from '../visibility';
import { minutesWords, type Plural } from './catalog';
import { contextOf, heading, paragraph, type Context, type MinutesBlock } from './context';
import { deliberationBlocks } from './deliberation';
import { recordOf, type MinutesRecord } from './record';
import type { MinutesSeal } from './seal';
import { voteBlocks } from './votes';
import { conflictBlocks } from './conflicts';

/** The minutes of a meeting as one reader may have them, in the meeting's language. */
export interface MinutesDocument {
  readonly language: Language;
  /** Final once the meeting is closed; a draft until then. */
  readonly final: boolean;
  readonly title: string;
  readonly subtitle: string;
  /** A draft's mark across each page and its notice on the first; null once final. */
  readonly draft: { readonly mark: string; readonly notice: string } | null;
  readonly labelSeparator: string;
  readonly blocks: readonly MinutesBlock[];
  /** Printed on every page: the seal of the copy (see seal.ts), which the signed paper points at. */
  readonly footer: string;
  /** "Page {page} of {pages}", for the renderer to fill. */
  readonly pageLabel: string;
  /** The time of the last event it shows, so that the same log always gives the same document. */
  readonly asOf: string;
  readonly municipality: string;
}

export interface MinutesInput {
  /** The meeting's whole event log, in order. */
  readonly events: readonly Event[];
  readonly reader: Reader;
  /** What the copy is sealed with, for this reader (`sealFor`). */
  readonly seal: MinutesSeal;
  /** Where the council sits; the log keeps UTC. */
  readonly timeZone?: string;
  /** The service's public address, under which the minutes name the files they point at. */
  readonly origin?: string | undefined;
}

/** People are separated by the list separator once an entry holds a comma of its own (its office). */
function peopleOrNobody(ctx: Context, members: readonly Member[]): string {
  if (members.length === 0) return ctx.words.attendance.nobody;
  const people = members.map(ctx.person);
  return people.join(people.some((p) => p.includes(',')) ? ctx.words.listSeparator : ', ');
}

function headerFacts(ctx: Context): MinutesBlock {
  const { meeting, words } = ctx;
  const { setup } = meeting;
  const person = (role: 'chair' | 'director') => {
    const member = setup.roster.find((m) => m.role === role);
    return member ? ctx.person(member) : '—';
  };
  const rows: [string, string][] = [
    [words.facts.municipality, setup.municipality],
    [words.facts.meeting, setup.title],
    [words.facts.date, ctx.date(meeting.openedAt ?? setup.scheduledStart)],
    [words.facts.mode, ctx.fill(words.modes[setup.mode], { tool: setup.tool })],
    [words.facts.chair, person('chair')],
    [words.facts.director, person('director')],
    [words.facts.rules, words.profiles[meeting.profile.id]],
  ];
  if (setup.convocation > 1) {
    rows.push([words.facts.convocation, ctx.fill(words.convocation, { n: setup.convocation })]);
  }
  if (meeting.convocation) {
    rows.push([words.facts.convocationSent, ctx.date(meeting.convocation.sentAt)]);
  }
  if (meeting.openedAt) rows.push([words.facts.opened, ctx.time(meeting.openedAt)]);
  if (meeting.closedAt) rows.push([words.facts.closed, ctx.time(meeting.closedAt)]);
  return { kind: 'facts', rows };
}

function attendanceBlocks(ctx: Context, record: MinutesRecord): MinutesBlock[] {
  const words = ctx.words.attendance;
  const { meeting } = ctx;
  const inOffice = membersInOffice(meeting.setup.roster);
  const present = inOffice.filter((m) => record.attended.has(m.id));
  const away = inOffice.filter((m) => !record.attended.has(m.id));
  const excused = away.filter((m) => meeting.attendance[m.id]?.status === 'excused');
  const absent = away.filter((m) => meeting.attendance[m.id]?.status !== 'excused');
  const counted = ctx.words.counted;
  const line = (label: Plural, members: Member[]) =>
    paragraph(peopleOrNobody(ctx, members), { label: ctx.count(label, members.length) });
  // The general director attends and drafts the minutes, without a vote (RULES.md, minutesSignedBy).
  const directors = directorsOf(meeting.setup.roster);
  const blocks: MinutesBlock[] = [
    heading(2, words.heading),
    line(counted.present, present),
    line(counted.excused, excused),
    line(counted.absent, absent),
    ...(directors.length > 0
      ? [paragraph(peopleOrNobody(ctx, directors), { label: words.withoutVote })]
      : []),
  ];
  const visible = new Set(meeting.setup.agenda.map((item) => item.id));
  // An observer's copy does not say which closed-session item was under discussion.
  const during = (itemId: string | null) =>
    itemId && visible.has(itemId) ? ctx.fill(words.duringItem, { n: ctx.itemNumber(itemId) }) : '';
  const moments = [
    ...record.movements.map((movement) => ({
      at: movement.at,
      text:
        ctx.fill(words[movement.kind], {
          time: ctx.time(movement.at),
          name: ctx.name(movement.member),
        }) + during(movement.itemId),
    })),
    ...record.quorumLosses.map((loss) => ({
      at: loss.at,
      text:
        ctx.count(words.quorumLost, loss.present, {
          time: ctx.time(loss.at),
          present: loss.present,
          needed: loss.needed,
        }) + during(loss.itemId),
    })),
  ];
  // Both lists are in log order; a loss sorts after the departure that caused it (stable sort).
  const movements = moments.sort((a, b) => a.at.localeCompare(b.at)).map((m) => m.text);
  if (record.presenceByCall) {
    const language = meeting.setup.language;
    const basis = {
      rule: 'joiningCallIsPresence' as const,
      ...meeting.profile.joiningCallIsPresence,
    };
    const articles = articlesOf(language, basis, 'question');
    const cited = articles.length > 0 ? ` (${listOf(language, articles)})` : '';
    blocks.push(paragraph(`${words.byCall}${cited}.`, { label: words.presenceRule }));
  }
  if (movements.length > 0) {
    blocks.push(heading(3, words.movements), { kind: 'list', items: movements });
  }
  if (record.rollCalls.length > 0) {
    const quorum = (report: MinutesRecord['rollCalls'][number]['quorum']) =>
      report.reached
        ? words.quorumReached
        : report.waived
          ? words.quorumWaived
          : words.quorumNotReached;
    blocks.push(heading(3, words.rollCalls), {
      kind: 'list',
      items: record.rollCalls.map(({ at, quorum: report }) =>
        ctx.count(words.rollCall, report.present, {
          time: ctx.time(at),
          present: report.present,
          inOffice: report.inOffice,
          needed: report.needed,
          quorum: quorum(report),
        }),
      ),
    });
  }
  if (record.pauses.length > 0) {
    const pause = ctx.words.suspension;
    blocks.push(heading(3, pause.heading), {
      kind: 'list',
      items: record.pauses.map(
        ({ kind, at, itemId }) => ctx.fill(pause[kind], { time: ctx.time(at) }) + during(itemId),
      ),
    });
  }
  return blocks;
}

function motionBlocks(ctx: Context, motion: Motion, proposed: string): MinutesBlock[] {
  const words = ctx.words.motion;
  const amendment = motion.amends !== null;
  const author = ctx.fill(amendment ? words.amendment : words.motion, {
    name: ctx.name(motion.member),
  });
  const second = motion.secondedBy
    ? `, ${ctx.fill(amendment ? words.amendmentSeconded : words.seconded, {
        name: ctx.name(motion.secondedBy),
      })}`
    : '';
  const status = (amendment ? words.amendmentStatus : words.status)[motion.status];
  const blocks = [
    paragraph(`${author}${second} — ${status}`),
    paragraph(`« ${proposed} »`, { tone: 'quote' }),
  ];
  // An adopted amendment rewrites the motion it amends: the minutes show both texts.
  if (motion.text !== proposed) {
    blocks.push(paragraph(`« ${motion.text} »`, { label: words.amendedText, tone: 'quote' }));
  }
  return blocks;
}

function itemBlocks(
  ctx: Context,
  record: MinutesRecord,
  item: AgendaItem,
  proposed: ReadonlyMap<string, string>,
): MinutesBlock[] {
  const words = ctx.words.item;
  const { meeting } = ctx;
  const blocks: MinutesBlock[] = [
    heading(
      2,
      `${ctx.itemNumber(item.id)}. ${titleIn(item, ctx.meeting.setup.language, ctx.meeting.setup.language)}`,
    ),
  ];
  blocks.push(...agendaBlocks(ctx, item));
  const takenUp = record.takenUpAt.get(item.id);
  if (!takenUp) {
    if (meeting.agendaProgress.setAside[item.id]) return blocks;
    blocks.push(
      paragraph(meeting.status === 'closed' ? words.notTakenUp : words.notYetTakenUp, {
        tone: 'note',
      }),
    );
    return blocks;
  }
  blocks.push(paragraph(ctx.fill(words.takenUpAt, { time: ctx.time(takenUp) })));
  blocks.push(...conflictBlocks(ctx, item.id));
  const speakers = record.speakers.get(item.id) ?? [];
  if (speakers.length > 0) {
    const named = speakers.map(({ member, kind }) =>
      kind === 'contribution'
        ? ctx.name(member)
        : `${ctx.name(member)} (${ctx.words.floorKinds[kind]})`,
    );
    blocks.push(paragraph(named.join(', '), { label: words.speakers }));
  }
  const corrections = meeting.corrections?.[item.id] ?? [];
  if (corrections.length > 0) {
    blocks.push(
      paragraph(corrections.join(' — '), { label: ctx.words.previousMinutes.corrections }),
    );
  }
  const motions = Object.values(meeting.motions).filter((m) => m.itemId === item.id);
  for (const motion of motions) {
    blocks.push(...motionBlocks(ctx, motion, proposed.get(motion.id) ?? motion.text));
  }
  blocks.push(...deliberationBlocks(ctx, item));
  const votes = Object.values(meeting.votes).filter((v) => v.itemId === item.id);
  votes.forEach((vote, index) =>
    blocks.push(...procedureLabel(ctx, vote), ...voteBlocks(ctx, vote, index + 1)),
  );
  if (votes.length === 0) blocks.push(paragraph(words.noVote, { tone: 'note' }));
  return blocks;
}

function sessionBlocks(
  ctx: Context,
  record: MinutesRecord,
  session: Session,
  proposed: ReadonlyMap<string, string>,
): MinutesBlock[] {
  const items = ctx.meeting.setup.agenda.filter((item) => item.session === session);
  if (items.length === 0) return [];
  return [
    heading(1, ctx.words.sessions[session]),
    ...items.flatMap((item) => itemBlocks(ctx, record, item, proposed)),
  ];
}

function signatureBlock(ctx: Context, closing: string): MinutesBlock {
  const { roster } = ctx.meeting.setup;
  const signatories = ctx.meeting.profile.minutesSignedBy.value.map((role) => {
    const member = roster.find((m) => m.role === role);
    if (!member) return { role: ctx.words.roles[role], name: '' };
    const office = ctx.office(member);
    // With an office on the roster, the title (Mme, Dr) goes with the name; without, it names the role.
    if (office)
      return { role: office, name: [member.title, member.name].filter(Boolean).join(' ') };
    return { role: member.title ?? ctx.words.roles[role], name: member.name };
  });
  return {
    kind: 'signatures',
    closing,
    intro: ctx.words.signatures.intro,
    approval: ctx.words.signatures.approval,
    signatories,
  };
}

/** The text of each motion as it was proposed; the state keeps the text as amended. */
function proposedTexts(events: readonly Event[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'MotionProposed') texts.set(event.motionId, event.text);
  }
  return texts;
}

/**
 * The minutes of a meeting from its event log, as `reader` may have them: an observer's copy has no
 * closed-session item, and a result not yet published is in the director's copy only. Null when the
 * log holds no meeting.
 */
export function minutesOf(input: MinutesInput): MinutesDocument | null {
  const record = recordOf(input.events);
  if (!record) return null;
  const full = record.meeting;
  const language = full.setup.language;
  const words = minutesWords[language];
  const ctx = contextOf(
    words,
    full,
    meetingFor(full, input.reader),
    input.reader,
    input.timeZone ?? COUNCIL_TIME_ZONE,
    input.origin,
  );
  const final = full.status === 'closed';
  const observer = input.reader === null || input.reader === 'observer';
  const proposed = proposedTexts(input.events);
  const { seal } = input;
  const asOf = 'seq' in seal ? record.lastAt : seal.at;
  const closing = full.closedAt
    ? ctx.fill(words.closing.closedAt, { time: ctx.time(full.closedAt) })
    : 'seq' in seal
      ? ctx.fill(words.closing.draftState, { time: ctx.time(asOf), seq: seal.seq })
      : ctx.fill(words.closing.draftStateOfCopy, { time: ctx.time(asOf) });
  const blocks: MinutesBlock[] = [
    headerFacts(ctx),
    ...(observer ? [paragraph(words.publicCopy, { tone: 'note' })] : []),
    ...attendanceBlocks(ctx, record),
    ...sessionBlocks(ctx, record, 'public', proposed),
    ...sessionBlocks(ctx, record, 'closed', proposed),
    signatureBlock(ctx, closing),
  ];
  return {
    language,
    final,
    title: words.title,
    subtitle: full.setup.title,
    draft: final ? null : { mark: words.draftMark, notice: words.draftBanner },
    labelSeparator: words.labelSeparator,
    blocks,
    footer:
      'seq' in seal
        ? ctx.fill(words.footer.seal, { seq: seal.seq, hash: seal.hash })
        : ctx.fill(words.footer.sealOfCopy, { hash: seal.hash }),
    pageLabel: words.footer.page,
    asOf,
    municipality: full.setup.municipality,
  };
}
