import {
  articlesOf,
  listOf,
  publicationDeadlines,
  ruleDescription,
  type PublicationDeadline,
} from '@council/shared';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { useLayout } from '../styles';

/**
 * The linked publication's deadlines for the director, as the profile's publication rule sets them
 * (for Flanders DLB arts 285–286): each document, whether it is online and since when, its deadline
 * or that the profile sets none, those late, and the rule with its articles.
 */
export default function Publications() {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const layout = useLayout();
  const time = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const when = (iso: string) => time.format(new Date(iso));
  const rows = publicationDeadlines(meeting, new Date().toISOString());
  const rule = meeting.profile.publication;
  const articles = articlesOf(language, { rule: 'publication', ...rule }, 'question');
  const deadline = (row: PublicationDeadline) => {
    if (row.due) return when(row.due);
    // The decision list's deadline counts from the close, not yet known.
    if (row.kind === 'decisionList' && row.days !== null) {
      return t('publication.afterSitting', { count: row.days });
    }
    return t(`publication.noDeadline.${row.kind}`);
  };
  return (
    <section className={layout.section} aria-labelledby="publication-heading">
      <h3 id="publication-heading" className={layout.heading}>
        {t('publication.heading')}
      </h3>
      <Table size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('publication.document')}</TableHeaderCell>
            <TableHeaderCell>{t('publication.online')}</TableHeaderCell>
            <TableHeaderCell>{t('publication.due')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={`${row.kind}-${row.n}`}>
              <TableCell>{t(`publication.kinds.${row.kind}`, { n: row.n })}</TableCell>
              <TableCell>
                {row.onlineAt ? when(row.onlineAt) : t('publication.notOnline')}
              </TableCell>
              <TableCell>
                {deadline(row)}
                {row.late && <strong> {t('publication.late')}</strong>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className={layout.muted} data-rule="publication">
        {ruleDescription(language, meeting.profile, 'publication')}
        {articles.length > 0 && ` (${listOf(language, articles)})`}
      </p>
    </section>
  );
}
