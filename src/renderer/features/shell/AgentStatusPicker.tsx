import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffStatus } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';

/** Statuses a person sets for themselves from the header; "offline" follows signing out. */
const OWN_STATUSES = ['available', 'busy', 'away'] as const satisfies readonly StaffStatus[];
const isOwnStatus = (s: string): s is (typeof OWN_STATUSES)[number] => (OWN_STATUSES as readonly string[]).includes(s);

/** My availability for routing, from the staff row (with my pending change laid over, so it shows at once). */
export function AgentStatusPicker({ staffId, initial }: { staffId: string; initial: StaffStatus }) {
  const { t } = useTranslation('shell');
  const api = useApi();
  const org = useChannel('reference.org', {}, { refreshOn: (c) => Boolean(c.entities.staff?.includes(staffId)) || c.outbox });
  const status = org.data?.staff.find((s) => s.id === staffId)?.status ?? initial;
  return (
    <NativeSelect
      size="sm"
      aria-label={t('status.label')}
      value={status}
      // A status set by a supervisor (offline) still shows as it is.
      data={[...OWN_STATUSES, ...(isOwnStatus(status) ? [] : [status])].map((s) => ({ value: s, label: t(`status.${s}`) }))}
      onChange={(e) => {
        const next = e.currentTarget.value;
        if (isOwnStatus(next)) void api.invoke('staff.setOwnStatus', { status: next }).then(() => org.refresh());
      }}
    />
  );
}
