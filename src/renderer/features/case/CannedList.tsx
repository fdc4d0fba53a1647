import { Paper, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../../../shared/domain';
import { placeList, type ListPlacement } from './listPlacement';

export const CANNED_LIST_ID = 'composer-canned-list';
export const cannedOptionId = (id: string): string => `canned-option-${id}`;

/** Where the list goes for the field as it is now laid out, followed as the window or the field changes size. */
function usePlacement(anchor: RefObject<HTMLElement | null>): ListPlacement | null {
  const [placement, setPlacement] = useState<ListPlacement | null>(null);
  useLayoutEffect(() => {
    const field = anchor.current;
    if (!field) return;
    const measure = () => setPlacement(placeList(field.getBoundingClientRect(), window.innerHeight));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(field);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [anchor]);
  return placement;
}

const placedStyle = (p: ListPlacement): CSSProperties => ({
  position: 'fixed',
  zIndex: 'var(--mantine-z-index-popover)',
  left: p.left,
  width: p.width,
  maxHeight: p.maxHeight,
  overflowY: 'auto',
  ...(p.side === 'above' ? { bottom: p.bottom } : { top: p.top }),
});

/**
 * Canned responses matching the `/query` being typed, opening above the field (`anchor`) and inside the window
 * (see listPlacement.ts). The textarea keeps the focus (arrow keys move the active option through
 * `aria-activedescendant`); a click picks too.
 */
export function CannedList({
  matches,
  active,
  onPick,
  anchor,
}: {
  matches: readonly CannedResponse[];
  active: number;
  onPick(response: CannedResponse): void;
  anchor: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation('case');
  const placement = usePlacement(anchor);
  const activeId = matches[active] ? cannedOptionId(matches[active].id) : null;
  // The list scrolls when it is short of room: the option the arrow keys reach comes into its view.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);
  return (
    <Paper withBorder shadow="sm" p={4} data-side={placement?.side} style={placement ? placedStyle(placement) : { visibility: 'hidden' }}>
      {matches.length === 0 ? (
        <Text size="sm" c="dimmed" p="xs" role="status">
          {t('canned.none')}
        </Text>
      ) : (
        <div role="listbox" id={CANNED_LIST_ID} aria-label={t('canned.label')}>
          {matches.map((c, k) => (
            <UnstyledButton
              key={c.id}
              id={cannedOptionId(c.id)}
              role="option"
              aria-selected={k === active}
              tabIndex={-1}
              display="block"
              w="100%"
              p="xs"
              bg={k === active ? 'var(--mantine-color-blue-light)' : undefined}
              // The textarea must keep the focus while the list is open.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(c)}
            >
              <Text size="sm" fw={600}>
                /{c.shortcut} · {c.title}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {c.body}
              </Text>
            </UnstyledButton>
          ))}
        </div>
      )}
    </Paper>
  );
}
