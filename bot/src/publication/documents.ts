import type { Meeting, PublicationKind } from '@council/shared';
import { publicPath } from '../public/address';
import { agendaPage, supplementPage } from './agenda';
import { closedDecisions } from './closed-decisions';
import { decisionListPage } from './decision-list';
import { extractPage } from './extract';
import { minutesPage } from './minutes';
import { sheetOf, type Sheet } from './sitting';
import { publishedVotes } from './treatment';
import { addressesOf } from './vocabulary';

/** A document of the sitting that is online now, by its address under /public. */
export interface PublicDocument {
  readonly kind: PublicationKind;
  readonly path: string;
  readonly render: () => string;
}

/**
 * Which documents of a sitting are online, as its state says: the agenda and its supplements once
 * convened, an extract of each decision whose result the director published, the decision list
 * once the sitting is closed, the minutes once sealed. `origin` is the service's public address.
 */
export function publicDocuments(meeting: Meeting, origin: string): PublicDocument[] {
  if (meeting.status === 'draft') return [];
  const at = addressesOf(origin, meeting.setup.municipality, meeting.id);
  const base = publicPath(meeting.setup.municipality, meeting.id);
  let sheet: Sheet | undefined;
  const read = () => (sheet ??= sheetOf(meeting, at));
  const documents: PublicDocument[] = [
    { kind: 'agenda', path: `${base}/agenda`, render: () => agendaPage(read(), `${base}/agenda`) },
  ];
  (meeting.convocation?.supplements ?? []).forEach((supplement, i) => {
    const path = `${base}/agenda/${i + 1}`;
    documents.push({
      kind: 'supplementaryAgenda',
      path,
      render: () => supplementPage(read(), path, supplement),
    });
  });
  for (const item of read().meeting.setup.agenda) {
    if (publishedVotes(read(), item).length === 0) continue;
    const path = `${base}/extracts/${encodeURIComponent(item.id)}`;
    documents.push({ kind: 'extract', path, render: () => extractPage(read(), path, item) });
  }
  if (meeting.status === 'closed') {
    const path = `${base}/decisions`;
    documents.push({
      kind: 'decisionList',
      path,
      render: () => decisionListPage(read(), path, closedDecisions(meeting)),
    });
  }
  const sealed = meeting.signing?.sealed;
  if (sealed) {
    const path = `${base}/minutes`;
    documents.push({ kind: 'minutes', path, render: () => minutesPage(read(), path, sealed.hash) });
  }
  return documents;
}
