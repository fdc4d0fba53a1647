import { Box, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/ipc/contract';
import { useChannel } from '../../lib/api/useChannel';
import { PeoplePanel } from './PeoplePanel';
import { PolicyPanel } from './PolicyPanel';

/**
 * Administration: people and the workstation policy. Lists read the synced cache (`reference.org`), so what any
 * admin changes shows here as the change feed brings it; admins change, supervisors read.
 */
export function AdminConsole({ session }: { session: SessionView }) {
  const { t } = useTranslation('admin');
  const org = useChannel('reference.org', {}, { refreshOn: (c) => ['staff', 'queue', 'storeLocation'].some((e) => e in c.entities) });
  const canEdit = session.staff.role === 'admin';
  return (
    <Box p="md" style={{ flex: 1, overflow: 'auto' }}>
      <Tabs defaultValue="people">
        <Tabs.List aria-label={t('title')}>
          <Tabs.Tab value="people">{t('tabs.people')}</Tabs.Tab>
          {canEdit && <Tabs.Tab value="policy">{t('tabs.policy')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="people" pt="md">
          {org.data ? <PeoplePanel org={org.data} canEdit={canEdit} /> : <Text c="dimmed">{t('loading')}</Text>}
        </Tabs.Panel>
        {canEdit && (
          <Tabs.Panel value="policy" pt="md">
            <PolicyPanel current={session.policy} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Box>
  );
}
