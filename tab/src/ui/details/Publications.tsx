import { publicationDeadlines } from '@council/shared';
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
 * The linked publication's deadlines for the director (DLB arts 285–286): each document, whether it
 * is online and since when, its deadline, and those late.
 */
export default function Publications() {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const layout = useLayout();
  const time = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const when = (iso: string) => time.format(new Date(iso));
  const rows = publicationDeadlines(meeting, new Date().toISOString());
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
            <TableRow key={row.kind}>
              <TableCell>{t(`publication.kinds.${row.kind}`)}</TableCell>
              <TableCell>
                {row.onlineAt ? when(row.onlineAt) : t('publication.notOnline')}
              </TableCell>
              <TableCell>
                {row.due ? when(row.due) : t(`publication.noDeadline.${row.kind}`)}
                {row.late && <strong> {t('publication.late')}</strong>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
