import { Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { agentColumns, type AgentColumn, type AgentRow, type AgentSort } from './reportFigures';

/** A column's first sort: names A to Z, figures largest first. */
export const firstDirection = (column: AgentColumn): AgentSort['direction'] => (column === 'name' ? 'ascending' : 'descending');

/**
 * Each agent's period: handled, resolved, talk time and their customers' CSAT, sorted by any column. Each header
 * is a button (Enter or Space sorts; again reverses) and says its order with aria-sort.
 */
export function AgentTable({ agents, sort, onSort }: { agents: readonly AgentRow[]; sort: AgentSort; onSort(next: AgentSort): void }) {
  const { t, i18n } = useTranslation('reports');
  const columns = agentColumns(t, i18n.language);
  return (
    <Stack gap="xs" component="section" aria-labelledby="report-agents-title">
      <Title order={3} size="h5" id="report-agents-title">
        {t('agents.title')}
      </Title>
      {agents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('agents.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder data-testid="report-agents">
            <Table.Caption>{t('agents.count', { count: agents.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => {
                  const column = c.key as AgentColumn;
                  const active = sort.column === column;
                  return (
                    <Table.Th key={c.key} scope="col" aria-sort={active ? sort.direction : 'none'} ta={c.numeric ? 'right' : undefined}>
                      <UnstyledButton
                        fw={600}
                        fz="sm"
                        onClick={() =>
                          onSort({ column, direction: active ? (sort.direction === 'ascending' ? 'descending' : 'ascending') : firstDirection(column) })
                        }
                      >
                        {c.label}
                        <span aria-hidden>{active ? (sort.direction === 'ascending' ? ' ↑' : ' ↓') : ''}</span>
                      </UnstyledButton>
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agents.map((agent) => (
                <Table.Tr key={agent.staffId} data-agent={agent.staffId}>
                  {columns.map((c, j) =>
                    j === 0 ? (
                      <Table.Th key={c.key} scope="row" fw={400}>
                        {c.text(agent)}
                      </Table.Th>
                    ) : (
                      <Table.Td key={c.key} ta="right">
                        {c.text(agent)}
                      </Table.Td>
                    ),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
