import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentRegular } from '@fluentui/react-icons';
import type { ItemId } from '@council/shared';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
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
});

/**
 * An item's documents as links to the council's SharePoint or OneDrive, opened beside Teams. The
 * service sends each reader only what they may see: a closed item's never reach an observer.
 */
export function ItemDocuments({ itemId, label }: { itemId: ItemId; label: string }) {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const layout = useLayout();
  const styles = useStyles();
  const documents = meeting.documents?.[itemId] ?? [];
  if (documents.length === 0) return null;
  return (
    <ul
      className={layout.list}
      aria-label={t('documents.of', { item: label })}
      data-documents={itemId}
    >
      {documents.map((document) => (
        <li key={document.id} className={styles.document}>
          <DocumentRegular aria-hidden="true" className={styles.icon} />
          <Link href={document.url} target="_blank" rel="noopener noreferrer">
            {document.title}
            <span className={layout.visuallyHidden}> {t('documents.newWindow')}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
