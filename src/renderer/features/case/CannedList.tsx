import { Text } from '@mantine/core';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../../../shared/domain';
import { ComposerOptionList } from './ComposerOptionList';

export const CANNED_LIST_ID = 'composer-canned-list';
export const cannedOptionId = (id: string): string => `canned-option-${id}`;

/** Canned responses matching the `/query` being typed, above the field (see ComposerOptionList). */
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
  return (
    <ComposerOptionList
      listId={CANNED_LIST_ID}
      optionId={cannedOptionId}
      label={t('canned.label')}
      empty={t('canned.none')}
      matches={matches}
      active={active}
      onPick={onPick}
      anchor={anchor}
    >
      {(c) => (
        <>
          <Text size="sm" fw={600}>
            /{c.shortcut} · {c.title}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {c.body}
          </Text>
        </>
      )}
    </ComposerOptionList>
  );
}
