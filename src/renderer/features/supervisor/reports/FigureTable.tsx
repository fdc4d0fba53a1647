import { Table } from '@mantine/core';
import type { Column } from './reportFigures';

/** A chart's numbers as a table (read by screen readers, copied by people): the first column names each row. */
export function FigureTable<Row>({ caption, columns, rows, testId }: { caption: string; columns: Column<Row>[]; rows: readonly Row[]; testId: string }) {
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped withTableBorder data-testid={testId}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col" ta={c.numeric ? 'right' : undefined}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={i}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <Table.Th key={c.key} scope="row" fw={400}>
                    {c.text(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined}>
                    {c.text(row)}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
