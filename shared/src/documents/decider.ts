import type { ItemId } from '../agenda';
import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { DocumentEvent } from '../events';
import type { ItemDocument, Meeting } from '../state';
import { documentLinkRefusal } from './link';

export type DocumentCommand = CommandOf<'AttachDocument' | 'RemoveDocument'>;

/** More than any item's file: a draft, its annexes, the opinions and the plans. */
export const MAX_ITEM_DOCUMENTS = 30;

export const documentsOf = (meeting: Meeting, itemId: ItemId): readonly ItemDocument[] =>
  meeting.documents?.[itemId] ?? [];

/**
 * An item the council has decided: a vote on it (not on the order of business) counted and not
 * void. Its file is then the one it was decided on, and stays so.
 */
function decided(meeting: Meeting, itemId: ItemId): boolean {
  return Object.values(meeting.votes).some(
    (vote) => vote.itemId === itemId && !vote.procedure && vote.result !== null && !vote.quorumLost,
  );
}

function attach(meeting: Meeting, command: CommandOf<'AttachDocument'>): Decision {
  const documents = documentsOf(meeting, command.itemId);
  if (documents.some((document) => document.url === command.url)) {
    return refuse('DOCUMENT_ALREADY_ATTACHED');
  }
  if (documents.length >= MAX_ITEM_DOCUMENTS) {
    return refuse('DOCUMENTS_LIMIT', { max: MAX_ITEM_DOCUMENTS });
  }
  return (
    documentLinkRefusal(command.url) ??
    accept({
      type: 'DocumentAttached',
      itemId: command.itemId,
      document: { id: command.newId, title: command.title, url: command.url },
      ...stamp(command),
    })
  );
}

function remove(meeting: Meeting, command: CommandOf<'RemoveDocument'>): Decision {
  const documents = documentsOf(meeting, command.itemId);
  if (!documents.some((document) => document.id === command.documentId)) {
    return refuse('DOCUMENT_NOT_FOUND');
  }
  return accept({
    type: 'DocumentRemoved',
    itemId: command.itemId,
    documentId: command.documentId,
    ...stamp(command),
  });
}

/**
 * The file of each item that goes to the members with the convocation (CDLD L1122-13 §1: the
 * documents at their disposal from then on; NLC art. 87; DLB art. 20 with the draft decisions),
 * prepared by the director until the council decides the item.
 */
export function decideDocuments(meeting: Meeting, command: DocumentCommand): Decision {
  if (meeting.status === 'closed') return refuse('MEETING_CLOSED');
  if (!meeting.setup.agenda.some((item) => item.id === command.itemId)) {
    return refuse('ITEM_NOT_FOUND', { item: command.itemId });
  }
  if (decided(meeting, command.itemId)) return refuse('DOCUMENTS_ITEM_DECIDED');
  switch (command.type) {
    case 'AttachDocument':
      return attach(meeting, command);
    case 'RemoveDocument':
      return remove(meeting, command);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export function evolveDocuments(meeting: Meeting, event: DocumentEvent): Meeting {
  const documents = documentsOf(meeting, event.itemId);
  switch (event.type) {
    case 'DocumentAttached':
      return {
        ...meeting,
        documents: { ...meeting.documents, [event.itemId]: [...documents, event.document] },
      };
    case 'DocumentRemoved':
      return {
        ...meeting,
        documents: {
          ...meeting.documents,
          [event.itemId]: documents.filter((document) => document.id !== event.documentId),
        },
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
