import { currentCeremony } from '@council/shared';
import { Button, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { ceremonyFailure } from './ceremony-failure';
import { TellersReadiness } from './TellersReadiness';
import { trusteeNames } from './trustee-names';

/** Named once or twice a sitting: its combobox loads when the chair first needs it. */
const TellerPicker = lazy(() => import('./TellerPicker'));

/** The chair's tellers: who holds the key of the secret ballots, how ready they are, naming them. */
export function TellersSection() {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const layout = useLayout();
  const { run, busy, feedback } = useCommand();
  const ceremony = currentCeremony(meeting);
  const [naming, setNaming] = useState(false);
  const picking = naming || !ceremony || ceremony.status === 'failed';
  return (
    <section className={layout.section} aria-labelledby="tellers-heading" data-tellers="">
      <h2 id="tellers-heading" className={layout.heading}>
        {t('tellers.heading')}
      </h2>
      {ceremony ? (
        <>
          <TellersReadiness className={layout.grow} />
          <p className={layout.muted}>
            {t('tellers.trustees', {
              threshold: ceremony.threshold,
              names: trusteeNames(
                meeting,
                ceremony.trustees.map((trustee) => trustee.member),
                language,
              ),
            })}
          </p>
          {ceremony.status === 'failed' && (
            <p role="alert" className={layout.grow}>
              {ceremonyFailure(t, meeting, ceremony, language)}
            </p>
          )}
        </>
      ) : (
        <p className={layout.grow}>{t('tellers.none')}</p>
      )}
      {picking ? (
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <TellerPicker
            busy={busy}
            onName={(tellers) => {
              void run({ type: 'NameTellers', tellers }, { applied: t('tellers.named') }).then(
                (named) => {
                  if (named) setNaming(false);
                },
              );
            }}
          />
        </Suspense>
      ) : (
        <Button
          className={layout.tag}
          onClick={() => {
            setNaming(true);
          }}
        >
          {t('tellers.nameOthers')}
        </Button>
      )}
      <ActionFeedback feedback={feedback} />
    </section>
  );
}
