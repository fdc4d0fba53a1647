import { Modal, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from './ModalActions';
import { useApi } from '../../lib/api/useApi';

/** Closing a red alert says what was done for the customer (kept in the alert and the audit). */
export function CloseAlertModal({ alertId, onClose }: { alertId: string; onClose(): void }) {
  const { t } = useTranslation('supervisor');
  const api = useApi();
  const [outcome, setOutcome] = useState('');
  const close = async () => {
    await api.invoke('alert.close', { alertId, outcome: outcome.trim() });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('alerts.closeTitle')}>
      <Textarea label={t('alerts.outcome')} autosize minRows={3} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} data-autofocus />
      <ModalActions onCancel={onClose} onConfirm={() => void close()} confirmLabel={t('alerts.close')} disabled={!outcome.trim()} />
    </Modal>
  );
}
