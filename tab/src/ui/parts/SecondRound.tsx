import { secondRound, type Vote } from '@council/shared';
import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { choiceLabel } from '../../meeting';
import { useCommand, useSession } from '../session';
import { ActionFeedback } from './ActionFeedback';

/** The chair's button that opens the second round a published appointment calls for. */
export function SecondRound({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const { meeting, role } = useSession();
  const { run, busy, feedback } = useCommand();
  if (role !== 'chair') return null;
  const round = secondRound(meeting, vote.id);
  if (!round.ok) return null;
  const name = (id: string) => choiceLabel(meeting, vote, id) ?? id;
  const [first, second] = round.candidateIds;
  return (
    <>
      <Button
        appearance="primary"
        disabled={busy || meeting.openVoteId !== null}
        onClick={() => void run({ type: 'OpenVote', runoffOf: vote.id })}
      >
        {t('result.secondRound', { a: name(first), b: name(second) })}
      </Button>
      <ActionFeedback feedback={feedback} />
    </>
  );
}
