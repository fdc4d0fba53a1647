import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '../../components/ChannelIcon';
import { StatusBadge } from '../../components/StatusBadge';
import { formatWhen } from '../../lib/format';
import type { SearchResult } from './searchResults';

/** One search hit; customer data and message text shown as written. */
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
    case 'case':
      return (
        <Group gap="xs" wrap="nowrap">
          <ChannelIcon channel={result.case.lastChannel} />
          <Text size="sm" truncate="end" style={{ flex: 1 }}>
            {result.case.subject || t('noSubject')}
          </Text>
          <StatusBadge status={result.case.status} />
        </Group>
      );
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
