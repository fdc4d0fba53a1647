import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../shared/domain';

// Filled shades whose text keeps 4.5:1 contrast in both themes (see theme.ts).
const COLORS: Record<CaseStatus, string> = { new: 'blue.8', open: 'teal.9', pending: 'grape.7', resolved: 'gray.7', closed: 'dark.6' };

/**
 * A case's status as a small coloured badge. Never narrower than its word: in a table column squeezed for room the
 * badge's own clipping would otherwise cut "OPEN" to "OP…".
 */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} size="sm" miw="max-content">
      {t(`caseStatus.${status}`)}
    </Badge>
  );
}
