import { sittingStatus } from '@council/shared';
import { Button } from '@fluentui/react-components';
import { ShareScreenStartRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { useConfirm } from './Confirm';
import { closingSitting } from './confirmations';
import { SuspensionButton } from './SuspensionButton';

/** The chair opens and closes the sitting, and shares the stage view with everyone in the call. */
export function MeetingControls() {
  const { t } = useTranslation();
  const { meeting, host, report } = useSession();
  const { run, busy, feedback } = useCommand();
  const confirm = useConfirm();
  const layout = useLayout();
  const [shared, setShared] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!shared) return;
    const done = setTimeout(() => {
      setShared(false);
    }, 4_000);
    return () => {
      clearTimeout(done);
    };
  }, [shared]);
  return (
    <section className={layout.section} aria-labelledby="sitting-heading">
      <h2 id="sitting-heading" ref={heading} tabIndex={-1} className={layout.heading}>
        {t(`sitting.status.${sittingStatus(meeting)}`)}
      </h2>
      <div className={layout.row}>
        {meeting.status === 'convened' && (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void run({ type: 'OpenMeeting' })}
          >
            {t('sitting.open')}
          </Button>
        )}
        <SuspensionButton run={run} busy={busy} />
        {meeting.status === 'open' && (
          <Button
            disabled={busy}
            onClick={() => {
              confirm.ask(closingSitting(t), () => {
                // The button leaves with the open sitting: the focus goes to the news it made.
                void run({ type: 'CloseMeeting' }).then((closed) => {
                  if (closed) heading.current?.focus();
                });
              });
            }}
          >
            {t('sitting.close')}
          </Button>
        )}
        {host.shareToStage && (
          <Button
            icon={<ShareScreenStartRegular />}
            onClick={() => {
              host.shareToStage?.().then(
                () => {
                  setShared(true);
                },
                (error: unknown) => {
                  report(t('sitting.shareFailed', { reason: String(error) }));
                },
              );
            }}
          >
            {t('sitting.share')}
          </Button>
        )}
        {shared && <span role="status">{t('sitting.shared')}</span>}
      </div>
      <ActionFeedback feedback={feedback} />
      {confirm.dialog}
    </section>
  );
}
