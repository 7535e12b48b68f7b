import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ConnectionState as State } from '../../live/stream';
import { useLayout } from '../styles';

const colors = { live: 'success', connecting: 'informative', reconnecting: 'warning' } as const;

/**
 * Whether what is on screen is live: a stale queue must never pass for the current one. It says
 * "connection", so that "Live" is not read as "in session": the status header says that.
 */
export function ConnectionState({ state }: { state: State }) {
  const { t } = useTranslation();
  const layout = useLayout();
  const said = t(`connection.${state}`);
  return (
    <Badge
      appearance="outline"
      color={colors[state]}
      data-connection={state}
      title={t('status.connection', { state: said })}
    >
      <span className={layout.visuallyHidden}>{t('status.connection', { state: '' })}</span>
      {said}
    </Badge>
  );
}
