import { Button, Group, Kbd, Menu, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import { formatNumber } from '../../lib/format';
import { forgetSeenCases } from '../inbox/useSeenCases';
import { ChangePasswordModal } from './ChangePasswordModal';
import { OldCacheModal } from './OldCacheModal';

type Leaving = 'signOut' | 'forget';
/** What the confirmation asks: forgetting always asks (it deletes); either asks again when unsent work is left. */
type Confirm = { action: Leaving; unsent: number } | null;

interface Props {
  staffId: string;
  name: string;
  /** Old caches set aside at sign-in (SessionView.oldCache): a notice offers to recover or discard them. */
  oldCache: SessionView['oldCache'];
  onSignedOut(): void;
  /** Opens the sheet of keyboard shortcuts (also `?` outside text fields). */
  onShowShortcuts(): void;
}

/**
 * The person's menu: change password, lock now, sign out, forget me here (unsent work is never left behind
 * without asking), and the notice of old data set aside after a password reset.
 */
export function SessionMenu({ staffId, name, oldCache: initialOldCache, onSignedOut, onShowShortcuts }: Props) {
  const { t, i18n } = useTranslation('shell');
  const api = useApi();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [changingPassword, setChangingPassword] = useState(false);
  const [oldCache, setOldCache] = useState(initialOldCache);
  const [oldCacheOpen, setOldCacheOpen] = useState(false);

  async function leave(action: Leaving, force: boolean) {
    const result = await api.invoke(action === 'signOut' ? 'auth.signOut' : 'auth.forget', { force });
    if (!result.ok) return;
    if (!result.value.done) return setConfirm({ action, unsent: result.value.unsent });
    if (action === 'forget') forgetSeenCases(staffId);
    onSignedOut();
  }

  return (
    <>
      {oldCache && (
        <Button color="yellow" variant="light" size="sm" onClick={() => setOldCacheOpen(true)}>
          {t('oldCache.notice')}
        </Button>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="sm">
            {name}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setChangingPassword(true)}>{t('menu.changePassword')}</Menu.Item>
          {oldCache && <Menu.Item onClick={() => setOldCacheOpen(true)}>{t('menu.oldCache')}</Menu.Item>}
          <Menu.Item onClick={onShowShortcuts} rightSection={<Kbd size="xs" aria-hidden>?</Kbd>} aria-keyshortcuts="?">
            {t('menu.shortcuts')}
          </Menu.Item>
          <Menu.Item onClick={() => void api.invoke('auth.lock', {})}>{t('menu.lock')}</Menu.Item>
          <Menu.Item onClick={() => void leave('signOut', false)}>{t('menu.signOut')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => setConfirm({ action: 'forget', unsent: 0 })}>
            {t('menu.forget')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={confirm ? t(`confirm.${confirm.action}.title`) : ''}>
        {confirm && (
          <>
            <Text size="sm">
              {confirm.unsent > 0
                ? t(`confirm.${confirm.action}.unsent`, { count: confirm.unsent, n: formatNumber(i18n.language, confirm.unsent) })
                : t('confirm.forget.explain')}
            </Text>
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {t('confirm.cancel')}
              </Button>
              <Button
                color="red"
                onClick={() => {
                  const { action, unsent } = confirm;
                  setConfirm(null);
                  // Forgetting asks first, then asks the engine without force so unsent work gets its own warning.
                  void leave(action, unsent > 0);
                }}
              >
                {t(`confirm.${confirm.action}.confirm`)}
              </Button>
            </Group>
          </>
        )}
      </Modal>
      <ChangePasswordModal opened={changingPassword} onClose={() => setChangingPassword(false)} />
      <OldCacheModal opened={oldCacheOpen} oldCache={oldCache} onClose={() => setOldCacheOpen(false)} onChange={setOldCache} />
    </>
  );
}
