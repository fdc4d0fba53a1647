import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignTarget } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { TargetSelect } from '../supervisor/TargetSelect';
import type { Org, OrgStaff } from '../supervisor/supervisorTypes';
import { useHeldCases } from './heldCases';
import { adminRefusal, type FieldRefusal } from './refusal';

/**
 * Deactivates a person. When they hold open cases (as this workstation knows them, or as the hub says), it asks
 * which queue or person takes them first.
 */
export function DeactivateModal({ org, person, onClose }: { org: Org; person: OrgStaff; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const { count, holding, noteRefusal } = useHeldCases({ staffId: person.id });
  const [to, setTo] = useState<AssignTarget | null>(null);
  const [refusal, setRefusal] = useState<FieldRefusal | null>(null);

  async function deactivate() {
    const result = await api.invoke('admin.deactivateStaff', { staffId: person.id, ...(holding && to ? { moveCasesTo: to } : {}) });
    if (result.ok) return onClose();
    noteRefusal(result.error);
    setRefusal(adminRefusal(t, result.error));
  }

  const active = org.staff.filter((s) => s.active);
  return (
    <Modal opened onClose={onClose} title={t('people.deactivateTitle', { name: person.name })}>
      <Stack gap="sm">
        <Text size="sm">{t('people.deactivateExplain')}</Text>
        {holding && (
          <>
            <Text size="sm">{count > 0 ? t('people.holding', { count }) : t('people.holdingSome')}</Text>
            <TargetSelect org={{ ...org, staff: active, queues: org.queues.filter((q) => !q.archived) }} value={to} onChange={setTo} exceptStaffId={person.id} />
          </>
        )}
        {refusal && (
          <Alert color="red" role="alert">
            {refusal.text}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button color="red" disabled={holding && to === null} onClick={() => void deactivate()}>
            {t('people.deactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
