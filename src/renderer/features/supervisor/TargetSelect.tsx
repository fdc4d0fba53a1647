import { Alert, List, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/domain';
import type { AssignTarget } from '../../../shared/protocol';
import { formatPercent } from '../../lib/format';
import { agentLoad, loadShare } from './agentLoad';
import { parseTarget, targetValue, type MoveWarning } from './assignTarget';
import type { Org } from './supervisorTypes';

type LoadCase = Pick<Case, 'id' | 'assigneeId' | 'status' | 'lastChannel'>;

/**
 * Where to move cases: an agent (by name and status, with their open cases and load when `cases` are known, so
 * the supervisor sees who has room) or a queue; `exceptStaffId` leaves out the person they come from.
 */
export function TargetSelect({
  org,
  cases,
  value,
  onChange,
  exceptStaffId,
  error,
}: {
  org: Org;
  /** The console's cases: each person's open cases and load are counted from them (the admin screens have none). */
  cases?: readonly LoadCase[];
  value: AssignTarget | null;
  onChange(to: AssignTarget | null): void;
  exceptStaffId?: string;
  error?: string;
}) {
  const { t, i18n } = useTranslation('supervisor');
  const lng = i18n.language;
  const agents = useMemo(() => {
    const byAssignee = new Map<string, LoadCase[]>();
    for (const c of cases ?? []) if (c.assigneeId) (byAssignee.get(c.assigneeId) ?? byAssignee.set(c.assigneeId, []).get(c.assigneeId)!).push(c);
    return org.staff
      .filter((s) => s.role !== 'store' && s.id !== exceptStaffId)
      .map((s) => {
        const { open, load } = agentLoad(s, byAssignee.get(s.id) ?? []);
        return { s, figures: cases && { count: open.length, load: formatPercent(lng, 100 * loadShare(load)) } };
      });
  }, [org.staff, cases, exceptStaffId, lng]);
  return (
    <Select
      label={t('target.label')}
      placeholder={t('target.placeholder')}
      searchable
      value={value && targetValue(value)}
      error={error}
      onChange={(v) => onChange(parseTarget(v))}
      data={[
        {
          group: t('target.agents'),
          items: agents.map(({ s, figures }) => {
            const named = { name: s.name, status: t(`shell:status.${s.status}`) };
            return { value: targetValue({ staffId: s.id }), label: figures ? t('target.agent', { ...named, ...figures }) : t('target.agentStatus', named) };
          }),
        },
        { group: t('target.queues'), items: org.queues.map((q) => ({ value: targetValue({ queueId: q.id }), label: q.name })) },
      ]}
    />
  );
}

/** The warning before a move to someone absent or who would be over capacity (`moveWarning`), as the supervisor reads it. */
export function MoveWarningNote({ warning }: { warning: MoveWarning }) {
  const { t } = useTranslation('supervisor');
  const channel = (c: MoveWarning['over'][number]) => t('moveWarning.channel', { channel: t(`common:channel.${c.channel}`), used: c.used, capacity: c.capacity });
  return (
    <Alert color="orange.9" variant="light" title={t('moveWarning.title')} data-testid="move-warning">
      <List size="sm">
        {warning.absent && <List.Item>{t(`moveWarning.${warning.absent}`, { name: warning.name })}</List.Item>}
        {warning.over.length > 0 && <List.Item>{t('moveWarning.over', { name: warning.name, channels: warning.over.map(channel).join(', ') })}</List.Item>}
      </List>
    </Alert>
  );
}
