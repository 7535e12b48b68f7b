import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Shows `failed` in place of its children once one of them throws (a chunk that did not load). */
class Unloaded extends Component<{ failed: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.failed : this.props.children;
  }
}

function Loading() {
  const { t } = useTranslation();
  return <Spinner size="tiny" label={t('app.loading')} />;
}

const useStyles = makeStyles({ failed: { color: tokens.colorStatusDangerForeground1 } });

/** Plain text: shown in place of a part that threw, it must not be able to throw itself. */
function Failed() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <p role="alert" className={styles.failed}>
      {t('app.partFailed')}
    </p>
  );
}

/**
 * A part of a view that few readers open (a dialog, an editor, a ceremony): its code loads the
 * first time it is shown, with a spinner meanwhile and a message if it cannot be fetched, so it
 * weighs nothing on the view's first render.
 */
export function lazyPart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const Part = lazy(async () => ({ default: await load() }));
  return function LazyPart(props: Props) {
    return (
      <Unloaded failed={<Failed />}>
        <Suspense fallback={<Loading />}>
          <Part {...props} />
        </Suspense>
      </Unloaded>
    );
  };
}
