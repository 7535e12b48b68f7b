import { roles, type Member, type Role } from '@council/shared';
import { Button, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../setup/roster-import';
import { ActionFeedback } from '../parts/ActionFeedback';
import { useCommand, useSession } from '../session';
import { IconButton } from '../parts/IconButton';
import { useLayout } from '../styles';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'start',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
});

/** The roster and roles: imported from CSV or JSON, checked, then saved as one revision. */
export function RosterEditor({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const { run, busy, feedback } = useCommand();
  const styles = useStyles();
  const layout = useLayout();
  const fileInput = useId();
  const [draft, setDraft] = useState<Member[]>(() => [...meeting.setup.roster]);
  const [note, setNote] = useState<string | null>(null);
  const stored = JSON.stringify(meeting.setup.roster);
  useEffect(() => {
    setDraft(JSON.parse(stored) as Member[]);
  }, [stored]);

  const problemText = (problem: ImportProblem) =>
    problem.kind === 'invalid'
      ? t('roster.invalid', { line: problem.line, field: problem.field })
      : t(`roster.${problem.kind}`);

  async function importFile(file: File) {
    // Checking members takes zod: loaded only when a director imports a file.
    const { importRoster } = await import('../../setup/roster-import');
    const read = importRoster(await file.text(), file.name);
    if (read.ok) {
      setDraft(read.roster);
      setNote(t('roster.imported', { count: read.roster.length }));
    } else setNote(problemText(read.problem));
  }

  return (
    <form
      className={layout.section}
      onSubmit={(event) => {
        event.preventDefault();
        void run({ type: 'ReviseRoster', roster: draft }).then((ok) => {
          if (ok) setNote(t('details.saved'));
        });
      }}
    >
      {editable && (
        <div className={layout.row}>
          <label htmlFor={fileInput}>{t('roster.import')}</label>
          <input
            id={fileInput}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </div>
      )}
      {note && <p role="status">{note}</p>}
      <div className={layout.tableScroll}>
        <table className={styles.table}>
          <caption className={layout.visuallyHidden}>{t('roster.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roster.name')}</th>
              <th scope="col">{t('roster.role')}</th>
              <th scope="col">{t('roster.group')}</th>
              <th scope="col">{t('roster.seat')}</th>
              {editable && (
                <th scope="col">
                  <span className={layout.visuallyHidden}>{t('roster.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {draft.map((member) => (
              <tr key={member.id} data-member={member.id}>
                <td>{member.name}</td>
                <td>
                  {editable ? (
                    <Select
                      aria-label={t('roster.roleOf', { name: member.name })}
                      value={member.role}
                      onChange={(_e, data) => {
                        setDraft((all) =>
                          all.map((m) =>
                            m.id === member.id ? { ...m, role: data.value as Role } : m,
                          ),
                        );
                      }}
                    >
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {t(`roles.${role}`)}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    t(`roles.${member.role}`, { context: member.gender ?? 'neutral' })
                  )}
                </td>
                <td>{member.group ?? ''}</td>
                <td>{member.seat ?? ''}</td>
                {editable && (
                  <td>
                    <IconButton
                      size="small"
                      appearance="subtle"
                      icon={<DeleteRegular />}
                      label={t('roster.remove', { name: member.name })}
                      onClick={() => {
                        setDraft((all) => all.filter((m) => m.id !== member.id));
                      }}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && (
        <div className={layout.row}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('roster.save')}
          </Button>
        </div>
      )}
      <ActionFeedback feedback={feedback} />
    </form>
  );
}
