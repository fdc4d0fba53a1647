import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Presence } from '../../../shared/domain';

/** Who else has the case open or is typing in it; announced politely to screen readers as it changes. */
export function PresenceBar({ others }: { others: readonly Presence[] }) {
  const { t } = useTranslation('case');
  return (
    <Group gap="xs" aria-live="polite" role="status" aria-label={t('presence.label')}>
      {others.map((p) => (
        <Badge key={p.staffId} color={p.state === 'typing' ? 'orange' : 'gray'} variant="light" data-presence={p.state}>
          {t(`presence.${p.state}`, { name: p.name })}
        </Badge>
      ))}
    </Group>
  );
}
