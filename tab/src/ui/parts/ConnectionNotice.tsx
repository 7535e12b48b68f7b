import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../live/stream';
import { useLayout } from '../styles';

/**
 * While the live connection is lost, says so in words: what is on screen may be stale and an action
 * may not reach the service. A live region, always there, so that the loss is read out.
 */
export function ConnectionNotice({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const layout = useLayout();
  const lost = state === 'reconnecting';
  return (
    <div aria-live="polite" className={lost ? undefined : layout.visuallyHidden}>
      {lost && (
        <MessageBar intent="warning" layout="multiline" data-connection-lost="">
          <MessageBarBody>{t('feedback.reconnecting')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
