import { Checkbox, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from './ModalActions';
import type { AssignTarget } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { TargetSelect } from './TargetSelect';
import type { Org, OrgStaff } from './supervisorTypes';

/** An agent leaving mid-shift: all their open cases go to someone else or a queue, and they are marked away. */
export function MoveAllModal({
  staff,
  org,
  caseIds,
  onMoved,
  onClose,
}: {
  staff: OrgStaff;
  org: Org;
  caseIds: string[];
  onMoved(mutationId: string, caseIds: string[], to: AssignTarget): void;
  onClose(): void;
}) {
  const { t } = useTranslation('supervisor');
  const api = useApi();
  const [to, setTo] = useState<AssignTarget | null>(null);
  const [markAway, setMarkAway] = useState(true);
  const move = async () => {
    if (!to) return;
    const result = await api.invoke('supervisor.reassignAll', { fromStaffId: staff.id, to, ...(markAway ? { setStatus: 'away' as const } : {}) });
    if (result.ok) onMoved(result.value.mutationId, caseIds, to);
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('moveAll.title', { name: staff.name })}>
      <Stack>
        <Text size="sm">{t('moveAll.count', { count: caseIds.length })}</Text>
        <TargetSelect org={org} value={to} onChange={setTo} exceptStaffId={staff.id} />
        <Checkbox label={t('moveAll.markAway')} checked={markAway} onChange={(e) => setMarkAway(e.currentTarget.checked)} />
        <ModalActions onCancel={onClose} onConfirm={() => void move()} confirmLabel={t('moveAll.confirm')} disabled={!to} />
      </Stack>
    </Modal>
  );
}
