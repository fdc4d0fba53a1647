import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { replyDueAt } from '../../shared/domain';
import { formatDuration } from '../lib/format';
import { SLA_COLORS, slaLevel, type SlaFields } from './slaLevel';

/** Time left to the reply deadline (or how long it is overdue), coloured as it nears breach. */
export function SlaCountdown({ sla, now }: { sla: SlaFields; now: number }) {
  const { t, i18n } = useTranslation();
  const level = slaLevel(sla, now);
  const due = replyDueAt(sla);
  if (level === 'none' || due === null) return null;
  const left = formatDuration(i18n.language, due - now);
  const text = level === 'breached' ? t('sla.overdue', { time: left }) : t('sla.left', { time: left });
  return (
    <Badge color={SLA_COLORS[level]} size="sm" data-sla={level}>
      {text}
    </Badge>
  );
}
