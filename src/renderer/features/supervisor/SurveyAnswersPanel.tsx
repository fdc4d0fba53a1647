import { Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatWhen } from '../../lib/format';
import type { SupervisorData } from './useSupervisorData';

/** Today's survey answers, newest first: who answered, the score, their comment as written, and the case. */
export function SurveyAnswersPanel({ data, onOpenCase }: { data: SupervisorData; onOpenCase(caseId: string): void }) {
  const { t, i18n } = useTranslation('supervisor');
  const answers = [...(data.dashboard.data?.csat ?? [])].sort((a, b) => b.createdAt - a.createdAt);
  const customerName = (caseId: string) => data.dashboard.data?.cases.find((c) => c.case.id === caseId)?.customerName ?? t('unknownCustomer');
  return (
    <Stack p="md">
      <Table striped withTableBorder data-testid="survey-answers">
        <Table.Caption>{t('surveys.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {(['customer', 'score', 'comment', 'case', 'answered'] as const).map((k) => (
              <Table.Th key={k} scope="col">
                {t(`surveys.col.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {answers.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm">{t('surveys.none')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {answers.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Th scope="row">{customerName(a.caseId)}</Table.Th>
              <Table.Td>{t('surveys.score', { score: a.score })}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.comment ?? ''}</Table.Td>
              <Table.Td>
                <UnstyledButton td="underline" onClick={() => onOpenCase(a.caseId)}>
                  {a.caseId}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{formatWhen(i18n.language, a.createdAt, data.now)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
