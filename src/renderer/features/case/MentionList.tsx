import { Paper, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Mentionable } from './mentionQuery';

export const MENTION_LIST_ID = 'composer-mention-list';
export const mentionOptionId = (id: string): string => `mention-option-${id}`;

/**
 * Colleagues matching the `@query` being typed in a note. Like the canned list, the textarea keeps the focus
 * (arrow keys move the active option through `aria-activedescendant`); a click picks too.
 */
export function MentionList({ matches, active, onPick }: { matches: readonly Mentionable[]; active: number; onPick(person: Mentionable): void }) {
  const { t } = useTranslation('case');
  return (
    <Paper withBorder shadow="sm" p={4}>
      {matches.length === 0 ? (
        <Text size="sm" c="dimmed" p="xs" role="status">
          {t('mentions.none')}
        </Text>
      ) : (
        <div role="listbox" id={MENTION_LIST_ID} aria-label={t('mentions.label')}>
          {matches.map((p, k) => (
            <UnstyledButton
              key={p.id}
              id={mentionOptionId(p.id)}
              role="option"
              aria-selected={k === active}
              tabIndex={-1}
              display="block"
              w="100%"
              p="xs"
              bg={k === active ? 'var(--mantine-color-blue-light)' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(p)}
            >
              <Text size="sm">@{p.name}</Text>
            </UnstyledButton>
          ))}
        </div>
      )}
    </Paper>
  );
}
