import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api/useApi';
import { errorText } from '../../lib/errorText';

/** The change the workstation asks for before anything else (an admin set the password): no way around it but signing out. */
export interface RequiredChange {
  onChanged(): void;
  onSignOut(): void;
}

/**
 * One's own password change: current, new and repeated, with the hub's rule shown and its refusals
 * translated. The engine re-wraps this workstation's cache with the new password once the hub agreed.
 * `required`: it cannot be dismissed (no close button, Escape or outside click), its other way out is signing out.
 */
export function ChangePasswordModal({ opened, onClose, required }: { opened: boolean; onClose(): void; required?: RequiredChange }) {
  const { t } = useTranslation('shell');
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const mismatch = repeat !== '' && next !== repeat;

  function close() {
    setCurrent('');
    setNext('');
    setRepeat('');
    setFailure(null);
    setDone(false);
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== repeat) return;
    setBusy(true);
    const result = await api.invoke('auth.changePassword', { currentPassword: current, newPassword: next });
    setBusy(false);
    if (result.ok) return required ? required.onChanged() : setDone(true);
    // The engine's bad-credentials here means the current password, not a sign-in.
    setFailure(result.error.code === 'bad-credentials' ? t('password.badCurrent') : errorText(t, result.error));
  }

  return (
    <Modal
      opened={opened}
      onClose={required ? () => {} : close}
      title={required ? t('password.requiredTitle') : t('password.title')}
      withCloseButton={!required}
      closeOnEscape={!required}
      closeOnClickOutside={!required}
    >
      {done ? (
        <Stack gap="md">
          <Text size="sm" role="status">
            {t('password.done')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>{t('oldCache.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="sm">
            {required && <Text size="sm">{t('password.requiredExplain')}</Text>}
            <PasswordInput label={required ? t('password.oneTime') : t('password.current')} autoComplete="current-password" required data-autofocus value={current} onChange={(e) => setCurrent(e.currentTarget.value)} />
            <PasswordInput
              label={t('password.new')}
              description={t('password.rule')}
              autoComplete="new-password"
              required
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('password.repeat')}
              autoComplete="new-password"
              required
              value={repeat}
              error={mismatch ? t('password.mismatch') : undefined}
              onChange={(e) => setRepeat(e.currentTarget.value)}
            />
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={required ? required.onSignOut : close}>
                {required ? t('menu.signOut') : t('password.cancel')}
              </Button>
              <Button type="submit" loading={busy} disabled={mismatch}>
                {t('password.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
