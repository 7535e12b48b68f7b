import { genderOf, type FloorKind } from '@council/shared';
import { Button } from '@fluentui/react-components';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentItem, currentQueue, memberName } from '../../meeting';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { useConfirm } from './Confirm';
import { removingRequest } from './confirmations';
import { Speaker } from './Speaker';
import { SpeakingQueue } from './SpeakingQueue';

const kinds: readonly FloorKind[] = ['contribution', 'pointOfOrder', 'reply'];

/** 1 → "1st", in the reader's language (i18next's ordinal plurals). */
function usePlace() {
  const { t } = useTranslation();
  const { meeting, me } = useSession();
  const context = genderOf(meeting.setup.roster, me);
  return (place: number) => t('floor.place', { count: place, ordinal: true, context });
}

/** A member asks for the floor, sees their place in the queue, and may withdraw. */
function AskForFloor() {
  const { t } = useTranslation();
  const { meeting, me } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const place = usePlace();
  const withdrawButton = useRef<HTMLButtonElement>(null);
  const queue = currentQueue(meeting);
  const mine = queue.requests
    .map((request, index) => ({ request, place: index + 1 }))
    .filter(({ request }) => request.member === me);
  const present = meeting.attendance[me]?.status === 'present';
  const speaking = queue.status === 'speaking' ? queue.current.member : null;

  async function ask(kind: FloorKind) {
    if (await run({ type: 'RequestFloor', kind })) {
      // The button pressed may now be disabled: the focus goes where the reader can act next.
      requestAnimationFrame(() => withdrawButton.current?.focus());
    }
  }

  if (!present) return <p className={layout.muted}>{t('floor.checkInFirst')}</p>;
  return (
    <>
      <div className={layout.row}>
        {kinds.map((kind) => (
          <Button
            key={kind}
            appearance={kind === 'contribution' ? 'primary' : 'secondary'}
            disabled={
              busy ||
              mine.some(({ request }) => request.kind === kind) ||
              (kind === 'reply' && (speaking === null || speaking === me))
            }
            onClick={() => void ask(kind)}
          >
            {t(`floor.ask.${kind}`)}
          </Button>
        ))}
      </div>
      {mine.map(({ request, place: n }, index) => (
        <div key={request.id} className={layout.row} data-my-request={request.kind}>
          <span className={layout.grow} role="status">
            {t('floor.yourPlace', { place: place(n), kind: t(`floor.kind.${request.kind}`) })}
          </span>
          <Button
            ref={index === 0 ? withdrawButton : undefined}
            size="small"
            disabled={busy}
            onClick={() => void run({ type: 'WithdrawRequest', requestId: request.id })}
          >
            {t('floor.withdraw')}
          </Button>
        </div>
      ))}
      <ActionFeedback feedback={feedback} />
    </>
  );
}

/** The floor on the current item: the speaker, the queue, and what this reader may do about it. */
export function Floor() {
  const { t } = useTranslation();
  const { meeting, role, me, move } = useSession();
  const { run, busy, feedback } = useCommand();
  const queueing = useCommand();
  const confirm = useConfirm();
  const layout = useLayout();
  const item = currentItem(meeting);
  const queue = currentQueue(meeting);
  const chair = role === 'chair';
  const member = role === 'chair' || role === 'councillor';
  if (!item || meeting.status !== 'open') return null;
  return (
    <section className={layout.section} aria-labelledby="floor-heading">
      <h2 id="floor-heading" className={layout.heading}>
        {t('floor.heading')}
      </h2>
      <Speaker />
      {chair && (
        <div className={layout.row}>
          <Button
            appearance="primary"
            disabled={busy || queue.requests.length === 0}
            onClick={() => void run({ type: 'GiveFloor' })}
          >
            {t('floor.giveNext')}
          </Button>
          <Button
            disabled={busy || queue.status !== 'speaking'}
            onClick={() => void run({ type: 'EndSpeech' })}
          >
            {t('floor.endSpeech')}
          </Button>
        </div>
      )}
      <ActionFeedback feedback={feedback} />
      {member && <AskForFloor />}
      <SpeakingQueue
        requests={queue.requests}
        nameOf={(id) => memberName(meeting, id)}
        me={me}
        actions={
          chair
            ? {
                move: (requestId, position) =>
                  void queueing.attempt((commandId) =>
                    move(item.id, requestId, position, commandId),
                  ),
                give: (requestId) => void queueing.run({ type: 'GiveFloor', requestId }),
                remove: (requestId) => {
                  const request = queue.requests.find((r) => r.id === requestId);
                  const name = memberName(meeting, request?.member ?? '');
                  confirm.ask(
                    removingRequest(t, name),
                    () => void queueing.run({ type: 'WithdrawRequest', requestId }),
                  );
                },
              }
            : {}
        }
      />
      <ActionFeedback feedback={queueing.feedback} />
      {confirm.dialog}
    </section>
  );
}
