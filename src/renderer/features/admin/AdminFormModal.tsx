import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of an admin form: a dialog, its fields, a refusal that names none of them, and cancel and save. */
export function AdminFormModal({
  title,
  unplaced,
  busy,
  onSubmit,
  onClose,
  size,
  children,
}: {
  title: string;
  unplaced: string | null;
  busy: boolean;
  onSubmit(): void;
  onClose(): void;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('admin');
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {children}
          {unplaced !== null && (
            <Alert color="red" role="alert">
              {unplaced}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
