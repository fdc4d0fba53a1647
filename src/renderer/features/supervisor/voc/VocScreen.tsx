import { Alert, Divider, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocGranularity } from '../../../../shared/protocol';
import { useChannel } from '../../../lib/api/useChannel';
import { useEvent } from '../../../lib/api/useEvent';
import { errorText } from '../../../lib/errorText';
import type { SupervisorData } from '../useSupervisorData';
import { VocAlertResults } from './VocAlertResults';
import { VocAnswers } from './VocAnswers';
import { NO_FILTERS, VocFilters, type VocFilterValues } from './VocFilters';
import { localTimeZone, periodRange } from './vocPeriod';
import { VocPhrases } from './VocPhrases';

/** Answers per page. */
export const VOC_PAGE_SIZE = 25;

/**
 * Voice of the Customer: every survey answer of a period with its comment (filtered, paged, each opening its
 * case), what recurs in the low-score comments, and what came of red alerts over time. Computed by the hub in
 * this workstation's time zone (offline it says it needs the hub); asked again when the link comes back.
 */
export function VocScreen({ data, onOpenCase }: { data: SupervisorData; onOpenCase(caseId: string): void }) {
  const { t } = useTranslation('voc');
  const [filters, setFilters] = useState<VocFilterValues>({ preset: 'week', custom: { from: '', to: '' }, ...NO_FILTERS });
  const [phrase, setPhrase] = useState<string | null>(null);
  const [granularity, setGranularity] = useState<VocGranularity>('day');
  const [cursor, setCursor] = useState(0);

  const range = periodRange(filters.preset, data.now, filters.custom);
  const scoresOk = filters.minScore <= filters.maxScore;
  const query =
    range && scoresOk
      ? {
          ...range,
          timeZone: localTimeZone(),
          granularity,
          ...(filters.minScore > 1 ? { minScore: filters.minScore } : {}),
          ...(filters.maxScore < 10 ? { maxScore: filters.maxScore } : {}),
          ...(filters.queueId ? { queueId: filters.queueId } : {}),
          ...(filters.agentId ? { agentId: filters.agentId } : {}),
          ...(filters.channel ? { channel: filters.channel } : {}),
          ...(phrase !== null ? { phrase } : {}),
          cursor,
          limit: VOC_PAGE_SIZE,
        }
      : null;
  const answer = useChannel('supervisor.voc', query, { refreshOn: () => false });
  useEvent('connection.changed', (c) => {
    if (c.state === 'online') answer.refresh();
  });
  // Any new filter starts again from the first page.
  const refilter = (next: VocFilterValues) => {
    setFilters(next);
    setCursor(0);
  };
  const pick = (next: string | null) => {
    setPhrase(next);
    setCursor(0);
  };

  return (
    <Stack gap="lg" p="md">
      <Text size="sm" c="dimmed" maw={720}>
        {t('intro')}
      </Text>
      <VocFilters value={filters} onChange={refilter} data={data} invalidPeriod={filters.preset === 'custom' && range === null && filters.custom.from !== '' && filters.custom.to !== ''} />
      {!scoresOk && (
        <Text size="sm" c="red.8" role="status">
          {t('filters.badScores')}
        </Text>
      )}
      {answer.error && (
        <Alert color={answer.error.code === 'offline' ? 'gray' : 'red'} role="alert">
          {answer.error.code === 'offline' ? t('offline') : errorText(t, answer.error)}
        </Alert>
      )}
      {query !== null && !answer.data && !answer.error && <Text c="dimmed">{t('loading')}</Text>}
      {answer.data && (
        <>
          <VocAnswers answers={answer.data.answers} pageSize={VOC_PAGE_SIZE} onPage={setCursor} onOpenCase={onOpenCase} />
          <Divider />
          <VocPhrases phrases={answer.data.phrases} active={phrase} onPick={pick} />
          <Divider />
          <VocAlertResults alerts={answer.data.alerts} timeZone={answer.data.timeZone} onGranularity={setGranularity} />
        </>
      )}
    </Stack>
  );
}
