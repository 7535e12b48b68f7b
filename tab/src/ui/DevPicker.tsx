import type { Role } from '@council/shared';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { demoPeople, type DemoPerson } from '../host/dev';
import { useLayout } from './styles';

const order: readonly Role[] = ['chair', 'director', 'councillor', 'observer'];

const useStyles = makeStyles({
  people: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 12rem), 1fr))',
    gap: tokens.spacingHorizontalS,
  },
});

/** Browser mode (the service allows dev sign-in): act as one of the demo council's people. */
export function DevPicker({ onPick }: { onPick: (person: DemoPerson) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const layout = useLayout();
  const [people, setPeople] = useState<DemoPerson[] | null>(null);
  useEffect(() => {
    void demoPeople().then(setPeople);
  }, []);
  return (
    <main>
      <h1 className={layout.heading}>{t('dev.heading')}</h1>
      <p className={layout.muted}>{t('dev.explain')}</p>
      {!people && <Spinner label={t('app.loading')} />}
      {people &&
        order.map((role) => {
          const ofRole = people.filter((p) => p.role === role);
          if (ofRole.length === 0) return null;
          return (
            <section key={role} className={layout.section} aria-labelledby={`dev-${role}`}>
              <h2 id={`dev-${role}`} className={layout.heading}>
                {t(`roles.${role}`)}
              </h2>
              <div className={styles.people}>
                {ofRole.map((person) => (
                  <Button
                    key={person.objectId}
                    data-person={person.objectId}
                    onClick={() => {
                      onPick(person);
                    }}
                  >
                    {person.name}
                  </Button>
                ))}
              </div>
            </section>
          );
        })}
    </main>
  );
}
