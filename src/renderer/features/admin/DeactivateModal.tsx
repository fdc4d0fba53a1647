import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignTarget } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { TargetSelect } from '../supervisor/TargetSelect';
import type { Org, OrgStaff } from '../supervisor/supervisorTypes';
import { MoveCasesDialog } from './MoveCasesDialog';

/** Deactivates a person; when they hold open cases, it asks which queue or active person takes them first. */
export function DeactivateModal({ org, person, onClose }: { org: Org; person: OrgStaff; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const [to, setTo] = useState<AssignTarget | null>(null);
  const open = { ...org, staff: org.staff.filter((s) => s.active), queues: org.queues.filter((q) => !q.archived) };
  return (
    <MoveCasesDialog
      title={t('people.deactivateTitle', { name: person.name })}
      explain={t('people.deactivateExplain')}
      of={{ staffId: person.id }}
      heldTexts="people"
      action={t('people.deactivate')}
      chosen={to !== null}
      send={(holding) => api.invoke('admin.deactivateStaff', { staffId: person.id, ...(holding && to ? { moveCasesTo: to } : {}) })}
      picker={(error) => <TargetSelect org={open} value={to} onChange={setTo} exceptStaffId={person.id} error={error} />}
      onClose={onClose}
    />
  );
}
