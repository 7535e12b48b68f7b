import { z } from 'zod';
import { checkChain, type ChainedEvent } from '../store';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const lineSchema = z
  .object({
    meetingId: z.string().min(1),
    seq: z.number().int().min(1),
    type: z.string().min(1),
    data: z.unknown(),
    at: z.string(),
    prevHash: hex64,
    hash: hex64,
  })
  .strict();

export type Verdict =
  | {
      readonly intact: true;
      readonly meetingId: string;
      readonly events: number;
      readonly lastSeq: number;
      readonly lastHash: string;
    }
  | {
      readonly intact: false;
      /** The first event that does not hold, or the line of the file that could not be read. */
      readonly where: string;
      readonly reason: string;
    };

/** Reads an export line by line; a line that is not a stored event breaks the log there. */
export function parseEventsJsonl(text: string): ChainedEvent[] | Verdict {
  const events: ChainedEvent[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [index, line] of lines.entries()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return { intact: false, where: `line ${index + 1}`, reason: 'the line is not JSON' };
    }
    const event = lineSchema.safeParse(parsed);
    if (!event.success) {
      const issue = event.error.issues[0];
      const field = issue?.path.join('.') || 'the line';
      return {
        intact: false,
        where: `line ${index + 1}`,
        reason: `${field} is not as the log writes it`,
      };
    }
    events.push({ ...event.data, data: event.data.data ?? null });
  }
  return events;
}

/**
 * Recomputes the hash chain of a whole log: it must start at event 1, from the genesis hash, and each
 * event must hash to what the next one names. Cutting events off the end leaves a valid chain, so the
 * verdict gives the last event's hash, to compare with the footer of the signed minutes.
 */
export function verifyChain(events: readonly ChainedEvent[]): Verdict {
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) return { intact: false, where: 'the log', reason: 'there is no event' };
  const event = (seq: number) => {
    const found = events.find((e) => e.seq === seq);
    return found ? `event ${seq} (${found.type}, ${found.at})` : `event ${seq}`;
  };
  if (first.seq !== 1) {
    return { intact: false, where: event(first.seq), reason: 'the log does not start at event 1' };
  }
  const check = checkChain(events);
  if (!check.intact) return { intact: false, where: event(check.seq), reason: check.reason };
  return {
    intact: true,
    meetingId: first.meetingId,
    events: events.length,
    lastSeq: last.seq,
    lastHash: last.hash,
  };
}

export function describeVerdict(verdict: Verdict): string {
  return verdict.intact
    ? `intact: ${verdict.events} events of meeting ${verdict.meetingId}; ` +
        `last event ${verdict.lastSeq}, hash ${verdict.lastHash}`
    : `BROKEN at ${verdict.where}: ${verdict.reason}`;
}
