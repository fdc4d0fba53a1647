import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import { errorText } from '../../lib/errorText';
import { formatNumber } from '../../lib/format';

type OldCache = SessionView['oldCache'];

/**
 * The caches set aside after a password reset: recover their unsent work with the previous password, or
 * discard them (after a confirmation). `onChange` gets what is left (null: nothing, and the modal then only
 * says what was recovered).
 */
export function OldCacheModal({ opened, oldCache, onClose, onChange }: { opened: boolean; oldCache: OldCache; onClose(): void; onChange(left: OldCache): void }) {
  const { t, i18n } = useTranslation('shell');
  const api = useApi();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [recovered, setRecovered] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const n = (count: number) => ({ count, n: formatNumber(i18n.language, count) });

  async function recover(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await api.invoke('session.recoverOldCache', { password });
    setBusy(false);
    setPassword('');
    if (!result.ok) return setFailure(result.error.code === 'bad-credentials' ? t('oldCache.wrong') : errorText(t, result.error));
    setFailure(null);
    setRecovered(result.value.recovered);
    onChange(result.value.oldCache);
  }

  async function discard() {
    setBusy(true);
    const result = await api.invoke('session.discardOldCache', {});
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return setFailure(errorText(t, result.error));
    onChange(null);
    close();
  }

  function close() {
    setRecovered(null);
    setFailure(null);
    setConfirming(false);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('oldCache.title')}>
      <Stack gap="sm">
        {recovered !== null && (
          <Alert color="green" role="status">
            {t('oldCache.recovered', n(recovered))}
          </Alert>
        )}
        {oldCache === null ? (
          <Group justify="flex-end">
            <Button data-autofocus onClick={close}>
              {t('oldCache.close')}
            </Button>
          </Group>
        ) : (
          <>
            <Text size="sm">{t('oldCache.explain')}</Text>
            <Text size="sm" fw={600}>
              {oldCache.unsent === null ? t('oldCache.unsentUnknown') : t('oldCache.unsent', n(oldCache.unsent))}
            </Text>
            {confirming ? (
              <>
                <Text size="sm" role="alert">
                  {t('oldCache.confirmDiscard')}
                </Text>
                <Group justify="flex-end">
                  <Button variant="default" data-autofocus onClick={() => setConfirming(false)}>
                    {t('password.cancel')}
                  </Button>
                  <Button color="red" loading={busy} onClick={() => void discard()}>
                    {t('oldCache.confirmDiscardButton')}
                  </Button>
                </Group>
              </>
            ) : (
              <form onSubmit={(e) => void recover(e)}>
                <Stack gap="sm">
                  <PasswordInput label={t('oldCache.oldPassword')} autoComplete="off" required data-autofocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
                  {failure && (
                    <Alert color="red" role="alert">
                      {failure}
                    </Alert>
                  )}
                  <Group justify="flex-end">
                    <Button variant="default" color="red" onClick={() => setConfirming(true)}>
                      {t('oldCache.discard')}
                    </Button>
                    <Button type="submit" loading={busy}>
                      {t('oldCache.recover')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
