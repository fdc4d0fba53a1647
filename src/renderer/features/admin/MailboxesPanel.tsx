import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminMailbox } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { MailboxForm } from './MailboxForm';
import { adminRefusal } from './refusal';

/**
 * Mailboxes (admins): the addresses the hub speaks email through itself, with the server replies go out by and
 * how mail comes in; added, changed or removed. Passwords are never shown, only whether one is set.
 */
export function MailboxesPanel() {
  const { t } = useTranslation('admin');
  const api = useApi();
  const list = useChannel('admin.mailboxes', {});
  const [editing, setEditing] = useState<AdminMailbox | 'new' | null>(null);
  const [removing, setRemoving] = useState<AdminMailbox | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function remove(m: AdminMailbox) {
    const result = await api.invoke('admin.removeMailbox', { address: m.address });
    setRefusal(result.ok ? null : adminRefusal(t, result.error).text);
    setRemoving(null);
    list.refresh();
  }

  if (list.error) return <Text c="red" role="alert">{adminRefusal(t, list.error).text}</Text>;
  if (!list.data) return <Text c="dimmed">{t('loading')}</Text>;
  const inboundOf = (m: AdminMailbox) =>
    m.inbound.kind === 'smtp'
      ? t('mailboxes.listensOn', { at: `${m.inbound.host}:${m.inbound.port}` })
      : t('mailboxes.polls', { at: `${m.inbound.host}:${m.inbound.port}`, folder: m.inbound.folder, seconds: m.inbound.pollSeconds });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={720}>
        {t('mailboxes.intro')}
      </Text>
      {refusal !== null && (
        <Text c="red" role="alert">
          {refusal}
        </Text>
      )}
      <Group>
        <Button onClick={() => setEditing('new')}>{t('mailboxes.add')}</Button>
      </Group>
      {list.data.items.length === 0 ? (
        <Text c="dimmed">{t('mailboxes.none')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mailboxes.address')}</Table.Th>
              <Table.Th>{t('mailboxes.outbound')}</Table.Th>
              <Table.Th>{t('mailboxes.inbound')}</Table.Th>
              <Table.Th>{t('actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((m) => (
              <Table.Tr key={m.address}>
                <Table.Td>
                  <Text size="sm">{m.address}</Text>
                  <Text size="xs" c="dimmed">{m.name}</Text>
                </Table.Td>
                <Table.Td>{`${m.smtp.host}:${m.smtp.port}`}</Table.Td>
                <Table.Td>{inboundOf(m)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button variant="subtle" size="xs" aria-label={t('mailboxes.editNamed', { address: m.address })} onClick={() => setEditing(m)}>
                      {t('editShort')}
                    </Button>
                    <Button variant="subtle" size="xs" color="red" aria-label={t('mailboxes.removeNamed', { address: m.address })} onClick={() => setRemoving(m)}>
                      {t('mailboxes.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && (
        <MailboxForm
          current={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
            list.refresh();
          }}
        />
      )}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={removing ? t('mailboxes.removeNamed', { address: removing.address }) : ''}>
        <Stack gap="sm">
          <Text size="sm">{t('mailboxes.removeWarning')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('cancel')}
            </Button>
            <Button color="red" onClick={() => removing && void remove(removing)}>
              {t('mailboxes.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
