import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ConnectionState as State } from '../../live/stream';

const colors = { live: 'success', connecting: 'informative', reconnecting: 'warning' } as const;

/** Whether what is on screen is live: a stale queue must never pass for the current one. */
export function ConnectionState({ state }: { state: State }) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" color={colors[state]} data-connection={state}>
      {t(`connection.${state}`)}
    </Badge>
  );
}
