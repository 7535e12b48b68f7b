import { genderOf } from '@council/shared';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { useLayout } from '../styles';

/** "Vous suivez cette séance comme observatrice": the observer is told what they are, in their gender. */
export function ObserverNote() {
  const { t } = useTranslation();
  const { meeting, me } = useSession();
  const layout = useLayout();
  return (
    <p className={layout.muted}>
      {t('panel.observer', { context: genderOf(meeting.setup.roster, me) })}
    </p>
  );
}
