import { Tab, TabList } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';

type Step = 'now' | 'agenda';

/**
 * A member's panel in two tabs: what to do now first, the agenda and the rarer controls apart.
 * A vote or a roll call that opens calls the reader back to "Now", where they answer it.
 */
export function Steps({ now, agenda }: { now: ReactNode; agenda: ReactNode }) {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const [step, setStep] = useState<Step>('now');
  const called = meeting.openVoteId ?? (meeting.rollCall.status === 'open' ? 'roll call' : null);
  useEffect(() => {
    if (called) setStep('now');
  }, [called]);
  return (
    <>
      <TabList
        size="small"
        selectedValue={step}
        aria-label={t('console.sections')}
        onTabSelect={(_, data) => {
          setStep(data.value === 'agenda' ? 'agenda' : 'now');
        }}
      >
        <Tab id="step-now" value="now" aria-controls="step-panel">
          {t('console.now')}
        </Tab>
        <Tab id="step-agenda" value="agenda" aria-controls="step-panel">
          {t('console.agenda')}
        </Tab>
      </TabList>
      <div role="tabpanel" id="step-panel" aria-labelledby={`step-${step}`}>
        {step === 'now' ? now : agenda}
      </div>
    </>
  );
}
