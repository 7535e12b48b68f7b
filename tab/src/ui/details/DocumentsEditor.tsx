import { Button, Field, Input } from '@fluentui/react-components';
import { AttachRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemLabel } from '../../meeting';
import { ActionFeedback } from '../parts/ActionFeedback';
import { DocumentLink, ItemDocuments } from '../parts/ItemDocuments';
import { ItemSelect } from '../parts/ItemSelect';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';

/**
 * Each item's documents: the director links the files of its draft decision from the council's
 * SharePoint or OneDrive, and removes one, until the council decides the item (the service says
 * so when it refuses); everyone else reads them as the agenda shows them.
 */
export function DocumentsEditor({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const agenda = meeting.setup.agenda;
  const [chosen, setChosen] = useState(agenda[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const item = agenda.find((i) => i.id === chosen) ?? agenda[0];
  if (!item) return <p className={layout.muted}>{t('documents.noItems')}</p>;
  const label = itemLabel(meeting, item, language);
  const documents = meeting.documents?.[item.id] ?? [];

  return (
    <section className={layout.section} aria-labelledby="documents-heading">
      <h3 id="documents-heading" className={layout.heading}>
        {t('documents.heading')}
      </h3>
      <ItemSelect label={t('documents.item')} items={agenda} value={item.id} onChange={setChosen} />
      {documents.length === 0 && <p className={layout.muted}>{t('documents.none')}</p>}
      {editable ? (
        <ul className={layout.list} aria-label={t('documents.of', { item: label })}>
          {documents.map((document) => (
            <li key={document.id} className={layout.row}>
              <span className={layout.grow}>
                <DocumentLink title={document.title} url={document.url} />
              </span>
              <Button
                icon={<DeleteRegular />}
                aria-label={t('documents.remove', { title: document.title })}
                disabled={busy}
                onClick={() =>
                  void run({ type: 'RemoveDocument', itemId: item.id, documentId: document.id })
                }
              />
            </li>
          ))}
        </ul>
      ) : (
        <ItemDocuments itemId={item.id} label={label} />
      )}
      {editable && (
        <form
          className={layout.column}
          onSubmit={(event) => {
            event.preventDefault();
            void run({ type: 'AttachDocument', itemId: item.id, title, url }).then((ok) => {
              if (!ok) return;
              setTitle('');
              setUrl('');
            });
          }}
        >
          <Field label={t('documents.title')} required>
            <Input
              className={layout.fill}
              value={title}
              maxLength={300}
              onChange={(_, data) => {
                setTitle(data.value);
              }}
            />
          </Field>
          <Field label={t('documents.url')} hint={t('documents.urlHint')} required>
            <Input
              className={layout.fill}
              type="url"
              value={url}
              maxLength={2000}
              onChange={(_, data) => {
                setUrl(data.value);
              }}
            />
          </Field>
          <Button
            type="submit"
            appearance="primary"
            icon={<AttachRegular />}
            className={layout.tag}
            disabled={busy || title.trim() === '' || url.trim() === ''}
          >
            {t('documents.attach')}
          </Button>
        </form>
      )}
      <ActionFeedback feedback={feedback} />
    </section>
  );
}
