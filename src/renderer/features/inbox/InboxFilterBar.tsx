import { Group, MultiSelect, NativeSelect, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, CHANNELS, type Channel, type Queue } from '../../../shared/domain';
import type { InboxFilters, InboxScope, InboxSort, InboxStatus } from './inboxQuery';

const SCOPES: InboxScope[] = ['all', 'mine', 'unassigned'];
/** Who is waiting on us first (the default), then the other orders. */
const SORTS: InboxSort[] = ['sla', 'waiting', 'updated'];
const STATUSES: InboxStatus[] = ['open', ...CASE_STATUSES];
const ALL_QUEUES = '';

/** Filters and order of the inbox. */
export function InboxFilterBar({ value, queues, onChange }: { value: InboxFilters; queues: Queue[]; onChange(next: InboxFilters): void }) {
  const { t } = useTranslation('inbox');
  const set = <K extends keyof InboxFilters>(key: K, v: InboxFilters[K]) => onChange({ ...value, [key]: v });
  return (
    <Group gap="xs" p="xs" wrap="wrap" role="group" aria-label={t('filters.label')}>
      <SegmentedControl
        size="xs"
        value={value.scope}
        onChange={(v) => set('scope', v as InboxScope)}
        data={SCOPES.map((s) => ({ value: s, label: t(`filters.scope.${s}`) }))}
        aria-label={t('filters.scope.label')}
      />
      <MultiSelect
        size="xs"
        w={180}
        aria-label={t('filters.channels')}
        placeholder={value.channels.length ? undefined : t('filters.allChannels')}
        data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`, { ns: 'common' }) }))}
        value={value.channels}
        onChange={(v) => set('channels', v as Channel[])}
        clearable
      />
      <NativeSelect
        size="xs"
        aria-label={t('filters.queue')}
        value={value.queueId ?? ALL_QUEUES}
        data={[{ value: ALL_QUEUES, label: t('filters.allQueues') }, ...queues.map((q) => ({ value: q.id, label: q.name }))]}
        onChange={(e) => set('queueId', e.currentTarget.value || null)}
      />
      <NativeSelect
        size="xs"
        aria-label={t('filters.status')}
        value={value.status}
        data={STATUSES.map((s) => ({ value: s, label: s === 'open' ? t('filters.openStatuses') : t(`caseStatus.${s}`, { ns: 'common' }) }))}
        onChange={(e) => set('status', e.currentTarget.value as InboxStatus)}
      />
      <NativeSelect
        size="xs"
        aria-label={t('filters.sort')}
        value={value.sort}
        data={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        onChange={(e) => set('sort', e.currentTarget.value as InboxSort)}
      />
    </Group>
  );
}
