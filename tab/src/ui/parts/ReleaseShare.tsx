import type { TellersCeremony as Ceremony, Vote } from '@council/shared';
import { Button, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { voteSubject } from '../../meeting';
import { checkedRelease, type Withheld } from '../../sealed/board';
import { useKeeper } from '../keeping';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';

/**
 * "Release my share of the count": a deliberate click for each vote, never automatic, and only
 * once the board the sum was added from has been recounted here.
 */
export function ReleaseShare({ vote, ceremony }: { vote: Vote; ceremony: Ceremony }) {
  const { t } = useTranslation();
  const { meeting, meetingId, me, language, api } = useSession();
  const { run, busy, feedback } = useCommand();
  const keeper = useKeeper();
  const layout = useLayout();
  const [checking, setChecking] = useState(false);
  const [withheld, setWithheld] = useState<Withheld | null>(null);
  async function release() {
    setWithheld(null);
    setChecking(true);
    const checked = await checkedRelease(api, keeper, { meetingId, me }, ceremony, vote);
    setChecking(false);
    if ('withheld' in checked) setWithheld(checked.withheld);
    else await run(checked.command, { applied: t('tellers.released') });
  }
  return (
    <div className={layout.column} data-release={vote.id}>
      <p className={layout.grow}>{voteSubject(meeting, vote, language)}</p>
      <Button
        appearance="primary"
        className={layout.tag}
        disabled={busy || checking}
        onClick={() => void release()}
      >
        {t('tellers.release')}
      </Button>
      {checking && <Spinner size="tiny" labelPosition="after" label={t('tellers.checking')} />}
      {withheld && (
        <p role="alert" className={layout.grow} data-withheld={withheld}>
          {t(`tellers.${withheld}`)}
        </p>
      )}
      <ActionFeedback feedback={feedback} />
    </div>
  );
}
