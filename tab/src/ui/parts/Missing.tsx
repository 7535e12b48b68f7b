import { membersInOffice, type MemberId, type Vote } from '@council/shared';
import { useTranslation } from 'react-i18next';
import { memberName } from '../../meeting';
import { useSession } from '../session';
import { useLayout } from '../styles';

/** Names the members still awaited, so the chair can call them by name. */
function Awaited({
  id,
  heading,
  everyone,
  members,
}: {
  id: string;
  heading: string;
  everyone: string;
  members: readonly MemberId[];
}) {
  const { meeting } = useSession();
  const layout = useLayout();
  return (
    <section className={layout.section} aria-labelledby={id} data-awaited={members.length}>
      <h2 id={id} className={layout.heading}>
        {heading}
      </h2>
      {members.length === 0 ? (
        <p className={layout.muted}>{everyone}</p>
      ) : (
        <p className={layout.grow}>{members.map((m) => memberName(meeting, m)).join(', ')}</p>
      )}
    </section>
  );
}

/** During the roll call: the members in office who have not answered (and are not excused). */
export function NotAnswered() {
  const { t } = useTranslation();
  const { meeting, role } = useSession();
  if (role !== 'chair' || meeting.rollCall.status !== 'open') return null;
  const answered = new Set(meeting.rollCall.answered);
  const awaited = membersInOffice(meeting.setup.roster)
    .map((member) => member.id)
    .filter((id) => !answered.has(id) && meeting.attendance[id]?.status !== 'excused');
  return (
    <Awaited
      id="not-answered-heading"
      heading={t('console.notAnswered', { count: awaited.length })}
      everyone={t('console.everyoneAnswered')}
      members={awaited}
    />
  );
}

/** During a vote: who has not yet voted. Participation is public, even in a secret ballot. */
export function NotVoted({ vote }: { vote: Vote | null }) {
  const { t } = useTranslation();
  const { role } = useSession();
  if (role !== 'chair' || !vote || vote.status !== 'open') return null;
  const tookPart = new Set(vote.participants);
  const awaited = vote.eligible.filter((id) => !tookPart.has(id));
  return (
    <Awaited
      id="not-voted-heading"
      heading={t('console.notVoted', { count: awaited.length })}
      everyone={t('console.everyoneVoted')}
      members={awaited}
    />
  );
}
