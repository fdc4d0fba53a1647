import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONNECTOR_CHANNELS, type AdminConnector, type ConnectorChannel } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { formatDateTime } from '../../lib/format';
import { ConnectorForm } from './ConnectorForm';
import { adminRefusal } from './refusal';

/** A secret as the console shows it: its fingerprint, and until when the one it replaced still counts. */
function SecretCell({ fingerprint, graceUntil, none }: { fingerprint: string | null; graceUntil: number | null; none: string }) {
  const { t, i18n } = useTranslation('admin');
  return (
    <Stack gap={2}>
      {fingerprint === null ? <Text size="sm" c="dimmed">{none}</Text> : <Text size="sm" ff="monospace">{fingerprint}</Text>}
      {graceUntil !== null && (
        <Text size="xs" c="orange">
          {t('connectors.graceUntil', { when: formatDateTime(i18n.language, graceUntil) })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Channel connectors (admins): for each channel a connector serves, where the hub delivers and the secrets both
 * sides sign with (shown as fingerprints), set up, changed with a grace period for the replaced secret, or removed.
 */
export function ConnectorsPanel() {
  const { t } = useTranslation('admin');
  const api = useApi();
  const list = useChannel('admin.connectors', {});
  const [editing, setEditing] = useState<ConnectorChannel | null>(null);
  const [removing, setRemoving] = useState<AdminConnector | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const byChannel = new Map((list.data?.items ?? []).map((c) => [c.channel, c]));
  const channelName = (c: ConnectorChannel) => t(`common:channel.${c}`);

  async function remove(c: AdminConnector) {
    const result = await api.invoke('admin.removeConnector', { channel: c.channel });
    setRefusal(result.ok ? null : adminRefusal(t, result.error).text);
    setRemoving(null);
    list.refresh();
  }

  if (list.error) return <Text c="red" role="alert">{adminRefusal(t, list.error).text}</Text>;
  if (!list.data) return <Text c="dimmed">{t('loading')}</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={720}>
        {t('connectors.intro')}
      </Text>
      {refusal !== null && (
        <Text c="red" role="alert">
          {refusal}
        </Text>
      )}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('connectors.channel')}</Table.Th>
            <Table.Th>{t('connectors.url')}</Table.Th>
            <Table.Th>{t('connectors.secret')}</Table.Th>
            <Table.Th>{t('connectors.inboundSecret')}</Table.Th>
            <Table.Th>{t('actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CONNECTOR_CHANNELS.map((channel) => {
            const c = byChannel.get(channel);
            return (
              <Table.Tr key={channel}>
                <Table.Td>{channelName(channel)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{c ? c.url : <Badge variant="light" color="gray">{t('connectors.none')}</Badge>}</Table.Td>
                <Table.Td>{c && <SecretCell fingerprint={c.secretFingerprint} graceUntil={c.secretGraceUntil} none="" />}</Table.Td>
                <Table.Td>{c && <SecretCell fingerprint={c.inboundSecretFingerprint} graceUntil={c.inboundGraceUntil} none={t('connectors.hubSecret')} />}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button variant="subtle" size="xs" aria-label={t(c ? 'connectors.editNamed' : 'connectors.setUpNamed', { channel: channelName(channel) })} onClick={() => setEditing(channel)}>
                      {t(c ? 'editShort' : 'connectors.setUp')}
                    </Button>
                    {c && (
                      <Button variant="subtle" size="xs" color="red" aria-label={t('connectors.removeNamed', { channel: channelName(channel) })} onClick={() => setRemoving(c)}>
                        {t('connectors.remove')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {editing !== null && (
        <ConnectorForm
          channel={editing}
          current={byChannel.get(editing) ?? null}
          onClose={() => {
            setEditing(null);
            list.refresh();
          }}
        />
      )}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={removing ? t('connectors.removeNamed', { channel: channelName(removing.channel) }) : ''}>
        <Stack gap="sm">
          <Text size="sm">{t('connectors.removeWarning')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('cancel')}
            </Button>
            <Button color="red" onClick={() => removing && void remove(removing)}>
              {t('connectors.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
