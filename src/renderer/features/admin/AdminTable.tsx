import { Button, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  label: string;
  cell(row: T): ReactNode;
}

/**
 * A list of the admin area: one row each, and for admins an edit button (named after the row, so it is found by
 * keyboard and screen reader) plus whatever else `more` adds.
 */
export function AdminTable<T extends { id: string }>({
  rows,
  columns,
  nameOf,
  onEdit,
  more,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  nameOf(row: T): string;
  /** Absent for those who only read. */
  onEdit?: (row: T) => void;
  more?: (row: T) => ReactNode;
}) {
  const { t } = useTranslation('admin');
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.label}>{c.label}</Table.Th>
          ))}
          {onEdit && <Table.Th>{t('actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id}>
            {columns.map((c) => (
              <Table.Td key={c.label}>{c.cell(row)}</Table.Td>
            ))}
            {onEdit && (
              <Table.Td>
                <Button variant="subtle" size="xs" aria-label={t('editNamed', { name: nameOf(row) })} onClick={() => onEdit(row)}>
                  {t('editShort')}
                </Button>
                {more?.(row)}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
