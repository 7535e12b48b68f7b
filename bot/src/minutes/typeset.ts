import { fold, minutesOf, sealFor, type LoggedEvent, type Reader } from '@council/shared';
import { renderMinutesPdf } from './pdf';

export interface Typeset {
  readonly pdf: Uint8Array;
  /** ASCII, for a Content-Disposition header or a chat attachment. */
  readonly fileName: string;
  /** False while the meeting runs: the PDF is then marked as a draft. */
  readonly final: boolean;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The minutes to typeset: the log up to the event they stop at, and their audience. */
export interface MinutesOrder {
  readonly log: readonly LoggedEvent[];
  readonly reader: Reader;
  /** The service's public address, under which the minutes name the files they point at. */
  readonly origin?: string | undefined;
}

/**
 * The minutes drawn from the log for one audience and laid out as a PDF, or null when there is no
 * meeting. All of it is work for a worker thread: drawing a long meeting's minutes costs as much
 * time as typesetting them.
 */
export async function typeset({ log, reader, origin }: MinutesOrder): Promise<Typeset | null> {
  const events = log.map((entry) => entry.event);
  const state = fold(events);
  if (state.status === 'none') return null;
  const seal = sealFor(state, log, reader);
  const minutes = seal && minutesOf({ events, reader, seal, origin });
  if (!minutes) return null;
  const day = state.setup.scheduledStart.slice(0, 10);
  const name = `${slug(minutes.title)}-${slug(minutes.municipality)}-${day}`;
  return {
    pdf: await renderMinutesPdf(minutes),
    fileName: `${name}${minutes.final ? '' : '-draft'}.pdf`,
    final: minutes.final,
  };
}
