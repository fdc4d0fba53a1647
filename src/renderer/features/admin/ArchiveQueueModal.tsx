import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import type { Org } from '../supervisor/supervisorTypes';
import { openQueueOptions } from './adminOptions';
import { useHeldCases } from './heldCases';
import { adminRefusal, errorAt, type FieldRefusal } from './refusal';

/**
 * Archives a queue. When it has open cases (as this workstation knows them, or as the hub says), it asks which
 * open queue takes them first; any other refusal of the hub is shown as it comes.
 */
export function ArchiveQueueModal({ org, queue, onClose }: { org: Org; queue: Queue; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const { count, holding, noteRefusal } = useHeldCases({ queueId: queue.id });
  const [to, setTo] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<FieldRefusal | null>(null);

  async function archive() {
    const result = await api.invoke('admin.archiveQueue', { queueId: queue.id, ...(holding && to ? { moveCasesTo: { queueId: to } } : {}) });
    if (result.ok) return onClose();
    noteRefusal(result.error);
    setRefusal(adminRefusal(t, result.error));
  }

  const atTarget = errorAt(refusal, 'moveCasesTo');
  return (
    <Modal opened onClose={onClose} title={t('queues.archiveTitle', { name: queue.name })}>
      <Stack gap="sm">
        <Text size="sm">{t('queues.archiveExplain')}</Text>
        {holding && (
          <>
            <Text size="sm">{count > 0 ? t('queues.holding', { count }) : t('queues.holdingSome')}</Text>
            <Select
              label={t('queues.moveTo')}
              data-autofocus
              searchable
              value={to}
              error={atTarget}
              onChange={setTo}
              data={openQueueOptions(org).filter((q) => q.value !== queue.id)}
            />
          </>
        )}
        {refusal && !atTarget && (
          <Alert color="red" role="alert">
            {refusal.text}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button color="red" disabled={holding && to === null} onClick={() => void archive()}>
            {t('queues.archive')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
