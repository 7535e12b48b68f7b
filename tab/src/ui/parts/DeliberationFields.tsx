import type { AgendaItem } from '@council/shared';
import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The draft decision entered with the item, in the meeting's language: its recitals ("Vu …",
 * "Considérant …") and its articles, one per line; and, on the approval of minutes, the date of the
 * sitting they record. A draft without an article is no draft: the item then carries none.
 */
export function DeliberationFields({
  item,
  change,
}: {
  item: AgendaItem;
  change: (item: AgendaItem) => void;
}) {
  const { t } = useTranslation();
  const [recitals, setRecitals] = useState(item.deliberation?.recitals.join('\n') ?? '');
  const [articles, setArticles] = useState(item.deliberation?.articles.join('\n') ?? '');
  const update = (nextRecitals: string, nextArticles: string) => {
    const { deliberation: _old, ...rest } = item;
    const drafted = linesOf(nextArticles);
    change(
      drafted.length > 0
        ? { ...rest, deliberation: { recitals: linesOf(nextRecitals), articles: drafted } }
        : rest,
    );
  };
  return (
    <>
      <Field label={t('details.recitals')} hint={t('details.recitalsHint')}>
        <Textarea
          value={recitals}
          onChange={(_e, data) => {
            setRecitals(data.value);
            update(data.value, articles);
          }}
        />
      </Field>
      <Field label={t('details.articles')} hint={t('details.articlesHint')}>
        <Textarea
          value={articles}
          onChange={(_e, data) => {
            setArticles(data.value);
            update(recitals, data.value);
          }}
        />
      </Field>
      {item.subject === 'minutesApproval' && (
        <Field label={t('details.previousSitting')}>
          <Input
            type="date"
            value={item.previousSitting ?? ''}
            onChange={(_e, data) => {
              const { previousSitting: _old, ...rest } = item;
              change(data.value ? { ...rest, previousSitting: data.value } : rest);
            }}
          />
        </Field>
      )}
    </>
  );
}
