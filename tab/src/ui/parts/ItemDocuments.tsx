import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentRegular } from '@fluentui/react-icons';
import type { AgendaItem, ItemId } from '@council/shared';
import { useTranslation } from 'react-i18next';
import { Refused } from '../../api/client';
import { useSession } from '../session';
import { useLayout } from '../styles';
import { save } from './MinutesDownload';

const useStyles = makeStyles({
  document: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  icon: { flexShrink: 0 },
  /** A plain anchor, coloured as Fluent's links: Teams opens it beside the meeting. */
  link: {
    color: tokens.colorBrandForegroundLink,
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/** A document's link: a new window, and no hold on this page from the one it opens. */
export function DocumentLink({ title, url }: { title: string; url: string }) {
  const { t } = useTranslation();
  const layout = useLayout();
  const styles = useStyles();
  return (
    <a className={styles.link} href={url} target="_blank" rel="noopener noreferrer">
      {title}
      <span className={layout.visuallyHidden}> {t('documents.newWindow')}</span>
    </a>
  );
}

/**
 * On the approval of the previous minutes (issue 16 item 7), the sealed PDF it approves: fetched
 * with the reader's token (a plain link would carry none); the service serves members only (it is
 * the whole record) the file whose SHA-256 the item names.
 */
function PreviousMinutes({ item, sitting }: { item: AgendaItem; sitting: string }) {
  const { t } = useTranslation();
  const { api, meetingId, language, report } = useSession();
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${sitting}T12:00:00Z`),
  );

  async function download() {
    try {
      const { pdf, fileName } = await api.previousMinutesPdf(meetingId, item.id);
      save(pdf, fileName);
      report(null);
    } catch (error) {
      report(error instanceof Refused ? error.message : t('feedback.unreachable'));
    }
  }

  return (
    <Button
      appearance="transparent"
      size="small"
      icon={<DocumentRegular />}
      onClick={() => void download()}
    >
      {t('documents.previousMinutes', { date })}
    </Button>
  );
}

/**
 * An item's documents as links to the council's SharePoint or OneDrive, opened beside Teams. The
 * service sends each reader only what they may see: a closed item's never reach an observer.
 */
export function ItemDocuments({ itemId, label }: { itemId: ItemId; label: string }) {
  const { t } = useTranslation();
  const { meeting, role } = useSession();
  const layout = useLayout();
  const styles = useStyles();
  const documents = meeting.documents?.[itemId] ?? [];
  const item = meeting.setup.agenda.find((i) => i.id === itemId);
  // The sealed minutes an approval item names: the whole record, for members only.
  const sitting =
    item?.subject === 'minutesApproval' && item.previousMinutes && role && role !== 'observer'
      ? item.previousSitting
      : undefined;
  if (documents.length === 0 && !sitting) return null;
  return (
    <ul
      className={layout.list}
      aria-label={t('documents.of', { item: label })}
      data-documents={itemId}
    >
      {item && sitting && (
        <li>
          <PreviousMinutes item={item} sitting={sitting} />
        </li>
      )}
      {documents.map((document) => (
        <li key={document.id} className={styles.document}>
          <DocumentRegular aria-hidden="true" className={styles.icon} />
          <DocumentLink title={document.title} url={document.url} />
        </li>
      ))}
    </ul>
  );
}
