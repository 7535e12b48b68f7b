import type { FloorRequest } from '@council/shared';
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  ArrowDownRegular,
  ArrowUpRegular,
  DismissRegular,
  MicRegular,
  ReOrderDotsVerticalRegular,
} from '@fluentui/react-icons';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayout } from '../styles';
import { IconButton } from './IconButton';

const useStyles = makeStyles({
  entry: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  dragging: { opacity: 0.5 },
  target: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}` },
  handle: { cursor: 'grab', color: tokens.colorNeutralForeground3, flexShrink: 0 },
  who: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexShrink: 0 },
});

export interface QueueActions {
  /** The chair reorders: the request goes to `position` (0 = next to speak). */
  readonly move?: (requestId: string, position: number) => void;
  readonly give?: (requestId: string) => void;
  readonly remove?: (requestId: string) => void;
}

type Focusable = 'up' | 'down';

/**
 * The speaking queue. The chair reorders it by dragging, by the move buttons, or with Alt+↑ and
 * Alt+↓ on an entry; focus stays on the entry that moved, so a keyboard user can keep moving it.
 */
export function SpeakingQueue({
  requests,
  nameOf,
  me,
  actions = {},
}: {
  requests: readonly FloorRequest[];
  nameOf: (memberId: string) => string;
  me?: string;
  actions?: QueueActions;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const layout = useLayout();
  const instructions = useId();
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const buttons = useRef(new Map<string, HTMLElement>());
  const refocus = useRef<{ id: string; button: Focusable } | null>(null);
  const { move, give, remove } = actions;

  useLayoutEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    const index = requests.findIndex((r) => r.id === wanted.id);
    if (index === -1) return;
    refocus.current = null;
    // At an end of the queue that button is disabled: the other one keeps the focus in the entry.
    const atEnd = wanted.button === 'up' ? index === 0 : index === requests.length - 1;
    const button = atEnd ? (wanted.button === 'up' ? 'down' : 'up') : wanted.button;
    buttons.current.get(`${wanted.id}:${button}`)?.focus();
  }, [requests]);

  function moveBy(index: number, by: -1 | 1) {
    const request = requests[index];
    const position = index + by;
    if (!move || !request || position < 0 || position >= requests.length) return;
    refocus.current = { id: request.id, button: by === -1 ? 'up' : 'down' };
    move(request.id, position);
  }

  function onKeyDown(event: KeyboardEvent, index: number) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    moveBy(index, event.key === 'ArrowUp' ? -1 : 1);
  }

  if (requests.length === 0) {
    return <p className={layout.muted}>{t('queue.empty')}</p>;
  }

  return (
    <>
      {move && (
        <p id={instructions} className={layout.visuallyHidden}>
          {t('queue.instructions')}
        </p>
      )}
      <ol className={layout.list} aria-label={t('queue.label')} data-queue="">
        {requests.map((request, index) => {
          const name = nameOf(request.member);
          return (
            <li
              key={request.id}
              data-request={request.id}
              className={mergeClasses(
                styles.entry,
                dragged === request.id && styles.dragging,
                over === index && dragged !== request.id && styles.target,
              )}
              draggable={Boolean(move)}
              onDragStart={(event) => {
                event.dataTransfer.setData('text/plain', request.id);
                event.dataTransfer.effectAllowed = 'move';
                setDragged(request.id);
              }}
              onDragOver={(event) => {
                if (!dragged) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setOver(index);
              }}
              onDragLeave={() => {
                setOver((current) => (current === index ? null : current));
              }}
              onDrop={(event) => {
                event.preventDefault();
                const id = dragged ?? event.dataTransfer.getData('text/plain');
                setDragged(null);
                setOver(null);
                const from = requests.findIndex((r) => r.id === id);
                if (move && from !== -1 && from !== index) move(id, index);
              }}
              onDragEnd={() => {
                setDragged(null);
                setOver(null);
              }}
              onKeyDown={
                move
                  ? (event) => {
                      onKeyDown(event, index);
                    }
                  : undefined
              }
            >
              {move && <ReOrderDotsVerticalRegular aria-hidden className={styles.handle} />}
              <span className={styles.who}>
                <span className={styles.name}>
                  {index + 1}. {name}
                  {request.member === me ? ` (${t('queue.you')})` : ''}
                </span>
                {request.kind !== 'contribution' && (
                  <Badge appearance="outline" color="important" size="small" className={layout.tag}>
                    {t(`floor.kind.${request.kind}`)}
                  </Badge>
                )}
              </span>
              <span className={styles.actions}>
                {move && (
                  <>
                    <IconButton
                      appearance="subtle"
                      size="small"
                      icon={<ArrowUpRegular />}
                      label={t('queue.moveUp', { name })}
                      aria-describedby={instructions}
                      disabled={index === 0}
                      ref={(el) => {
                        if (el) buttons.current.set(`${request.id}:up`, el);
                      }}
                      onClick={() => {
                        moveBy(index, -1);
                      }}
                    />
                    <IconButton
                      appearance="subtle"
                      size="small"
                      icon={<ArrowDownRegular />}
                      label={t('queue.moveDown', { name })}
                      aria-describedby={instructions}
                      disabled={index === requests.length - 1}
                      ref={(el) => {
                        if (el) buttons.current.set(`${request.id}:down`, el);
                      }}
                      onClick={() => {
                        moveBy(index, 1);
                      }}
                    />
                  </>
                )}
                {give && (
                  <IconButton
                    appearance="subtle"
                    size="small"
                    icon={<MicRegular />}
                    label={t('queue.give', { name })}
                    onClick={() => {
                      give(request.id);
                    }}
                  />
                )}
                {remove && (
                  <IconButton
                    appearance="subtle"
                    size="small"
                    icon={<DismissRegular />}
                    label={t('queue.remove', { name })}
                    onClick={() => {
                      remove(request.id);
                    }}
                  />
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
