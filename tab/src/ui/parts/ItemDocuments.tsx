import { makeStyles, tokens } from '@fluentui/react-components';
import { DocumentRegular } from '@fluentui/react-icons';
import type { ItemId } from '@council/shared';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { PreviousMinutes } from './PreviousMinutes';
import { useLayout } from '../styles';

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
  const previous = item?.previousMinutes && role !== null && role !== 'observer';
  if (documents.length === 0 && !previous) return null;
  return (
    <ul
      className={layout.list}
      aria-label={t('documents.of', { item: label })}
      data-documents={itemId}
    >
      {item && <PreviousMinutes item={item} className={styles.document} />}
      {documents.map((document) => (
        <li key={document.id} className={styles.document}>
          <DocumentRegular aria-hidden="true" className={styles.icon} />
          <DocumentLink title={document.title} url={document.url} />
        </li>
      ))}
    </ul>
  );
}
