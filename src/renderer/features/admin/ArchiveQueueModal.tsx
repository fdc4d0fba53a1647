import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import type { Org } from '../supervisor/supervisorTypes';
import { openQueueOptions } from './adminOptions';
import { MoveCasesDialog } from './MoveCasesDialog';

/** Archives a queue; when it has open cases, it asks which other open queue takes them first. */
export function ArchiveQueueModal({ org, queue, onClose }: { org: Org; queue: Queue; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const [to, setTo] = useState<string | null>(null);
  return (
    <MoveCasesDialog
      title={t('queues.archiveTitle', { name: queue.name })}
      explain={t('queues.archiveExplain')}
      of={{ queueId: queue.id }}
      heldTexts="queues"
      action={t('queues.archive')}
      chosen={to !== null}
      send={(holding) => api.invoke('admin.archiveQueue', { queueId: queue.id, ...(holding && to ? { moveCasesTo: { queueId: to } } : {}) })}
      picker={(error) => (
        <Select
          label={t('queues.moveTo')}
          data-autofocus
          searchable
          value={to}
          error={error}
          onChange={setTo}
          data={openQueueOptions(org).filter((q) => q.value !== queue.id)}
        />
      )}
      onClose={onClose}
    />
  );
}
