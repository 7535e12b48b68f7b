import { Button } from '@fluentui/react-components';
import { PauseRegular, PlayRegular } from '@fluentui/react-icons';
import type { WireCommand } from '@council/shared';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';

/**
 * The chair suspends the sitting for a break, and resumes it; through the sitting controls'
 * command, so that a refusal shows where the other sitting controls show theirs.
 */
export function SuspensionButton({
  run,
  busy,
}: {
  run: (command: WireCommand) => Promise<boolean>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { meeting } = useSession();
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
