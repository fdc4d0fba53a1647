import { Modal, Switch, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NOTICE_KINDS, type NotificationSettings } from '../../../shared/domain/preferences';

interface Props {
  opened: boolean;
  settings: NotificationSettings;
  onChange(settings: NotificationSettings): void;
  onClose(): void;
}

/** Per kind of notice: a sound, an OS notification (when the window is not in front). */
export function NotificationSettingsModal({ opened, settings, onChange, onClose }: Props) {
  const { t } = useTranslation('notifications');
  const set = (kind: (typeof NOTICE_KINDS)[number], what: 'sound' | 'os', on: boolean) => onChange({ ...settings, [kind]: { ...settings[kind], [what]: on } });
  return (
    <Modal opened={opened} onClose={onClose} title={t('settings.title')} closeButtonProps={{ 'aria-label': t('settings.close') }}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.kind')}</Table.Th>
            <Table.Th>{t('settings.sound')}</Table.Th>
            <Table.Th>{t('settings.os')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {NOTICE_KINDS.map((kind) => (
            <Table.Tr key={kind}>
              <Table.Td>{t(`settings.kinds.${kind}`)}</Table.Td>
              <Table.Td>
                <Switch
                  aria-label={t('settings.soundFor', { kind: t(`settings.kinds.${kind}`) })}
                  checked={settings[kind].sound}
                  onChange={(e) => set(kind, 'sound', e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={t('settings.osFor', { kind: t(`settings.kinds.${kind}`) })}
                  checked={settings[kind].os}
                  onChange={(e) => set(kind, 'os', e.currentTarget.checked)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
