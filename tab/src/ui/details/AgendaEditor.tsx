import {
  languages,
  subjects,
  type AgendaItem,
  type Candidate,
  type Language,
  type Subject,
} from '@council/shared';
import {
  Badge,
  Button,
  Field,
  Input,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemLabel } from '../../meeting';
import { DeliberationFields } from '../parts/DeliberationFields';
import { ActionFeedback } from '../parts/ActionFeedback';
import { IconButton } from '../parts/IconButton';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 14rem), 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
  },
});

/** Candidates one per line: a name kept from before keeps its id (and its link to a member). */
function candidatesFrom(text: string, item: AgendaItem): Candidate[] {
  const names = text
    .split('\n')
    .map((name) => name.trim())
    .filter(Boolean);
  let next = item.candidates.length;
  return names.map((name) => {
    const known = item.candidates.find((c) => c.name === name);
    return known ?? { id: `${item.id}-candidate-${String(++next)}`, name };
  });
}

/** The meeting's language first: the only title an item must have. */
const titlesFirst = (meetingLanguage: Language): Language[] => [
  meetingLanguage,
  ...languages.filter((language) => language !== meetingLanguage),
];

/** A title left blank in a language is no title in it: the item reads in the meeting's language. */
function titleWith(title: AgendaItem['title'], language: Language, text: string) {
  const { [language]: _replaced, ...others } = title;
  return text.trim() === '' ? others : { ...others, [language]: text };
}

function newItem(agenda: readonly AgendaItem[]): AgendaItem {
  let n = agenda.length + 1;
  while (agenda.some((item) => item.id === `item-${String(n)}`)) n++;
  return {
    id: `item-${String(n)}`,
    title: {},
    session: 'public',
    subject: 'general',
    expectedVote: 'named',
    candidates: [],
  };
}

function ItemEditor({
  item,
  index,
  count,
  change,
  move,
  remove,
}: {
  item: AgendaItem;
  index: number;
  count: number;
  change: (item: AgendaItem) => void;
  move: (by: -1 | 1) => void;
  remove: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const layout = useLayout();
  const { meeting } = useSession();
  const [candidates, setCandidates] = useState(item.candidates.map((c) => c.name).join('\n'));
  const label = t('details.itemNumber', { n: index + 1 });
  return (
    <li className={styles.item} data-agenda-item={item.id} aria-label={label}>
      <div className={layout.row}>
        <strong className={layout.grow}>{label}</strong>
        <IconButton
          size="small"
          icon={<ArrowUpRegular />}
          label={t('details.moveUp', { item: label })}
          disabled={index === 0}
          onClick={() => {
            move(-1);
          }}
        />
        <IconButton
          size="small"
          icon={<ArrowDownRegular />}
          label={t('details.moveDown', { item: label })}
          disabled={index === count - 1}
          onClick={() => {
            move(1);
          }}
        />
        <IconButton
          size="small"
          icon={<DeleteRegular />}
          label={t('details.removeItem', { item: label })}
          onClick={remove}
        />
      </div>
      <div className={styles.fields}>
        {titlesFirst(meeting.setup.language).map((language) => {
          const required = language === meeting.setup.language;
          return (
            <Field
              key={language}
              label={t(`details.titleIn.${language}`)}
              required={required}
              hint={required ? undefined : t('labels.optional')}
            >
              <Input
                lang={language}
                value={item.title[language] ?? ''}
                onChange={(_e, data) => {
                  change({ ...item, title: titleWith(item.title, language, data.value) });
                }}
              />
            </Field>
          );
        })}
        <Field label={t('details.session')}>
          <Select
            value={item.session}
            onChange={(_e, data) => {
              change({ ...item, session: data.value as AgendaItem['session'] });
            }}
          >
            <option value="public">{t('details.public')}</option>
            <option value="closed">{t('item.closedSession')}</option>
          </Select>
        </Field>
        <Field label={t('details.vote')}>
          <Select
            value={item.expectedVote}
            onChange={(_e, data) => {
              change({ ...item, expectedVote: data.value as AgendaItem['expectedVote'] });
            }}
          >
            <option value="named">{t('details.voteKind.named')}</option>
            <option value="secret">{t('details.voteKind.secret')}</option>
            <option value="none">{t('details.voteKind.none')}</option>
          </Select>
        </Field>
        <Field label={t('details.subject')}>
          <Select
            value={item.subject}
            onChange={(_e, data) => {
              change({ ...item, subject: data.value as Subject });
            }}
          >
            {subjects.map((subject) => (
              <option key={subject} value={subject}>
                {t(`details.subjects.${subject}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('details.candidates')} hint={t('details.candidatesHint')}>
          <Textarea
            value={candidates}
            onChange={(_e, data) => {
              setCandidates(data.value);
              change({ ...item, candidates: candidatesFrom(data.value, item) });
            }}
          />
        </Field>
        <DeliberationFields item={item} change={change} />
      </div>
    </li>
  );
}

/** The agenda: the director edits it until the sitting opens; everyone else reads it. */
export function AgendaEditor({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const [draft, setDraft] = useState<AgendaItem[]>(() => [...meeting.setup.agenda]);
  const [saved, setSaved] = useState(false);
  // Every refresh brings new objects: only a changed agenda replaces the draft being edited.
  const stored = JSON.stringify(meeting.setup.agenda);
  useEffect(() => {
    setDraft(JSON.parse(stored) as AgendaItem[]);
  }, [stored]);

  if (!editable) {
    return (
      <ol className={layout.list}>
        {meeting.setup.agenda.map((item) => (
          <li key={item.id} className={layout.row}>
            <span className={layout.grow}>{itemLabel(meeting, item, language)}</span>
            {item.session === 'closed' && (
              <Badge appearance="tint" color="warning">
                {t('item.closedSession')}
              </Badge>
            )}
            <Badge appearance="outline">{t(`details.voteKind.${item.expectedVote}`)}</Badge>
          </li>
        ))}
      </ol>
    );
  }

  const moveItem = (index: number, by: -1 | 1) => {
    setDraft((items) => {
      const next = [...items];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });
  };

  return (
    <form
      className={layout.section}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void run({ type: 'ReviseAgenda', agenda: draft }).then(setSaved);
      }}
    >
      <ol className={layout.list}>
        {draft.map((item, index) => (
          <ItemEditor
            key={item.id}
            item={item}
            index={index}
            count={draft.length}
            change={(changed) => {
              setDraft((items) => items.map((i) => (i.id === item.id ? changed : i)));
            }}
            move={(by) => {
              moveItem(index, by);
            }}
            remove={() => {
              setDraft((items) => items.filter((i) => i.id !== item.id));
            }}
          />
        ))}
      </ol>
      <div className={layout.row}>
        <Button
          icon={<AddRegular />}
          onClick={() => {
            setDraft((items) => [...items, newItem(items)]);
          }}
        >
          {t('details.addItem')}
        </Button>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('details.saveAgenda')}
        </Button>
        {saved && <span role="status">{t('details.saved')}</span>}
      </div>
      <ActionFeedback feedback={feedback} />
    </form>
  );
}
