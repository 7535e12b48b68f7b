import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feedback } from '../session';
import { useLayout } from '../styles';

const useStyles = makeStyles({ region: { width: '100%', minWidth: 0 } });

const intents = { applied: 'success', refused: 'error', unanswered: 'warning' } as const;

/**
 * What became of the command a control sent, right next to that control: refused (and so not
 * applied), applied, or unanswered (perhaps applied) with a Retry. The live region is always there,
 * hidden while empty, so that what appears in it is read out.
 */
export function ActionFeedback({
  feedback,
  retry,
}: {
  feedback: Feedback | null;
  /** Takes a refused step again, where trying again may help (a key ceremony's step). */
  retry?: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const layout = useLayout();
  const region = useRef<HTMLDivElement>(null);
  const key = feedback?.key;
  // What a control answers must be seen: a control low in the panel scrolls its answer into view.
  useEffect(() => {
    const element = region.current;
    if (key !== undefined && element && typeof element.scrollIntoView === 'function') {
      element.scrollIntoView({ block: 'nearest' });
    }
  }, [key]);
  return (
    <div
      ref={region}
      aria-live="polite"
      className={mergeClasses(styles.region, !feedback && layout.visuallyHidden)}
      data-feedback={feedback?.kind ?? ''}
    >
      {feedback && (
        <MessageBar key={feedback.key} intent={intents[feedback.kind]} layout="multiline">
          <MessageBarBody>
            {feedback.kind === 'refused' ? (
              <>
                <MessageBarTitle>{t('feedback.refused')}</MessageBarTitle>
                {feedback.message}
              </>
            ) : feedback.kind === 'unanswered' ? (
              <>
                <MessageBarTitle>{t('feedback.unanswered')}</MessageBarTitle>
                {t('feedback.unansweredWhy')}
              </>
            ) : (
              (feedback.message ?? t('feedback.applied'))
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t('app.dismiss')}
                icon={<DismissRegular />}
                onClick={feedback.dismiss}
              />
            }
          >
            {feedback.kind === 'unanswered' && (
              <Button disabled={feedback.sending} onClick={feedback.retry}>
                {t('app.retry')}
              </Button>
            )}
            {feedback.kind === 'refused' && retry && (
              <Button onClick={retry}>{t('app.retry')}</Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
