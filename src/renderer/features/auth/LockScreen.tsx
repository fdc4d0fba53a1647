import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { errorText } from '../../lib/errorText';
import { AuthFrame } from './AuthFrame';
import { SignInScreen } from './SignInScreen';
import { WrappingButton } from './WrappingButton';

/**
 * After an idle or manual lock: nothing of the session is on screen (the engine has closed the cache) until
 * the locked person's password is given again. A colleague may sign in instead ("Not {name}?"): the engine lets
 * a sign-in replace a locked session, whose cache stays closed with its unsent work until its owner returns.
 */
export function LockScreen({ onUnlocked }: { onUnlocked(session: SessionView): void }) {
  const { t } = useTranslation('auth');
  const api = useApi();
  const locked = useChannel('workstation.info', {}).data?.locked;
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [switching, setSwitching] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await api.invoke('auth.unlock', { password });
    setBusy(false);
    if (result.ok) onUnlocked(result.value);
    else setFailure(result.error);
  }

  if (switching && locked) return <SignInScreen onSignedIn={onUnlocked} over={{ name: locked.name, onBack: () => setSwitching(false) }} />;
  return (
    <AuthFrame title={t('lock.title')}>
      {locked && (
        <Text fw={600} data-testid="locked-for">
          {t(`lock.who.${locked.reason}`, { name: locked.name })}
        </Text>
      )}
      <Text size="sm">{t('lock.explain')}</Text>
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <PasswordInput label={t('signIn.password')} autoComplete="current-password" required autoFocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          {failure && (
            <Alert color="red" role="alert">
              {t(`failure.${failure.code}`, { defaultValue: errorText(t, failure) })}
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            {t('lock.unlock')}
          </Button>
          {locked && <WrappingButton onClick={() => setSwitching(true)}>{t('lock.switchUser', { name: locked.name })}</WrappingButton>}
        </Stack>
      </form>
    </AuthFrame>
  );
}
