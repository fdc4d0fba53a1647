import { Group, NativeSelect, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../shared/domain';
import type { SupervisorData } from '../useSupervisorData';
import { PERIOD_PRESETS, type PeriodPreset } from './vocPeriod';

export interface VocFilterValues {
  preset: PeriodPreset;
  custom: { from: string; to: string };
  minScore: number;
  maxScore: number;
  queueId: string;
  agentId: string;
  channel: Channel | '';
}

export const NO_FILTERS: Omit<VocFilterValues, 'preset' | 'custom'> = { minScore: 1, maxScore: 10, queueId: '', agentId: '', channel: '' };

const SCORES = Array.from({ length: 10 }, (_, i) => String(i + 1));

/** The period and the answers' filters: score range, queue, agent (the case's assignee) and channel. */
export function VocFilters({ value, onChange, data, invalidPeriod }: { value: VocFilterValues; onChange(next: VocFilterValues): void; data: SupervisorData; invalidPeriod: boolean }) {
  const { t } = useTranslation('voc');
  const { t: tc } = useTranslation('common');
  const set = (patch: Partial<VocFilterValues>) => onChange({ ...value, ...patch });
  const all = { value: '', label: t('filters.all') };
  return (
    <Group align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label={t('period.label')}
        value={value.preset}
        onChange={(v) => set({ preset: v as PeriodPreset })}
        data={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
      />
      {value.preset === 'custom' && (
        <>
          <TextInput type="date" label={t('period.from')} value={value.custom.from} onChange={(e) => set({ custom: { ...value.custom, from: e.currentTarget.value } })} />
          <TextInput type="date" label={t('period.to')} value={value.custom.to} onChange={(e) => set({ custom: { ...value.custom, to: e.currentTarget.value } })} />
          {invalidPeriod && (
            <Text size="sm" c="red.8" role="status">
              {t('period.invalid')}
            </Text>
          )}
        </>
      )}
      <NativeSelect label={t('filters.minScore')} value={String(value.minScore)} data={SCORES} onChange={(e) => set({ minScore: Number(e.currentTarget.value) })} />
      <NativeSelect label={t('filters.maxScore')} value={String(value.maxScore)} data={SCORES} onChange={(e) => set({ maxScore: Number(e.currentTarget.value) })} />
      <NativeSelect
        label={t('filters.queue')}
        value={value.queueId}
        onChange={(e) => set({ queueId: e.currentTarget.value })}
        data={[all, ...(data.org.data?.queues ?? []).map((q) => ({ value: q.id, label: q.name }))]}
      />
      <NativeSelect
        label={t('filters.agent')}
        value={value.agentId}
        onChange={(e) => set({ agentId: e.currentTarget.value })}
        data={[all, ...(data.org.data?.staff ?? []).map((s) => ({ value: s.id, label: s.name }))]}
      />
      <NativeSelect
        label={t('filters.channel')}
        value={value.channel}
        onChange={(e) => set({ channel: e.currentTarget.value as Channel | '' })}
        data={[all, ...CHANNELS.map((c) => ({ value: c, label: tc(`channel.${c}`) }))]}
      />
    </Group>
  );
}
