import { Button } from '@fluentui/react-components';
import { PauseRegular, PlayRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useCommand, useSession } from '../session';

/** The chair suspends the sitting for a break, and resumes it. */
export function SuspensionButton() {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const { run, busy } = useCommand();
  if (meeting.status !== 'open') return null;
  return meeting.suspendedAt ? (
    <Button
      appearance="primary"
      icon={<PlayRegular />}
      disabled={busy}
      onClick={() => void run({ type: 'ResumeSitting' })}
    >
      {t('suspension.resume')}
    </Button>
  ) : (
    <Button
      icon={<PauseRegular />}
      disabled={busy}
      onClick={() => void run({ type: 'SuspendSitting' })}
    >
      {t('suspension.suspend')}
    </Button>
  );
}
