import { Group, NativeSelect, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffStatus } from '../../../shared/domain';
import { OWN_STATUSES, isOwnStatus } from '../../../shared/domain/preferences';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';

/**
 * My availability for routing, from the staff row (with my pending change laid over, so it shows at once).
 * Labelled "Your status" on screen, so it is never taken for the link's state in the status bar.
 */
export function AgentStatusPicker({ staffId, initial }: { staffId: string; initial: StaffStatus }) {
  const { t } = useTranslation('shell');
  const api = useApi();
  const id = useId();
  const org = useChannel('reference.org', {}, { refreshOn: (c) => Boolean(c.entities.staff?.includes(staffId)) || c.outbox });
  const status = org.data?.staff.find((s) => s.id === staffId)?.status ?? initial;
  return (
    <Group gap={6} wrap="nowrap">
      <Text component="label" htmlFor={id} size="sm" style={{ whiteSpace: 'nowrap' }}>
        {t('status.label')}
      </Text>
      <NativeSelect
        id={id}
        size="sm"
        value={status}
        data-status={status}
        // A status set by a supervisor (offline) still shows as it is.
        data={[...OWN_STATUSES, ...(isOwnStatus(status) ? [] : [status])].map((s) => ({ value: s, label: t(`status.${s}`) }))}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (isOwnStatus(next)) void api.invoke('staff.setOwnStatus', { status: next }).then(() => org.refresh());
        }}
      />
    </Group>
  );
}
