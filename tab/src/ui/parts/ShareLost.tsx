import type { TellersCeremony as Ceremony } from '@council/shared';
import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { useConfirm } from './Confirm';

/**
 * For a trustee whose browser no longer keeps their share of the ceremony's key: their own word
 * that it is lost, asked first since it cannot be taken back (shared/src/tellers/share-lost.ts).
 */
export default function ShareLost({ ceremony }: { ceremony: Ceremony }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { run, busy, feedback } = useCommand();
  const confirm = useConfirm();
  const layout = useLayout();
  if (ceremony.status !== 'ready' || ceremony.lost?.includes(me)) return null;
  const confirmation = {
    title: t('tellers.shareLostTitle'),
    body: [t('tellers.shareLostBody')],
    action: t('tellers.shareLostAction'),
    cancel: t('confirm.cancel'),
  };
  return (
    <div className={layout.column} data-share-lost="">
      <Button
        className={layout.tag}
        disabled={busy}
        onClick={() => {
          confirm.ask(confirmation, () => {
            const declare = { type: 'DeclareShareLost', ceremony: ceremony.ceremony } as const;
            void run(declare, { applied: t('tellers.shareLostDone') });
          });
        }}
      >
        {t('tellers.shareLost')}
      </Button>
      <ActionFeedback feedback={feedback} />
      {confirm.dialog}
    </div>
  );
}
