import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The footer of the console's dialogs: Cancel, then the dialog's own action. */
export function ModalActions(props: { onCancel(): void; onConfirm(): void; confirmLabel: string; disabled?: boolean }) {
  const { t } = useTranslation('supervisor');
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={props.onCancel}>
        {t('cancel')}
      </Button>
      <Button disabled={props.disabled} onClick={props.onConfirm}>
        {props.confirmLabel}
      </Button>
    </Group>
  );
}
