import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { HeldReply } from '../../../shared/domain';
import { deliveriesByMessage, type SendAnotherWay, type ShownDelivery } from './deliveryStage';
import { TimelineEntry, type TimelineInteraction } from './TimelineEntry';
import { useMinute } from './useMinute';
import type { OrgReference } from './useOrgReference';

/** The held reply an outbox entry stands for: the hub keeps it under its own id, with the same channel and text. */
function heldFor(entry: TimelineInteraction, held: readonly HeldReply[]): HeldReply | null {
  if (!entry.local.some((l) => l.state === 'held')) return null;
  return held.find((h) => h.channel === entry.kind && h.text === entry.text) ?? null;
}

/** Every interaction of the case across channels, oldest first (the engine's order). */
export function Timeline({
  timeline,
  held,
  org,
  customerName,
  customerLanguage,
  deliveries,
  sendAnotherWay,
}: {
  timeline: readonly TimelineInteraction[];
  held: readonly HeldReply[];
  org: OrgReference;
  customerName: string | null;
  customerLanguage: string | undefined;
  /** Where outbound messages stand on the customer's channel. */
  deliveries: readonly ShownDelivery[];
  sendAnotherWay: SendAnotherWay | null;
}) {
  const { t } = useTranslation('case');
  const now = useMinute() * 60_000;
  const onChannel = useMemo(() => deliveriesByMessage(deliveries), [deliveries]);
  return (
    <Stack gap="sm" component="section" aria-labelledby="case-timeline-title">
      <Title order={3} size="h5" id="case-timeline-title">
        {t('timeline.title')}
      </Title>
      {timeline.length === 0 ? <Text c="dimmed">{t('timeline.empty')}</Text> : null}
      <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {timeline.map((entry) => (
          <li key={entry.id}>
            <TimelineEntry
              entry={entry}
              org={org}
              now={now}
              held={heldFor(entry, held)}
              customerName={customerName}
              customerLanguage={customerLanguage}
              onChannel={onChannel.get(entry.id) ?? null}
              sendAnotherWay={sendAnotherWay}
            />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
