import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, PRIORITIES, type Case, type CaseStatus, type Priority } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { CaseTags } from './CaseTags';
import type { OrgReference } from './useOrgReference';

/** Status, priority, assignee (take it, or hand it back to its queue), queue and tags of a case. */
export function CaseControls({ kase, org, myStaffId }: { kase: Case; org: OrgReference; myStaffId: string | null }) {
  const { t } = useTranslation('case');
  const api = useApi();
  const mine = myStaffId !== null && kase.assigneeId === myStaffId;
  const assignee = kase.assigneeId === null ? t('controls.unassigned') : (org.staffName(kase.assigneeId) ?? t('timeline.staff'));
  const queues = org.queues.some((q) => q.id === kase.queueId) ? org.queues : [];
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          size="xs"
          label={t('controls.status')}
          value={kase.status}
          data={CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`, { ns: 'common' }) }))}
          onChange={(e) => void api.invoke('case.update', { caseId: kase.id, status: e.currentTarget.value as CaseStatus })}
        />
        <NativeSelect
          size="xs"
          label={t('controls.priority')}
          value={kase.priority}
          data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          onChange={(e) => void api.invoke('case.update', { caseId: kase.id, priority: e.currentTarget.value as Priority })}
        />
        <NativeSelect
          size="xs"
          label={t('controls.queue')}
          value={kase.queueId}
          disabled={queues.length === 0}
          data={queues.length > 0 ? queues.map((q) => ({ value: q.id, label: q.name })) : [{ value: kase.queueId, label: kase.queueId }]}
          onChange={(e) => void api.invoke('case.assign', { caseId: kase.id, to: { queueId: e.currentTarget.value } })}
        />
        <Group gap="xs" align="center">
          <Text size="sm" data-testid="case-assignee">
            {t('controls.assignee', { name: assignee })}
          </Text>
          {mine ? (
            <Button size="xs" variant="default" onClick={() => void api.invoke('case.assign', { caseId: kase.id, to: { queueId: kase.queueId } })}>
              {t('controls.handBack')}
            </Button>
          ) : (
            <Button size="xs" onClick={() => void api.invoke('case.assign', { caseId: kase.id, to: 'me' })}>
              {t('controls.take')}
            </Button>
          )}
        </Group>
      </Group>
      <CaseTags kase={kase} />
    </Stack>
  );
}
