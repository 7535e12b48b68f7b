import { Agenda, CurrentItem } from '../parts/Agenda';
import { AgendaControl } from '../parts/AgendaControl';
import { AgendaJump } from '../parts/AgendaJump';
import { Conflicts } from '../parts/Conflicts';
import { useSession } from '../session';

/** The panel's Agenda tab, loaded when first opened: the chair's order of business, or the agenda. */
export default function AgendaStep() {
  const { role } = useSession();
  return role === 'chair' ? (
    <>
      <AgendaJump />
      <AgendaControl />
      <Conflicts />
    </>
  ) : (
    <>
      <CurrentItem />
      <Agenda />
      <Conflicts />
    </>
  );
}
