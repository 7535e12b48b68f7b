import { articlesOf, listOf, ruleDescription, type RuleName } from '@council/shared';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { useLayout } from '../styles';

/**
 * Each rule of the meeting's profile as it applies, in the reader's language, with the article it
 * rests on and how sure that reading is: the status belongs here, for the director, not in the
 * minutes.
 */
export function RulesInForce() {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const layout = useLayout();
  const { profile } = meeting;
  const rules = Object.keys(profile).filter((key) => key !== 'id') as RuleName[];
  return (
    <section aria-label={t('rules.inForce')}>
      <h3>{t('rules.inForce')}</h3>
      <ul className={layout.list}>
        {rules.map((rule) => {
          const { status, source } = profile[rule];
          const articles = articlesOf(language, { rule, status, source }, 'appointment');
          return (
            <li key={rule} data-rule={rule}>
              {ruleDescription(language, profile, rule)}
              {articles.length > 0 && ` — ${listOf(language, articles)}`}
              {/* A council's own rule cites its house rules already: no status to add. */}
              {status !== 'council' && (
                <span className={layout.muted}> ({t(`rules.status.${status}`)})</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
