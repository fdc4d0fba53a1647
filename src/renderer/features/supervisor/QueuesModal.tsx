import { Checkbox, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from './ModalActions';
import type { Queue } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import type { OrgStaff } from './supervisorTypes';

/** The queues an agent works, as checkboxes: the keyboard's way to do what dragging does. */
export function QueuesModal({ staff, queues, current, onClose }: { staff: OrgStaff; queues: readonly Queue[]; current: string[]; onClose(): void }) {
  const { t } = useTranslation('supervisor');
  const api = useApi();
  const [picked, setPicked] = useState(current);
  const save = async () => {
    await api.invoke('supervisor.updateStaff', { staffId: staff.id, patch: { queueIds: picked } });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('agents.queuesTitle', { name: staff.name })}>
      <Checkbox.Group value={picked} onChange={setPicked} label={t('agents.queues')}>
        <Stack gap="xs" mt="xs">
          {queues.map((q) => (
            <Checkbox key={q.id} value={q.id} label={q.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      <ModalActions onCancel={onClose} onConfirm={() => void save()} confirmLabel={t('save')} />
    </Modal>
  );
}
