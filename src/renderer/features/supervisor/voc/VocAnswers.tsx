import { Button, Group, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Voc } from '../../../../shared/protocol';
import { formatDateTime } from '../../../lib/format';

const COLUMNS = ['at', 'score', 'comment', 'case', 'customer', 'queue', 'agent', 'channel'] as const;

/** A page of survey answers, newest first; each opens its case. Paged by the hub (`cursor`, `limit`). */
export function VocAnswers({ answers, pageSize, onPage, onOpenCase }: { answers: Voc['answers']; pageSize: number; onPage(cursor: number): void; onOpenCase(caseId: string): void }) {
  const { t, i18n } = useTranslation('voc');
  const { t: tc } = useTranslation('common');
  const lng = i18n.language;
  const none = t('answers.unknown');
  const first = answers.items.length === 0 ? 0 : answers.cursor + 1;
  const last = answers.cursor + answers.items.length;
  return (
    <section aria-labelledby="voc-answers-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="voc-answers-title">
          {t('answers.title')}
        </Title>
        <Text size="sm" aria-live="polite">
          {t('answers.count', { count: answers.total })}
        </Text>
      </Group>
      <Table striped withTableBorder data-testid="voc-answers">
        <Table.Caption>{t('answers.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((k) => (
              <Table.Th key={k} scope="col">
                {t(`answers.col.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {answers.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length}>
                <Text size="sm">{t('answers.none')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {answers.items.map((a) => {
            const subject = a.subject || t('answers.noSubject');
            return (
              <Table.Tr key={a.id}>
                <Table.Td>{formatDateTime(lng, a.at)}</Table.Td>
                <Table.Td>{t('answers.score', { score: a.score })}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.comment ?? ''}</Table.Td>
                <Table.Td>
                  <UnstyledButton td="underline" onClick={() => onOpenCase(a.caseId)} aria-label={t('answers.openCase', { subject })}>
                    {subject}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{a.customerName ?? none}</Table.Td>
                <Table.Td>{a.queueName ?? a.queueId}</Table.Td>
                <Table.Td>{a.assigneeName ?? none}</Table.Td>
                <Table.Td>{a.channel ? tc(`channel.${a.channel}`) : none}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {answers.total > 0 && (
        <Group justify="flex-end" mt="xs">
          <Text size="sm">{t('answers.range', { first, last, total: answers.total })}</Text>
          <Button variant="default" size="xs" disabled={answers.cursor === 0} onClick={() => onPage(Math.max(0, answers.cursor - pageSize))}>
            {t('answers.previous')}
          </Button>
          <Button variant="default" size="xs" disabled={answers.nextCursor === null} onClick={() => answers.nextCursor !== null && onPage(answers.nextCursor)}>
            {t('answers.next')}
          </Button>
        </Group>
      )}
    </section>
  );
}
