import { sealingCeremony, type Vote } from '@council/shared';
import { useEffect } from 'react';
import type { Outcome } from '../../api/client';
import { loadSealed } from '../../sealed/load';
import { useSession } from '../session';

/**
 * A secret ballot sealed in this browser: the choice is encrypted to the sitting's key and proved
 * well formed here, so the request carries only the ciphertexts. Answers the command sent, with
 * the ballot's tracker as the service recorded it.
 */
export function useSealedBallot(vote: Vote) {
  const { meeting, meetingId, send } = useSession();
  const open = vote.secret && vote.status === 'open';

  // Loaded as the vote opens, so that casting does not wait for the crypto to download.
  useEffect(() => {
    if (open) loadSealed().catch(() => undefined);
  }, [open]);

  return async function sealedCast(choice: string) {
    const sealed = await loadSealed();
    const ceremony = sealingCeremony(meeting, vote);
    if (!ceremony) throw new Error('no key ceremony for this vote');
    const key = sealed.sittingKey(ceremony.trustees, ceremony.committed, ceremony.threshold);
    const ballot = sealed.encryptBallot(
      key.publicKey,
      { meetingId, voteId: vote.id },
      vote.choices.indexOf(choice),
      vote.choices.length,
    );
    return (commandId: string): Promise<Outcome> =>
      send(
        {
          type: 'CastBallot',
          voteId: vote.id,
          ballot: { ...ballot, choices: [...ballot.choices] },
        },
        commandId,
      );
  };
}
