import type { AgendaItem } from '../agenda';
import type { Vote } from '../state';
import { paragraph, type Context, type MinutesBlock } from './context';

const note = (text: string) => paragraph(text, { tone: 'note' });

/**
 * What the sitting decided of an item's place, with who decided and when: withdrawn or postponed
 * (then never "examined"), added as urgent, or moved behind closed doors.
 */
export function agendaBlocks(ctx: Context, item: AgendaItem): MinutesBlock[] {
  const words = ctx.words.agenda;
  const progress = ctx.meeting.agendaProgress;
  const blocks: MinutesBlock[] = [];
  if (progress.urgent[item.id]) blocks.push(note(words.urgent));
  const closed = progress.closedInSitting[item.id];
  if (closed) {
    const text = closed.reason === 'mandatory' ? words.closedAtOnce : words.closedByVote;
    blocks.push(note(ctx.fill(text, { name: ctx.name(closed.by), time: ctx.time(closed.at) })));
  }
  const aside = progress.setAside[item.id];
  if (aside) {
    const params = { name: ctx.name(aside.by), time: ctx.time(aside.at) };
    blocks.push(note(ctx.fill(words[aside.how], params)));
    if (aside.reason) blocks.push(paragraph(aside.reason, { label: words.reason }));
  }
  return blocks;
}

/** A procedural vote says what it decided, lest it read as the vote on the item itself. */
export function procedureLabel(ctx: Context, vote: Vote): MinutesBlock[] {
  return vote.procedure ? [note(ctx.words.agenda.procedure[vote.procedure.kind])] : [];
}
