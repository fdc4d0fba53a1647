import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Org } from '../supervisor/supervisorTypes';
import { openQueueOptions } from './adminOptions';

/** One queue, or (cleared) all queues: what an article or canned response is for. */
export function QueueScopeSelect({ org, value, error, onChange }: { org: Org; value: string | null; error?: string; onChange(queueId: string | null): void }) {
  const { t } = useTranslation('admin');
  // A row already tied to a queue archived since keeps it offered, so editing it changes nothing unasked.
  const current = org.queues.find((q) => q.id === value && q.archived);
  return (
    <Select
      label={t('queue')}
      placeholder={t('allQueues')}
      clearable
      searchable
      value={value}
      error={error}
      onChange={onChange}
      data={[...openQueueOptions(org), ...(current ? [{ value: current.id, label: current.name }] : [])]}
    />
  );
}
