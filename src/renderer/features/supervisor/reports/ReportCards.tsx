import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KpiCard } from './reportFigures';

const ARROW: Record<KpiCard['direction'], string> = { up: '▲', down: '▼', same: '＝', none: '' };
const TONE_COLOR: Record<KpiCard['tone'], string> = { good: 'teal.9', bad: 'red.9', neutral: 'dimmed' };

/**
 * The key figures as cards: this period's value, the previous period's and the change in words (the arrow and
 * colour repeat it for a quick look; colour is never the only sign). Each card is named by its figure and has a
 * stable `kpi-<key>` test id, the key the CSV export's summary rows carry too.
 */
export function ReportCards({ cards, surveysSent }: { cards: KpiCard[]; surveysSent: number }) {
  const { t } = useTranslation('reports');
  return (
    <Stack gap="xs" component="section" aria-labelledby="report-kpi-title">
      <Title order={3} size="h5" id="report-kpi-title">
        {t('kpiTitle')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4, xl: 5 }} spacing="sm">
        {cards.map((card) => (
          <Paper key={card.key} withBorder p="sm" role="group" aria-labelledby={`kpi-label-${card.key}`} data-testid={`kpi-${card.key}`}>
            <Text size="sm" c="dimmed" id={`kpi-label-${card.key}`}>
              {card.label}
            </Text>
            <Text size="xl" fw={700} data-testid="kpi-value">
              {card.current}
            </Text>
            {card.key === 'csatResponseRate' && (
              <Text size="xs" c="dimmed">
                {t('surveysSent', { count: surveysSent })}
              </Text>
            )}
            {card.previous !== null && (
              <Text size="xs" data-testid="kpi-previous">
                {t('previous', { value: card.previous })}
              </Text>
            )}
            <Group gap={4} wrap="nowrap">
              {ARROW[card.direction] && (
                <Text size="xs" c={TONE_COLOR[card.tone]} aria-hidden>
                  {ARROW[card.direction]}
                </Text>
              )}
              <Text size="xs" c={TONE_COLOR[card.tone]} fw={card.tone === 'neutral' ? undefined : 600} data-testid="kpi-change">
                {card.change}
              </Text>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
