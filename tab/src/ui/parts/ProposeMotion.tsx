import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';

/** A member's new motion on the current item (loaded apart: most panels never show it). */
export function ProposeMotion() {
  const { t } = useTranslation();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const [text, setText] = useState('');
  return (
    <form
      className={layout.row}
      onSubmit={(event) => {
        event.preventDefault();
        void run({ type: 'ProposeMotion', text: text.trim() }).then((ok) => {
          if (ok) setText('');
        });
      }}
    >
      <Field label={t('motions.propose')} className={layout.grow}>
        <Textarea
          value={text}
          resize="vertical"
          onChange={(_event, data) => {
            setText(data.value);
          }}
        />
      </Field>
      <Button type="submit" disabled={busy || text.trim() === ''}>
        {t('motions.submit')}
      </Button>
      <ActionFeedback feedback={feedback} />
    </form>
  );
}
