import { Link } from '@fluentui/react-components';
import { DocumentPdfRegular } from '@fluentui/react-icons';
import type { AgendaItem } from '@council/shared';
import { useTranslation } from 'react-i18next';
import { Refused } from '../../api/client';
import { useSession } from '../session';
import { save } from './MinutesDownload';

/**
 * On the approval of the previous minutes (issue 16 item 7), the sealed PDF it approves, among the
 * item's documents: fetched with the reader's token (a plain link would carry none), for members
 * only, since it is the whole record; the service serves only the file whose hash the item names.
 */
export function PreviousMinutes({ item, className }: { item: AgendaItem; className: string }) {
  const { t } = useTranslation();
  const { api, meetingId, role, language, report } = useSession();
  if (item.subject !== 'minutesApproval' || !item.previousMinutes || !item.previousSitting) {
    return null;
  }
  if (role === null || role === 'observer') return null;
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${item.previousSitting}T12:00:00Z`),
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
    <li className={className} data-previous-minutes={item.previousMinutes}>
      <DocumentPdfRegular aria-hidden="true" />
      <Link as="button" onClick={() => void download()}>
        {t('documents.previousMinutes', { date })}
      </Link>
    </li>
  );
}
