import { Checkbox, Fieldset, Group, NumberInput, PasswordInput, SegmentedControl, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminMailbox } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { AdminFormModal } from './AdminFormModal';
import { useAdminSubmit } from './adminForm';

const FIELDS = [
  'address', 'name', 'smtp.host', 'smtp.port', 'smtp.user', 'smtp.password',
  'inbound.host', 'inbound.port', 'inbound.user', 'inbound.password', 'inbound.folder', 'inbound.pollSeconds',
] as const;

/** One mail server's fields: where it is, whether TLS from the start, and who signs in (a password left blank stays). */
function ServerFields({ prefix, host, port, secure, user, password, passwordSet, at }: {
  prefix: 'smtp' | 'inbound';
  host: [string, (v: string) => void];
  port: [number, (v: number) => void];
  secure?: [boolean, (v: boolean) => void];
  user?: [string, (v: string) => void];
  password?: [string, (v: string) => void];
  passwordSet: boolean;
  at(field: string): string | undefined;
}) {
  const { t } = useTranslation('admin');
  return (
    <>
      <Group grow align="flex-start">
        <TextInput required label={t('mailboxes.host')} value={host[0]} error={at(`${prefix}.host`)} onChange={(e) => host[1](e.currentTarget.value)} />
        <NumberInput required label={t('mailboxes.port')} min={prefix === 'smtp' ? 1 : 0} max={65_535} value={port[0]} error={at(`${prefix}.port`)} onChange={(v) => port[1](Number(v) || 0)} />
      </Group>
      {secure && <Checkbox label={t('mailboxes.secure')} checked={secure[0]} onChange={(e) => secure[1](e.currentTarget.checked)} />}
      {user && password && (
        <Group grow align="flex-start">
          <TextInput label={t('mailboxes.user')} autoComplete="off" value={user[0]} error={at(`${prefix}.user`)} onChange={(e) => user[1](e.currentTarget.value)} />
          <PasswordInput
            label={t('mailboxes.password')}
            description={passwordSet ? t('mailboxes.passwordKept') : undefined}
            autoComplete="new-password"
            value={password[0]}
            error={at(`${prefix}.password`)}
            onChange={(e) => password[1](e.currentTarget.value)}
          />
        </Group>
      )}
    </>
  );
}

/**
 * Adds a mailbox or changes one: its address and name, the SMTP server replies go out through, and how mail comes
 * in (the hub's own SMTP listener, or an IMAP mailbox it polls). Stored passwords are never shown: blank keeps them.
 */
export function MailboxForm({ current, onClose }: { current: AdminMailbox | null; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const imapNow = current?.inbound.kind === 'imap' ? current.inbound : null;
  const [address, setAddress] = useState(current?.address ?? '');
  const [name, setName] = useState(current?.name ?? '');
  const smtp = {
    host: useState(current?.smtp.host ?? ''),
    port: useState(current?.smtp.port ?? 587),
    secure: useState(current?.smtp.secure ?? false),
    user: useState(current?.smtp.user ?? ''),
    password: useState(''),
  };
  const [kind, setKind] = useState<'smtp' | 'imap'>(current?.inbound.kind ?? 'smtp');
  const listen = { host: useState(current?.inbound.kind === 'smtp' ? current.inbound.host : '0.0.0.0'), port: useState(current?.inbound.kind === 'smtp' ? current.inbound.port : 2525) };
  const imap = {
    host: useState(imapNow?.host ?? ''),
    port: useState(imapNow?.port ?? 993),
    secure: useState(imapNow?.secure ?? true),
    user: useState(imapNow?.user ?? ''),
    password: useState(''),
  };
  const [folder, setFolder] = useState(imapNow?.folder ?? 'INBOX');
  const [pollSeconds, setPollSeconds] = useState(imapNow?.pollSeconds ?? 60);
  const { send, at, unplaced, busy } = useAdminSubmit(FIELDS);
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);

  async function submit() {
    const inbound = kind === 'smtp'
      ? { kind, host: listen.host[0].trim(), port: listen.port[0] }
      : { kind, host: imap.host[0].trim(), port: imap.port[0], secure: imap.secure[0], user: imap.user[0].trim(), password: optional(imap.password[0]), folder: folder.trim(), pollSeconds };
    const done = await send(() =>
      api.invoke('admin.setMailbox', {
        address: address.trim(),
        name: name.trim(),
        smtp: { host: smtp.host[0].trim(), port: smtp.port[0], secure: smtp.secure[0], user: optional(smtp.user[0]), password: optional(smtp.password[0]) },
        inbound,
      }),
    );
    if (done) onClose();
  }

  return (
    <AdminFormModal title={current ? t('mailboxes.editNamed', { address: current.address }) : t('mailboxes.add')} size="lg" unplaced={unplaced} busy={busy} onSubmit={() => void submit()} onClose={onClose}>
      <TextInput label={t('mailboxes.address')} required disabled={current !== null} data-autofocus placeholder="help@example.com" value={address} error={at('address')} onChange={(e) => setAddress(e.currentTarget.value)} />
      <TextInput label={t('mailboxes.name')} description={t('mailboxes.nameHelp')} required value={name} error={at('name')} onChange={(e) => setName(e.currentTarget.value)} />
      <Fieldset legend={t('mailboxes.outbound')}>
        <ServerFields prefix="smtp" {...smtp} passwordSet={current?.smtp.passwordSet ?? false} at={at} />
      </Fieldset>
      <Fieldset legend={t('mailboxes.inbound')}>
        <SegmentedControl
          mb="xs"
          aria-label={t('mailboxes.inbound')}
          value={kind}
          onChange={(v) => setKind(v as 'smtp' | 'imap')}
          data={[{ value: 'smtp', label: t('mailboxes.listen') }, { value: 'imap', label: t('mailboxes.imap') }]}
        />
        {kind === 'smtp' ? (
          <ServerFields prefix="inbound" {...listen} passwordSet={false} at={at} />
        ) : (
          <>
            <ServerFields prefix="inbound" {...imap} passwordSet={imapNow?.passwordSet ?? false} at={at} />
            <Group grow align="flex-start">
              <TextInput label={t('mailboxes.folder')} required value={folder} error={at('inbound.folder')} onChange={(e) => setFolder(e.currentTarget.value)} />
              <NumberInput label={t('mailboxes.pollSeconds')} required min={10} max={3_600} value={pollSeconds} error={at('inbound.pollSeconds')} onChange={(v) => setPollSeconds(Number(v) || 0)} />
            </Group>
          </>
        )}
      </Fieldset>
    </AdminFormModal>
  );
}
