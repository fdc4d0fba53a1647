import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, IpcResult } from '../../../shared/ipc/contract';
import { useHeldCases } from './heldCases';
import { adminRefusal, errorAt, type FieldRefusal } from './refusal';

/**
 * The frame of a dialog that takes a person or a queue out of use. While they hold open cases (as this workstation
 * knows them, or as the hub says), it says how many and shows `picker` to choose who takes them, and the action
 * waits for that choice. A refusal naming `moveCasesTo` is shown at the picker, any other as it comes.
 */
export function MoveCasesDialog({
  title,
  explain,
  of,
  heldTexts,
  action,
  chosen,
  send,
  picker,
  onClose,
}: {
  title: string;
  explain: string;
  of: InputOf<'admin.openCases'>;
  /** Where the admin texts say what is held: `<heldTexts>.holding` (with a count) and `<heldTexts>.holdingSome`. */
  heldTexts: 'people' | 'queues';
  action: string;
  chosen: boolean;
  /** Sends the action; `holding` says whether the chosen target goes with it. */
  send(holding: boolean): Promise<IpcResult<unknown>>;
  picker(error: string | undefined): ReactNode;
  onClose(): void;
}) {
  const { t } = useTranslation('admin');
  const { count, holding, noteRefusal } = useHeldCases(of);
  const [refusal, setRefusal] = useState<FieldRefusal | null>(null);

  async function confirm() {
    const result = await send(holding);
    if (result.ok) return onClose();
    noteRefusal(result.error);
    setRefusal(adminRefusal(t, result.error));
  }

  const atTarget = errorAt(refusal, 'moveCasesTo');
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack gap="sm">
        <Text size="sm">{explain}</Text>
        {holding && (
          <>
            <Text size="sm">{count > 0 ? t(`${heldTexts}.holding`, { count }) : t(`${heldTexts}.holdingSome`)}</Text>
            {picker(atTarget)}
          </>
        )}
        {refusal && !(holding && atTarget) && (
          <Alert color="red" role="alert">
            {refusal.text}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button color="red" disabled={holding && !chosen} onClick={() => void confirm()}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
