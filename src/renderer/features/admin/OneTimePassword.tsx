import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A one-time password, shown once: the admin copies it and hands it over. Closing forgets it (the hub keeps
 * only its hash, and the person must replace it at their first sign-in).
 */
export function OneTimePassword({ name, password, onDone }: { name: string; password: string | null; onDone(): void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal opened={password !== null} onClose={onDone} title={t('otp.title', { name })}>
      <Stack gap="sm">
        <Text size="sm">{t('otp.explain')}</Text>
        <Code block aria-label={t('otp.label')} fz="lg">
          {password}
        </Code>
        <Group justify="flex-end">
          <CopyButton value={password ?? ''}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('otp.copied') : t('otp.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onDone}>{t('otp.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
