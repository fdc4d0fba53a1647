import { Modal, NumberInput, SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from './ModalActions';
import { CHANNELS, type Capacity } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import type { OrgStaff } from './supervisorTypes';

// NumberInput passes a string while its text is not a plain number ("" after deleting, "05" when typing after
// the 0 that follows): read the digits, or a field showing "05" would save 0.
const toCapacity = (v: number | string): number => (typeof v === 'number' ? v : Number.parseInt(v, 10) || 0);

/** How many conversations of each channel the agent takes at once; only the changed channels are sent. */
export function CapacityModal({ staff, onClose }: { staff: OrgStaff; onClose(): void }) {
  const { t } = useTranslation('supervisor');
  const api = useApi();
  const [capacity, setCapacity] = useState<Capacity>(staff.capacity);
  const changed = Object.fromEntries(CHANNELS.filter((c) => capacity[c] !== staff.capacity[c]).map((c) => [c, capacity[c]]));
  const save = async () => {
    if (Object.keys(changed).length) await api.invoke('supervisor.updateStaff', { staffId: staff.id, patch: { capacity: changed } });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('agents.capacityTitle', { name: staff.name })}>
      <SimpleGrid cols={2}>
        {CHANNELS.map((c) => (
          <NumberInput
            key={c}
            label={t(`common:channel.${c}`)}
            min={0}
            max={50}
            allowDecimal={false}
            value={capacity[c]}
            onChange={(v) => setCapacity((cap) => ({ ...cap, [c]: toCapacity(v) }))}
          />
        ))}
      </SimpleGrid>
      <ModalActions onCancel={onClose} onConfirm={() => void save()} confirmLabel={t('save')} />
    </Modal>
  );
}
