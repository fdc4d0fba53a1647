import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../shared/domain';

const COLORS: Record<CaseStatus, string> = { new: 'blue', open: 'teal', pending: 'yellow', resolved: 'gray', closed: 'dark' };

/** A case's status as a small coloured badge. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size="sm">
      {t(`caseStatus.${status}`)}
    </Badge>
  );
}
