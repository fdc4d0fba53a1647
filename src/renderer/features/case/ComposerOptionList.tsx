import { Paper, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useLayoutEffect, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { placeList, type ListPlacement } from './listPlacement';

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
 * The options offered for what is being typed in the composer (`/` canned responses, `@` colleagues), opening
 * above the field (`anchor`) and inside the window (see listPlacement.ts). The textarea keeps the focus (arrow keys
 * move the active option through `aria-activedescendant`, so each option has the id `optionId` gives it); a click
 * picks too.
 */
export function ComposerOptionList<T extends { id: string }>({
  listId,
  optionId,
  label,
  empty,
  matches,
  active,
  onPick,
  anchor,
  children,
}: {
  listId: string;
  optionId(id: string): string;
  label: string;
  /** Said when nothing matches. */
  empty: string;
  matches: readonly T[];
  active: number;
  onPick(option: T): void;
  anchor: RefObject<HTMLElement | null>;
  /** How one option reads. */
  children(option: T): ReactNode;
}) {
  const placement = usePlacement(anchor);
  const activeId = matches[active] ? optionId(matches[active].id) : null;
  // The list scrolls when it is short of room: the option the arrow keys reach comes into its view.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);
  return (
    <Paper withBorder shadow="sm" p={4} data-side={placement?.side} style={placement ? placedStyle(placement) : { visibility: 'hidden' }}>
      {matches.length === 0 ? (
        <Text size="sm" c="dimmed" p="xs" role="status">
          {empty}
        </Text>
      ) : (
        <div role="listbox" id={listId} aria-label={label}>
          {matches.map((option, k) => (
            <UnstyledButton
              key={option.id}
              id={optionId(option.id)}
              role="option"
              aria-selected={k === active}
              tabIndex={-1}
              display="block"
              w="100%"
              p="xs"
              bg={k === active ? 'var(--mantine-color-blue-light)' : undefined}
              // The textarea must keep the focus while the list is open.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(option)}
            >
              {children(option)}
            </UnstyledButton>
          ))}
        </div>
      )}
    </Paper>
  );
}
