import { Button, Group, List, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Voc } from '../../../../shared/protocol';

/**
 * The words and phrases that recur in low-score comments, most comments first. Picking one shows only the
 * answers whose comment holds it (the hub matches it folded, as search does); picking it again shows all.
 */
export function VocPhrases({ phrases, active, onPick }: { phrases: Voc['phrases']; active: string | null; onPick(phrase: string | null): void }) {
  const { t } = useTranslation('voc');
  return (
    <section aria-labelledby="voc-phrases-title">
      <Title order={3} size="h4" id="voc-phrases-title" mb={4}>
        {t('phrases.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('phrases.intro', { count: phrases.lowScoreComments })}
      </Text>
      {active !== null && (
        <Group gap="xs" mb="xs">
          <Text size="sm" role="status">
            {t('phrases.active', { phrase: active })}
          </Text>
          <Button size="compact-xs" variant="default" onClick={() => onPick(null)}>
            {t('phrases.clear')}
          </Button>
        </Group>
      )}
      {phrases.items.length === 0 ? (
        <Text size="sm">{t('phrases.none')}</Text>
      ) : (
        <List type="ordered" spacing={4} data-testid="voc-phrases">
          {phrases.items.map((p) => (
            <List.Item key={p.phrase}>
              <UnstyledButton
                aria-pressed={active === p.phrase}
                aria-label={t('phrases.filterBy', { phrase: p.phrase })}
                onClick={() => onPick(active === p.phrase ? null : p.phrase)}
                fw={active === p.phrase ? 700 : undefined}
                td="underline"
              >
                {p.phrase}
              </UnstyledButton>{' '}
              <Text span size="sm" c="dimmed">
                {t('phrases.times', { count: p.count })} · {t('phrases.comments', { count: p.comments })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
