import { articlesOf, listOf, ruleDescription } from '@council/shared';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { useLayout } from '../styles';
import { ConveneForm } from './ConveneForm';
import { Receipts } from './Receipts';

/**
 * The director's convocation: the form before it goes out; then when it was sent, a warning with
 * the rule and its article if it went out late, its supplementary agendas, and the receipts.
 * Loaded on its own: only the director reads it, and the table is heavy.
 */
export default function Convocation() {
  const { t } = useTranslation();
  const { meeting, role, language } = useSession();
  const layout = useLayout();
  if (role !== 'director') return null;
  if (meeting.status === 'draft') return <ConveneForm />;
  const convocation = meeting.convocation;
  if (!convocation) return null;
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' });
  const rule = meeting.profile.noticePeriod;
  const articles = articlesOf(language, { rule: 'noticePeriod', ...rule }, 'question');
  return (
    <div className={layout.column} data-convocation="">
      <p>{t('convocation.sentAt', { time: date.format(new Date(convocation.sentAt)) })}</p>
      {convocation.late && (
        <MessageBar intent="warning" layout="multiline" data-late="">
          <MessageBarBody>
            {t('convocation.late', {
              given: convocation.late.given,
              needed: convocation.late.needed,
            })}{' '}
            {ruleDescription(language, meeting.profile, 'noticePeriod')}
            {articles.length > 0 && ` (${listOf(language, articles)})`}
          </MessageBarBody>
        </MessageBar>
      )}
      {convocation.supplements.map((supplement) => (
        <p key={supplement.sending} className={layout.muted}>
          {t('convocation.supplement', {
            time: date.format(new Date(supplement.at)),
            added: supplement.added.length,
            withdrawn: supplement.withdrawn.length,
          })}
        </p>
      ))}
      <Receipts />
    </div>
  );
}
