import { MultiSelect, NumberInput, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Lang, Queue } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import type { Org } from '../supervisor/supervisorTypes';
import { CountryInput } from './CountryInput';
import { AdminFormModal } from './AdminFormModal';
import { useAdminSubmit } from './adminForm';
import { activeStaffOptions, channelOptions, languageOptions } from './adminOptions';

const FIELDS = ['name', 'channels', 'languages', 'skills', 'sla', 'csatAlertThreshold', 'alertStaffIds', 'alertAckMinutes', 'memberIds', 'country'] as const;

/** A NumberInput's value as the hub takes it: a number, or nothing typed (which the input check refuses at the field). */
const asNumber = (v: string | number) => (typeof v === 'number' ? v : Number.NaN);
const shown = (n: number) => (Number.isNaN(n) ? '' : n);

/** Adds a queue (with the hub's defaults for SLA, CSAT alerts and escalation filled in) or edits one. */
export function QueueForm({ org, queue, onClose }: { org: Org; queue: Queue | 'new'; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const editing = queue === 'new' ? null : queue;
  const [name, setName] = useState(editing?.name ?? '');
  const [channels, setChannels] = useState<Channel[]>(editing?.channels ?? []);
  const [languages, setLanguages] = useState<Lang[]>(editing?.languages ?? ['en']);
  const [skills, setSkills] = useState<string[]>(editing?.skills ?? []);
  const [firstResponseMinutes, setFirst] = useState(editing?.sla.firstResponseMinutes ?? 60);
  const [nextResponseMinutes, setNext] = useState(editing?.sla.nextResponseMinutes ?? 240);
  const [csatAlertThreshold, setCsat] = useState(editing?.csatAlertThreshold ?? 4);
  const [alertStaffIds, setAlertStaffIds] = useState<string[]>(editing?.alertStaffIds ?? []);
  const [alertAckMinutes, setAck] = useState(editing?.alertAckMinutes ?? 30);
  const [memberIds, setMemberIds] = useState<string[]>(editing?.memberIds ?? []);
  const [country, setCountry] = useState(editing?.country ?? null);
  const { send, at, unplaced, busy } = useAdminSubmit(FIELDS);

  async function submit() {
    const fields = { name, channels, languages, skills, sla: { firstResponseMinutes, nextResponseMinutes }, csatAlertThreshold, alertStaffIds, alertAckMinutes, memberIds, country };
    const done = await send(() => (editing ? api.invoke('admin.updateQueue', { queueId: editing.id, ...fields }) : api.invoke('admin.createQueue', fields)));
    if (done) onClose();
  }

  const staff = activeStaffOptions(org);
  return (
    <AdminFormModal title={editing ? t('queues.edit', { name: editing.name }) : t('queues.create')} size="lg" unplaced={unplaced} busy={busy} onSubmit={() => void submit()} onClose={onClose}>
      <TextInput label={t('queues.name')} required data-autofocus value={name} error={at('name')} onChange={(e) => setName(e.currentTarget.value)} />
      <MultiSelect label={t('queues.channels')} required value={channels} error={at('channels')} onChange={(v) => setChannels(v as Channel[])} data={channelOptions(t)} />
      <MultiSelect label={t('queues.languages')} required value={languages} error={at('languages')} onChange={(v) => setLanguages(v as Lang[])} data={languageOptions()} />
      <CountryInput value={country} error={at('country')} onChange={setCountry} />
      <TagsInput label={t('queues.skills')} value={skills} error={at('skills')} onChange={setSkills} />
      <SimpleGrid cols={2} spacing="xs">
        <NumberInput label={t('queues.firstResponse')} min={1} value={shown(firstResponseMinutes)} error={at('sla.firstResponseMinutes')} onChange={(v) => setFirst(asNumber(v))} />
        <NumberInput label={t('queues.nextResponse')} min={1} value={shown(nextResponseMinutes)} error={at('sla.nextResponseMinutes')} onChange={(v) => setNext(asNumber(v))} />
        <NumberInput label={t('queues.csatThreshold')} min={1} max={10} value={shown(csatAlertThreshold)} error={at('csatAlertThreshold')} onChange={(v) => setCsat(asNumber(v))} />
        <NumberInput label={t('queues.escalation')} min={1} value={shown(alertAckMinutes)} error={at('alertAckMinutes')} onChange={(v) => setAck(asNumber(v))} />
      </SimpleGrid>
      <MultiSelect label={t('queues.alertStaff')} searchable value={alertStaffIds} error={at('alertStaffIds')} onChange={setAlertStaffIds} data={staff} />
      <MultiSelect label={t('queues.members')} searchable value={memberIds} error={at('memberIds')} onChange={setMemberIds} data={staff} />
    </AdminFormModal>
  );
}
