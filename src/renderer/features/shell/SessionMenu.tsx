import { Button, Group, Menu, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api/useApi';
import { formatNumber } from '../../lib/format';
import { forgetSeenCases } from '../inbox/useSeenCases';

type Leaving = 'signOut' | 'forget';
/** What the confirmation asks: forgetting always asks (it deletes); either asks again when unsent work is left. */
type Confirm = { action: Leaving; unsent: number } | null;

/** The person's menu: lock now, sign out, forget me here; unsent work is never left behind without asking. */
export function SessionMenu({ staffId, name, onSignedOut }: { staffId: string; name: string; onSignedOut(): void }) {
  const { t, i18n } = useTranslation('shell');
  const api = useApi();
  const [confirm, setConfirm] = useState<Confirm>(null);

  async function leave(action: Leaving, force: boolean) {
    const result = await api.invoke(action === 'signOut' ? 'auth.signOut' : 'auth.forget', { force });
    if (!result.ok) return;
    if (!result.value.done) return setConfirm({ action, unsent: result.value.unsent });
    if (action === 'forget') forgetSeenCases(staffId);
    onSignedOut();
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="sm">
            {name}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
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
    </>
  );
}
