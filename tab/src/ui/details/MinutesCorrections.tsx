import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemLabel } from '../../meeting';
import { ActionFeedback } from '../parts/ActionFeedback';
import { ItemSelect } from '../parts/ItemSelect';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';

/**
 * The corrections of the previous minutes the council adopts on their approval item, recorded by
 * the director while the sitting is open (CDLD L1122-16 al. 2; DLB art. 32): the minutes of this
 * sitting list them under that item, beside the sealed file they correct.
 */
export default function MinutesCorrections() {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const items = meeting.setup.agenda.filter((item) => item.subject === 'minutesApproval');
  const [chosen, setChosen] = useState(items[0]?.id ?? '');
  const [text, setText] = useState('');
  const item = items.find((i) => i.id === chosen) ?? items[0];
  if (!item) return null;
  const recorded = meeting.corrections?.[item.id] ?? [];
  return (
    <section className={layout.section} aria-labelledby="corrections-heading">
      <h3 id="corrections-heading" className={layout.heading}>
        {t('corrections.heading')}
      </h3>
      {items.length > 1 && (
        <ItemSelect
          label={t('corrections.item')}
          items={items}
          value={item.id}
          onChange={setChosen}
        />
      )}
      {recorded.length === 0 ? (
        <p className={layout.muted}>{t('corrections.none')}</p>
      ) : (
        <ol
          className={layout.list}
          aria-label={t('corrections.of', { item: itemLabel(meeting, item, language) })}
        >
          {recorded.map((correction, index) => (
            <li key={index}>{correction}</li>
          ))}
        </ol>
      )}
      <form
        className={layout.column}
        onSubmit={(event) => {
          event.preventDefault();
          void run({ type: 'CorrectMinutes', itemId: item.id, text: text.trim() }).then((ok) => {
            if (ok) setText('');
          });
        }}
      >
        <Field label={t('corrections.text')} required>
          <Textarea
            value={text}
            maxLength={5_000}
            onChange={(_, data) => {
              setText(data.value);
            }}
          />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || text.trim() === ''}>
          {t('corrections.record')}
        </Button>
      </form>
      <ActionFeedback feedback={feedback} />
    </section>
  );
}
