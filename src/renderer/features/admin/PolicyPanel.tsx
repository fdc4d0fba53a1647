import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { adminRefusal, errorAt, type FieldRefusal } from './refusal';

/** Workstation policy: how long offline sign-in lasts, and when an idle workstation locks (admins; asked of the hub). */
export function PolicyPanel({ current }: { current: Policy }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const fromHub = useChannel('admin.policy', {});
  const policy = fromHub.data ?? current;
  const [edit, setEdit] = useState<Policy | null>(null);
  const [refusal, setRefusal] = useState<FieldRefusal | null>(null);
  const [saved, setSaved] = useState(false);
  const value = edit ?? policy;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await api.invoke('admin.setPolicy', value);
    setRefusal(result.ok ? null : adminRefusal(t, result.error));
    setSaved(result.ok);
    if (result.ok) fromHub.refresh();
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="sm" maw={420}>
        <NumberInput label={t('policy.maxOfflineHours')} min={1} value={value.maxOfflineHours} error={errorAt(refusal, 'maxOfflineHours')} onChange={(v) => setEdit({ ...value, maxOfflineHours: Number(v) })} />
        <NumberInput label={t('policy.idleLockMinutes')} min={1} value={value.idleLockMinutes} error={errorAt(refusal, 'idleLockMinutes')} onChange={(v) => setEdit({ ...value, idleLockMinutes: Number(v) })} />
        {refusal && refusal.field === null && (
          <Alert color="red" role="alert">
            {refusal.text}
          </Alert>
        )}
        {saved && (
          <Text size="sm" role="status">
            {t('policy.saved')}
          </Text>
        )}
        <Group>
          <Button type="submit">{t('save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
