import { signatoriesOf } from '@council/shared';
import { Button, Text } from '@fluentui/react-components';
import { ArrowDownloadRegular, CheckmarkRegular, SignatureRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Refused } from '../../api/client';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { save } from './MinutesDownload';

/**
 * The minutes signed in the app, once the sitting is closed: the director submits the final
 * minutes; each signatory the rules name reads the PDF submitted, then approves its very hashes;
 * once all have, anyone of the council downloads the sealed PDF.
 */
export function MinutesSigning() {
  const { t } = useTranslation();
  const { api, meetingId, meeting, role, me, report } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  // The hash of the submitted PDF this reader downloaded: they approve what they read.
  const [read, setRead] = useState<string | null>(null);
  if (meeting.status !== 'closed' || role === 'observer' || role === null) return null;
  const signing = meeting.signing;
  const signatories = signatoriesOf(meeting);
  const approved = new Set(signing?.approvals.map((approval) => approval.member));
  const signs = signatories.some((member) => member.id === me);

  async function download(which: 'submitted' | 'sealed') {
    try {
      const { pdf, fileName } = await api.signedMinutesPdf(meetingId, which);
      save(pdf, fileName);
      if (which === 'submitted' && signing) setRead(signing.submitted.pdf);
      report(null);
    } catch (error) {
      report(error instanceof Refused ? error.message : t('feedback.unreachable'));
    }
  }

  async function submit() {
    try {
      const { final } = await api.minutesSigning(meetingId);
      if (final)
        await run({ type: 'SubmitMinutes', ...final }, { applied: t('signing.submitted') });
    } catch (error) {
      report(error instanceof Refused ? error.message : t('feedback.unreachable'));
    }
  }

  return (
    <section className={layout.section} aria-labelledby="signing-heading">
      <h2 id="signing-heading" className={layout.heading}>
        {t('signing.heading')}
      </h2>
      {role === 'director' && !signing?.sealed && (
        <Button
          className={layout.tag}
          icon={<SignatureRegular />}
          disabled={busy}
          onClick={() => void submit()}
        >
          {signing ? t('signing.resubmit') : t('signing.submit')}
        </Button>
      )}
      {signing && (
        <>
          <Text block className={layout.muted}>
            {t('signing.hash', { hash: signing.submitted.pdf })}
          </Text>
          <ul className={layout.list}>
            {signatories.map((member) => (
              <li key={member.id}>
                {t(approved.has(member.id) ? 'signing.approved' : 'signing.waiting', {
                  name: member.name,
                })}
              </li>
            ))}
          </ul>
          {signing.sealed ? (
            <>
              <Text block>{t('signing.sealed')}</Text>
              <Button
                className={layout.tag}
                icon={<ArrowDownloadRegular />}
                onClick={() => void download('sealed')}
              >
                {t('signing.downloadSealed')}
              </Button>
            </>
          ) : (
            signs &&
            (approved.has(me) ? (
              <Text block>{t('signing.youApproved')}</Text>
            ) : (
              <>
                <Button
                  className={layout.tag}
                  icon={<ArrowDownloadRegular />}
                  onClick={() => void download('submitted')}
                >
                  {t('signing.read')}
                </Button>
                {read !== signing.submitted.pdf && (
                  <Text block className={layout.muted}>
                    {t('signing.readFirst')}
                  </Text>
                )}
                <Button
                  appearance="primary"
                  className={layout.tag}
                  icon={<CheckmarkRegular />}
                  disabled={busy || read !== signing.submitted.pdf}
                  onClick={() =>
                    void run({
                      type: 'ApproveMinutes',
                      pdf: signing.submitted.pdf,
                      lastEvent: signing.submitted.lastEvent,
                    })
                  }
                >
                  {t('signing.approve')}
                </Button>
              </>
            ))
          )}
        </>
      )}
      <ActionFeedback feedback={feedback} />
    </section>
  );
}
