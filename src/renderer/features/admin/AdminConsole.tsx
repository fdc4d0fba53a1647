import { Box, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/ipc/contract';
import { useChannel } from '../../lib/api/useChannel';
import { CannedPanel } from './CannedPanel';
import { ConnectorsPanel } from './ConnectorsPanel';
import { MailboxesPanel } from './MailboxesPanel';
import { CustomersPanel } from './CustomersPanel';
import { KnowledgePanel } from './KnowledgePanel';
import { PeoplePanel } from './PeoplePanel';
import { PolicyPanel } from './PolicyPanel';
import { QueuesPanel } from './QueuesPanel';
import { StoresPanel } from './StoresPanel';
import { WebchatPanel } from './WebchatPanel';

/**
 * Administration: people, queues, stores, the knowledge base, canned responses, customer import, channel
 * connectors, mailboxes, the web chat and the workstation policy.
 * Lists read the synced cache (`reference.org`, `admin.knowledge`), so what any admin changes shows here as the
 * change feed brings it; admins change, supervisors read.
 */
export function AdminConsole({ session }: { session: SessionView }) {
  const { t } = useTranslation('admin');
  const org = useChannel('reference.org', {}, { refreshOn: (c) => ['staff', 'queue', 'storeLocation'].some((e) => e in c.entities) });
  const knowledge = useChannel('admin.knowledge', {}, { refreshOn: (c) => ['kb', 'canned'].some((e) => e in c.entities) });
  const canEdit = session.staff.role === 'admin';
  const loading = <Text c="dimmed">{t('loading')}</Text>;
  const panel = (value: string, content: ReactNode) => (
    <Tabs.Panel value={value} pt="md">
      {content}
    </Tabs.Panel>
  );
  return (
    <Box p="md" style={{ flex: 1, overflow: 'auto' }}>
      <Tabs defaultValue="people">
        <Tabs.List aria-label={t('title')}>
          <Tabs.Tab value="people">{t('tabs.people')}</Tabs.Tab>
          <Tabs.Tab value="queues">{t('tabs.queues')}</Tabs.Tab>
          <Tabs.Tab value="stores">{t('tabs.stores')}</Tabs.Tab>
          <Tabs.Tab value="knowledge">{t('tabs.knowledge')}</Tabs.Tab>
          <Tabs.Tab value="canned">{t('tabs.canned')}</Tabs.Tab>
          {canEdit && <Tabs.Tab value="customers">{t('tabs.customers')}</Tabs.Tab>}
          {canEdit && <Tabs.Tab value="connectors">{t('tabs.connectors')}</Tabs.Tab>}
          {canEdit && <Tabs.Tab value="mailboxes">{t('tabs.mailboxes')}</Tabs.Tab>}
          {canEdit && <Tabs.Tab value="webchat">{t('tabs.webchat')}</Tabs.Tab>}
          {canEdit && <Tabs.Tab value="policy">{t('tabs.policy')}</Tabs.Tab>}
        </Tabs.List>
        {panel('people', org.data ? <PeoplePanel org={org.data} canEdit={canEdit} /> : loading)}
        {panel('queues', org.data ? <QueuesPanel org={org.data} canEdit={canEdit} /> : loading)}
        {panel('stores', org.data ? <StoresPanel org={org.data} canEdit={canEdit} /> : loading)}
        {panel('knowledge', org.data && knowledge.data ? <KnowledgePanel org={org.data} articles={knowledge.data.kb} canEdit={canEdit} /> : loading)}
        {panel('canned', org.data && knowledge.data ? <CannedPanel org={org.data} canned={knowledge.data.canned} canEdit={canEdit} /> : loading)}
        {canEdit && panel('customers', <CustomersPanel />)}
        {canEdit && panel('connectors', <ConnectorsPanel />)}
        {canEdit && panel('mailboxes', <MailboxesPanel />)}
        {canEdit && panel('webchat', org.data ? <WebchatPanel queues={org.data.queues} /> : loading)}
        {canEdit && panel('policy', <PolicyPanel current={session.policy} />)}
      </Tabs>
    </Box>
  );
}
