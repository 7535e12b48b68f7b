import { Button } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Refused } from '../../api/client';
import { useSession } from '../session';
import { useLayout } from '../styles';

/** Saves a blob under a file name, as a link the reader clicked would. */
export function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after the click returns.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 30_000);
}

/**
 * The director downloads the minutes: fetched with the reader's bearer token (a plain link would
 * carry none), saved under the name the service gives them.
 */
export function MinutesDownload() {
  const { t } = useTranslation();
  const { api, meetingId, meeting, report } = useSession();
  const layout = useLayout();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      const { pdf, fileName } = await api.minutesPdf(meetingId);
      save(pdf, fileName);
      report(null);
    } catch (error) {
      // A refusal comes in the reader's language; a network error would be the browser's English.
      report(error instanceof Refused ? error.message : t('feedback.unreachable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={layout.section} aria-labelledby="minutes-heading">
      <h2 id="minutes-heading" className={layout.heading}>
        {t('minutes.heading')}
      </h2>
      {meeting.status !== 'closed' && <p className={layout.muted}>{t('minutes.draft')}</p>}
      <Button
        className={layout.tag}
        icon={<ArrowDownloadRegular />}
        disabled={busy}
        onClick={() => void download()}
      >
        {t('minutes.download')}
      </Button>
    </section>
  );
}
