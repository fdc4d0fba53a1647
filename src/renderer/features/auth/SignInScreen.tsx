import { Alert, Button, Checkbox, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { errorText } from '../../lib/errorText';
import { AuthFrame } from './AuthFrame';
import { WrappingButton } from './WrappingButton';

interface Props {
  onSignedIn(session: SessionView): void;
  /** Why the last session ended without the person asking, if it did. */
  ended?: 'revoked' | 'expired';
  /** Opened from the lock screen by a colleague: whose session stays locked, and the way back to it. */
  over?: { name: string; onBack(): void };
}

/**
 * Sign-in on a shared workstation: who has a cache here (a name fills in the username), online or offline, and
 * why it failed if it did.
 */
export function SignInScreen({ onSignedIn, ended, over }: Props) {
  const { t } = useTranslation('auth');
  const api = useApi();
  const info = useChannel('workstation.info', {});
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [offline, setOffline] = useState(false);
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordField = useRef<HTMLInputElement>(null);

  /** A name on the list: their username in the form, and the password next to type. */
  function pick(person: { username: string }) {
    setUsername(person.username);
    passwordField.current?.focus();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await api.invoke('auth.signIn', { username, password, mode: offline ? 'offline' : 'auto' });
    setBusy(false);
    if (result.ok) onSignedIn(result.value);
    else setFailure(result.error);
  }

  const people = info.data?.people ?? [];
  return (
    <AuthFrame title={t('signIn.title')}>
      {ended && (
        <Alert color="yellow" role="status">
          {t(`ended.${ended}`)}
        </Alert>
      )}
      {over && (
        <Text size="sm" data-testid="kept-locked">
          {t('lock.keptSafe', { name: over.name })}
        </Text>
      )}
      {people.length > 0 && (
        <div>
          <Text size="sm" fw={600} id="people-here">
            {t('signIn.peopleHere', { count: people.length })}
          </Text>
          <List size="sm" aria-labelledby="people-here">
            {people.map((p) => (
              <List.Item key={p.username}>
                <WrappingButton size="compact-sm" onClick={() => pick(p)}>
                  {p.name}
                </WrappingButton>
              </List.Item>
            ))}
          </List>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <TextInput label={t('signIn.username')} autoComplete="username" required autoFocus value={username} onChange={(e) => setUsername(e.currentTarget.value)} />
          <PasswordInput ref={passwordField} label={t('signIn.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Checkbox label={t('signIn.offline')} description={t('signIn.offlineHelp')} checked={offline} onChange={(e) => setOffline(e.currentTarget.checked)} />
          {failure && (
            <Alert color="red" role="alert" title={t('signIn.failed')}>
              {t(`failure.${failure.code}`, { defaultValue: errorText(t, failure) })}
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            {t('signIn.submit')}
          </Button>
          {over && <WrappingButton onClick={over.onBack}>{t('lock.back')}</WrappingButton>}
        </Stack>
      </form>
    </AuthFrame>
  );
}
