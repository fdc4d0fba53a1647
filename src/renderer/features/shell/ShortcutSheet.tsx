import { Group, Kbd, Modal, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Fragment, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isTypingTarget } from '../inbox/globalListKeys';
import { SHORTCUT_GROUPS } from './shortcuts';

/** Opens the sheet on `?` pressed outside a text field (in one, `?` is a character to type). */
export function useShortcutSheetKey(open: () => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTypingTarget(e.target)) return;
      e.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

/** The `?` sheet: every keyboard shortcut of the workspace, by where it works. */
export function ShortcutSheet({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation('shortcuts');
  return (
    <Modal opened={opened} onClose={onClose} title={t('title')} size="xl" closeButtonProps={{ 'aria-label': t('close') }}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {SHORTCUT_GROUPS.map(({ group, shortcuts }) => (
          <section key={group} aria-labelledby={`shortcuts-${group}`}>
            <Title order={3} size="h5" id={`shortcuts-${group}`} mb={4}>
              {t(`groups.${group}`)}
            </Title>
            <Table>
              <Table.Tbody>
                {shortcuts.map(({ keys, what }) => (
                  <Table.Tr key={what}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={4} wrap="nowrap">
                        {keys.map((combo, i) => (
                          <Fragment key={combo.join('+')}>
                            {i > 0 && <Text size="xs">{t('or')}</Text>}
                            {combo.map((key, j) => (
                              <Fragment key={key}>
                                {j > 0 && <Text size="xs">+</Text>}
                                <Kbd size="xs">{t(`keys.${key}`, { defaultValue: key })}</Kbd>
                              </Fragment>
                            ))}
                          </Fragment>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`what.${group}.${what}`)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        ))}
      </SimpleGrid>
    </Modal>
  );
}
