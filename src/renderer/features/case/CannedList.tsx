import { Paper, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../../../shared/domain';

export const CANNED_LIST_ID = 'composer-canned-list';
export const cannedOptionId = (id: string): string => `canned-option-${id}`;

/**
 * Canned responses matching the `/query` being typed. The textarea keeps the focus (arrow keys move the active
 * option through `aria-activedescendant`); a click picks too.
 */
export function CannedList({
  matches,
  active,
  onPick,
}: {
  matches: readonly CannedResponse[];
  active: number;
  onPick(response: CannedResponse): void;
}) {
  const { t } = useTranslation('case');
  return (
    <Paper withBorder shadow="sm" p={4}>
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
