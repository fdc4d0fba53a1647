import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssignTarget } from '../../../shared/protocol';
import { parseTarget, targetValue } from './assignTarget';
import type { Org } from './supervisorTypes';

/** Where to move cases: an agent (by name and status) or a queue; `exceptStaffId` leaves out the person they come from. */
export function TargetSelect({
  org,
  value,
  onChange,
  exceptStaffId,
  error,
}: {
  org: Org;
  value: AssignTarget | null;
  onChange(to: AssignTarget | null): void;
  exceptStaffId?: string;
  error?: string;
}) {
  const { t } = useTranslation('supervisor');
  const agents = org.staff.filter((s) => s.role !== 'store' && s.id !== exceptStaffId);
  return (
    <Select
      label={t('target.label')}
      placeholder={t('target.placeholder')}
      searchable
      value={value && targetValue(value)}
      error={error}
      onChange={(v) => onChange(parseTarget(v))}
      data={[
        { group: t('target.agents'), items: agents.map((s) => ({ value: targetValue({ staffId: s.id }), label: t('target.agent', { name: s.name, status: t(`shell:status.${s.status}`) }) })) },
        { group: t('target.queues'), items: org.queues.map((q) => ({ value: targetValue({ queueId: q.id }), label: q.name })) },
      ]}
    />
  );
}
