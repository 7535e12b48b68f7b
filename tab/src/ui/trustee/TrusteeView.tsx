import { currentCeremony } from '@council/shared';
import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import TrusteeDuty from '../parts/TrusteeDuty';
import { useSession } from '../session';

/** Back to the chat: Teams closes the dialog (the trustee's share stays kept in this client). */
async function closeDialog(): Promise<void> {
  const { dialog } = await import('@microsoft/teams-js');
  dialog.url.submit();
}

/**
 * A trustee's duty alone, as the Teams dialog opened from the bot's card shows it: the same
 * component and the same keeper as the side panel's, so a share kept by either is found by both.
 */
export default function TrusteeView() {
  const { t } = useTranslation();
  const { meeting, me, host } = useSession();
  const ceremony = currentCeremony(meeting);
  if (!ceremony?.trustees.some((trustee) => trustee.member === me)) {
    return <p role="status">{t('tellers.notTrustee')}</p>;
  }
  return (
    <>
      <TrusteeDuty />
      {host.inTeams && (
        <Button onClick={() => void closeDialog()}>{t('tellers.closeDialog')}</Button>
      )}
    </>
  );
}
