import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '../../components/ChannelIcon';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDuration, formatWhen } from '../../lib/format';
import type { SearchResult } from './searchResults';

/** One search hit; customer data, subjects and message text shown as written. */
export function SearchResultRow({ result, now }: { result: SearchResult; now: number }) {
  const { t, i18n } = useTranslation('search');
  switch (result.kind) {
    case 'customer': {
      const c = result.customer;
      return (
        <div>
          <Text size="sm" fw={600}>
            {c.name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {[...c.phones, ...c.emails, c.loyaltyNumber ?? ''].filter(Boolean).join(' · ')}
          </Text>
        </div>
      );
    }
    case 'case': {
      const c = result.case;
      // Whose case, on which channel, where it stands and how old: the subject alone repeats across a customer's cases.
      return (
        <div>
          <Group gap="xs" wrap="nowrap">
            <ChannelIcon channel={c.lastChannel} />
            <Text size="sm" fw={600} truncate="end" style={{ flex: 1 }} data-testid="case-customer">
              {result.customerName ?? t('unknownCustomer')}
            </Text>
            <StatusBadge status={c.status} />
          </Group>
          <Text size="xs" c="dimmed" truncate="end" data-testid="case-detail">
            {t('caseDetail', {
              subject: c.subject || t('noSubject'),
              channel: t(`channel.${c.lastChannel}`, { ns: 'common' }),
              age: formatDuration(i18n.language, Math.max(0, now - c.createdAt)),
            })}
          </Text>
        </div>
      );
    }
    case 'message':
      return (
        <div>
          <Text size="sm" lineClamp={2}>
            {result.message.text}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`direction.${result.message.direction}`, { when: formatWhen(i18n.language, result.message.createdAt, now) })}
          </Text>
        </div>
      );
  }
}
