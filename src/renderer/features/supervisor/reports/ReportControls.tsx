import type { TFunction } from 'i18next';
import { Checkbox, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../shared/domain';
import { MAX_REPORT_DAYS, REPORT_GRANULARITIES, type ReportFilter, type ReportGranularity } from '../../../../shared/protocol/reports';
import { PERIOD_PRESETS, type CustomPeriod, type PeriodPreset } from './period';

/** What the supervisor chose; the period itself is computed from it (period.ts). */
export interface ReportSettings {
  preset: PeriodPreset;
  /** The custom range's first and last day (`YYYY-MM-DD`), both included. */
  customFrom: string;
  customTo: string;
  /** Null: the default for the period's span. */
  granularity: ReportGranularity | null;
  compare: boolean;
  filters: ReportFilter;
}

export const FILTERS = ['queueId', 'channel', 'agentId', 'storeId'] as const;
export type FilterKey = (typeof FILTERS)[number];
export const FILTER_LABEL: Record<FilterKey, string> = { queueId: 'queue', channel: 'channel', agentId: 'agent', storeId: 'store' };

export type FilterOptions = Record<FilterKey, { value: string; label: string }[]>;

const ALL = '';

/** The report's period, granularity, comparison and filters: native controls, so every one works by keyboard. */
export function ReportControls({
  settings,
  onChange,
  custom,
  granularity,
  allowed,
  options,
}: {
  settings: ReportSettings;
  onChange(next: ReportSettings): void;
  /** The custom range as checked (null for presets). */
  custom: CustomPeriod | null;
  granularity: ReportGranularity;
  allowed: readonly ReportGranularity[];
  options: FilterOptions;
}) {
  const { t } = useTranslation('reports');
  const set = (patch: Partial<ReportSettings>) => onChange({ ...settings, ...patch });
  return (
    <Stack gap="sm" component="section" aria-label={t('controls')}>
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          label={t('period.label')}
          value={settings.preset}
          onChange={(e) => set({ preset: e.currentTarget.value as PeriodPreset })}
          data={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
        />
        {settings.preset === 'custom' && (
          <>
            <TextInput type="date" label={t('period.from')} value={settings.customFrom} onChange={(e) => set({ customFrom: e.currentTarget.value })} />
            <TextInput type="date" label={t('period.to')} value={settings.customTo} onChange={(e) => set({ customTo: e.currentTarget.value })} />
          </>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="report-granularity-label">
            {t('granularity.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="report-granularity-label"
            value={granularity}
            onChange={(v) => set({ granularity: v as ReportGranularity })}
            data={REPORT_GRANULARITIES.map((g) => ({ value: g, label: t(`granularity.${g}`), disabled: !allowed.includes(g) }))}
          />
        </Stack>
        <Checkbox label={t('compare')} checked={settings.compare} onChange={(e) => set({ compare: e.currentTarget.checked })} mb={8} />
      </Group>
      {custom && !custom.ok && (
        <Text size="sm" c="red.8" role="alert">
          {t(`period.${custom.problem}`, { days: MAX_REPORT_DAYS })}
        </Text>
      )}
      <Group align="flex-end" gap="md" wrap="wrap">
        {FILTERS.map((key) => (
          <NativeSelect
            key={key}
            label={t(`filters.${FILTER_LABEL[key]}`)}
            value={settings.filters[key] ?? ALL}
            onChange={(e) => {
              const value = e.currentTarget.value;
              const filters = { ...settings.filters };
              if (value === ALL) delete filters[key];
              else Object.assign(filters, { [key]: value });
              set({ filters });
            }}
            data={[{ value: ALL, label: t('filters.all') }, ...options[key]]}
          />
        ))}
      </Group>
    </Stack>
  );
}

/** The choices of each filter, from the organisation the console already holds. */
export function filterOptions(
  t: TFunction,
  org: { queues: { id: string; name: string; archived: boolean }[]; staff: { id: string; name: string; role: string }[]; stores: { id: string; name: string }[] } | undefined,
): FilterOptions {
  return {
    queueId: (org?.queues ?? []).filter((q) => !q.archived).map((q) => ({ value: q.id, label: q.name })),
    channel: CHANNELS.map((c) => ({ value: c, label: t(`common:channel.${c}`) })),
    agentId: (org?.staff ?? []).filter((s) => s.role === 'agent').map((s) => ({ value: s.id, label: s.name })),
    storeId: (org?.stores ?? []).map((s) => ({ value: s.id, label: s.name })),
  };
}
