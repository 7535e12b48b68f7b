import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { PublicationEvent } from '../events';
import type { Meeting } from '../state';

/**
 * The documents of a sitting the linked publication puts online (DLB arts 285–286, BVR of 20 April
 * 2018): the agenda and each supplementary agenda, the decision list, the minutes once sealed and an
 * extract of each decision.
 */
export const publicationKinds = [
  'agenda',
  'supplementaryAgenda',
  'decisionList',
  'minutes',
  'extract',
] as const;
export type PublicationKind = (typeof publicationKinds)[number];

/** One entry of the register of publications: what went online, its exact bytes' hash, and when. */
export interface Publication {
  readonly kind: PublicationKind;
  /** The document's address under /public, its identifier. */
  readonly path: string;
  /** SHA-256 (hex) of the bytes served. */
  readonly sha256: string;
  /** The log's sequence number of the state the document was rendered from. */
  readonly asOf: number;
  readonly at: string;
}

/** The register's latest entry for a document, if it was ever published. */
export function lastPublication(meeting: Meeting, path: string): Publication | undefined {
  return meeting.publications?.findLast((entry) => entry.path === path);
}

/**
 * The register of publications (DLB art. 286 §2, in force 6 July 2023): the service records each
 * version of a public document as it goes online; a version already recorded is not recorded again,
 * and nothing is published of a sitting before it is convened.
 */
export function decidePublication(
  meeting: Meeting,
  command: CommandOf<'PublishDocument'>,
): Decision {
  if (meeting.status === 'draft') return refuse('MEETING_NOT_CONVENED');
  if (lastPublication(meeting, command.path)?.sha256 === command.sha256) {
    return refuse('ALREADY_PUBLISHED');
  }
  const { kind, path, sha256, asOf } = command;
  return accept({ type: 'DocumentPublished', kind, path, sha256, asOf, ...stamp(command) });
}

export function evolvePublication(meeting: Meeting, event: PublicationEvent): Meeting {
  const { kind, path, sha256, asOf, at } = event;
  return {
    ...meeting,
    publications: [...(meeting.publications ?? []), { kind, path, sha256, asOf, at }],
  };
}
