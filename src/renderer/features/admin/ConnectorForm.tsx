import { Button, Group, NumberInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SECRET_GRACE_MINUTES, type AdminConnector, type ConnectorChannel } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { AdminFormModal } from './AdminFormModal';
import { useAdminSubmit } from './adminForm';

const FIELDS = ['url', 'secret', 'inboundSecret', 'graceMinutes'] as const;

/** A new random secret: 32 random bytes as base64url (43 characters), made here and shown so it can be copied. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A secret field: typed or generated, visible so the admin can copy it into the connector's configuration. */
function SecretInput({ label, description, value, error, required, onChange }: { label: string; description: string; value: string; error?: string; required?: boolean; onChange(v: string): void }) {
  const { t } = useTranslation('admin');
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput style={{ flex: 1 }} required={required} ff="monospace" autoComplete="off" spellCheck={false} label={label} description={description} value={value} error={error} onChange={(e) => onChange(e.currentTarget.value)} />
      <Button variant="default" aria-label={t('connectors.generateFor', { field: label })} onClick={() => onChange(newSecret())}>
        {t('connectors.generate')}
      </Button>
    </Group>
  );
}

/**
 * Sets up a channel's connector or changes it. The hub never shows a stored secret again: a secret left blank
 * when changing stays as it is, a new one rotates it (the replaced one keeps working for the grace period).
 */
export function ConnectorForm({ channel, current, onClose }: { channel: ConnectorChannel; current: AdminConnector | null; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const [url, setUrl] = useState(current?.url ?? '');
  const [secret, setSecret] = useState('');
  const [inboundSecret, setInboundSecret] = useState('');
  const [graceMinutes, setGraceMinutes] = useState(60);
  const { send, at, unplaced, busy } = useAdminSubmit(FIELDS);
  const name = t(`common:channel.${channel}`);

  async function submit() {
    const done = await send(() => api.invoke('admin.setConnector', { channel, url: url.trim(), ...(secret ? { secret } : {}), ...(inboundSecret ? { inboundSecret } : {}), graceMinutes }));
    if (done) onClose();
  }

  return (
    <AdminFormModal title={t(current ? 'connectors.editNamed' : 'connectors.setUpNamed', { channel: name })} size="lg" unplaced={unplaced} busy={busy} onSubmit={() => void submit()} onClose={onClose}>
      <TextInput label={t('connectors.url')} description={t('connectors.urlHelp')} required data-autofocus placeholder="https://" value={url} error={at('url')} onChange={(e) => setUrl(e.currentTarget.value)} />
      <SecretInput required={!current} label={t('connectors.secret')} description={t(current ? 'connectors.secretHelpEdit' : 'connectors.secretHelp', { fingerprint: current?.secretFingerprint })} value={secret} error={at('secret')} onChange={setSecret} />
      <SecretInput
        label={t('connectors.inboundSecret')}
        description={current?.inboundSecretFingerprint ? t('connectors.inboundHelpEdit', { fingerprint: current.inboundSecretFingerprint }) : t('connectors.inboundHelp')}
        value={inboundSecret}
        error={at('inboundSecret')}
        onChange={setInboundSecret}
      />
      <NumberInput label={t('connectors.graceMinutes')} description={t('connectors.graceHelp')} min={0} max={MAX_SECRET_GRACE_MINUTES} value={graceMinutes} error={at('graceMinutes')} onChange={(v) => setGraceMinutes(Number(v) || 0)} />
      <Text size="xs" c="dimmed">
        {t('connectors.copyNow')}
      </Text>
    </AdminFormModal>
  );
}
