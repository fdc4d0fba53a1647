import { Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenCase } from '../../../shared/domain';
import type { AssignTarget } from '../../../shared/protocol';
import { SlaCountdown } from '../../components/SlaCountdown';
import { useApi } from '../../lib/api/useApi';
import { moveWarning } from './assignTarget';
import { byUrgency } from './caseUrgency';
import { ModalActions } from './ModalActions';
import type { DashboardCase, Org, OrgStaff } from './supervisorTypes';
import { MoveWarningNote, TargetSelect } from './TargetSelect';

/** Cases named in the dialog, most urgent first; the rest are counted. */
const LISTED = 5;

/**
 * An agent leaving mid-shift: all their open cases (listed most urgent first) go to someone else or a queue, and
 * they are marked away. A person who is away, offline or would be over capacity is warned about, not refused.
 */
export function MoveAllModal({
  staff,
  org,
  cases,
  now,
  onMoved,
  onClose,
}: {
  staff: OrgStaff;
  org: Org;
  /** The console's cases; those this agent holds open are the ones moving. */
  cases: readonly DashboardCase[];
  now: number;
  onMoved(mutationId: string, caseIds: string[], to: AssignTarget): void;
  onClose(): void;
}) {
  const { t } = useTranslation('supervisor');
  const api = useApi();
  const [to, setTo] = useState<AssignTarget | null>(null);
  const [markAway, setMarkAway] = useState(true);
  const all = useMemo(() => cases.map((c) => c.case), [cases]);
  const moving = useMemo(() => cases.filter((c) => c.case.assigneeId === staff.id && isOpenCase(c.case)).sort((a, b) => byUrgency(a.case, b.case)), [cases, staff.id]);
  const warning = useMemo(
    () =>
      moveWarning(
        to,
        org.staff,
        all,
        moving.map((c) => c.case),
      ),
    [to, org.staff, all, moving],
  );
  const move = async () => {
    if (!to) return;
    const result = await api.invoke('supervisor.reassignAll', { fromStaffId: staff.id, to, ...(markAway ? { setStatus: 'away' as const } : {}) });
    if (result.ok)
      onMoved(
        result.value.mutationId,
        moving.map((c) => c.case.id),
        to,
      );
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('moveAll.title', { name: staff.name })}>
      <Stack>
        <Text size="sm">{t('moveAll.count', { count: moving.length })}</Text>
        {moving.length > 0 && (
          <List size="sm" spacing={2} aria-label={t('moveAll.list')} data-testid="move-all-cases">
            {moving.slice(0, LISTED).map(({ case: c, customerName }) => (
              <List.Item key={c.id}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" lineClamp={1}>
                    {customerName ?? t('unknownCustomer')}: {c.subject}
                  </Text>
                  <SlaCountdown sla={c} now={now} />
                </Group>
              </List.Item>
            ))}
            {moving.length > LISTED && <List.Item>{t('moveAll.more', { count: moving.length - LISTED })}</List.Item>}
          </List>
        )}
        <TargetSelect org={org} cases={all} value={to} onChange={setTo} exceptStaffId={staff.id} />
        {warning && <MoveWarningNote warning={warning} />}
        <Checkbox label={t('moveAll.markAway')} checked={markAway} onChange={(e) => setMarkAway(e.currentTarget.checked)} />
        <ModalActions onCancel={onClose} onConfirm={() => void move()} confirmLabel={warning ? t('moveAll.confirmAnyway') : t('moveAll.confirm')} disabled={!to} />
      </Stack>
    </Modal>
  );
}
