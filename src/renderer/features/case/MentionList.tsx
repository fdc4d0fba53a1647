import { Text } from '@mantine/core';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ComposerOptionList } from './ComposerOptionList';
import type { Mentionable } from './mentionQuery';

export const MENTION_LIST_ID = 'composer-mention-list';
export const mentionOptionId = (id: string): string => `mention-option-${id}`;

/** Colleagues matching the `@query` being typed in a note, above the field like the canned list. */
export function MentionList({
  matches,
  active,
  onPick,
  anchor,
}: {
  matches: readonly Mentionable[];
  active: number;
  onPick(person: Mentionable): void;
  anchor: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation('case');
  return (
    <ComposerOptionList
      listId={MENTION_LIST_ID}
      optionId={mentionOptionId}
      label={t('mentions.label')}
      empty={t('mentions.none')}
      matches={matches}
      active={active}
      onPick={onPick}
      anchor={anchor}
    >
      {(p) => <Text size="sm">@{p.name}</Text>}
    </ComposerOptionList>
  );
}
