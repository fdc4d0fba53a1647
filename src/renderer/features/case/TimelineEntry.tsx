import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, HeldReply } from '../../../shared/domain';
import type { OutputOf } from '../../../shared/ipc/contract';
import { ChannelIcon } from '../../components/ChannelIcon';
import { formatDuration, formatWhen } from '../../lib/format';
import { isWebChat } from '../../lib/webChat';
import { DeliveryStatus } from './DeliveryStatus';
import { QuotedEmailText } from './QuotedEmailText';
import type { SendAnotherWay, ShownDelivery } from './deliveryStage';
import { TimelineAttachments } from './TimelineAttachments';
import { WebchatDetails } from './WebchatDetails';
import type { OrgReference } from './useOrgReference';

export type TimelineInteraction = OutputOf<'case.view'>['timeline'][number];

/** Customer and staff text exactly as written: plain text, line breaks kept, never translated or parsed. */
function Written({ children, lang }: { children: string; lang?: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lang={lang}>
      {children}
    </Text>
  );
}

function Labelled({ label, children }: { label: string; children: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="dimmed">
        {label}
      </Text>
      <Written>{children}</Written>
    </Stack>
  );
}

/**
 * What each kind shows beyond its text: the email's subject, the call's length and notes, the visit's store, the
 * web chat's pages and articles.
 */
function KindDetails({ entry, org }: { entry: TimelineInteraction; org: OrgReference }) {
  const { t, i18n } = useTranslation('case');
  const { meta } = entry;
  const seconds = (s: number | undefined) => (s === undefined ? null : formatDuration(i18n.language, s * 1000));
  switch (entry.kind) {
    case 'email':
      return (
        <>
          <Text fw={700} size="sm">
            {entry.subject ?? t('timeline.noSubject')}
          </Text>
          {meta.address ? <Text size="xs" c="dimmed">{meta.address}</Text> : null}
        </>
      );
    case 'phone':
      return (
        <>
          <Text size="sm" fw={600}>
            {[seconds(meta.durationSec) && t('timeline.callLength', { time: seconds(meta.durationSec) }), meta.outcome && t(`callOutcome.${meta.outcome}`)]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {meta.notes ? <Labelled label={t('timeline.callNotes')}>{meta.notes}</Labelled> : null}
        </>
      );
    case 'video':
      return (
        <>
          {meta.sessionLengthSec !== undefined ? (
            <Text size="sm" fw={600}>
              {t('timeline.sessionLength', { time: seconds(meta.sessionLengthSec) })}
            </Text>
          ) : null}
          {meta.summary ? <Labelled label={t('timeline.videoSummary')}>{meta.summary}</Labelled> : null}
          {meta.notes ? <Labelled label={t('timeline.videoNotes')}>{meta.notes}</Labelled> : null}
        </>
      );
    case 'store':
      return (
        <Text size="sm" fw={600}>
          {t('timeline.visit', {
            store: org.storeName(meta.storeId) ?? t('timeline.unknownStore'),
            staff: org.staffName(meta.staffId ?? entry.authorId) ?? t('timeline.unknownStaff'),
          })}
        </Text>
      );
    case 'chat':
      return isWebChat(entry) ? <WebchatDetails meta={meta} /> : null;
    case 'social':
      return meta.handle ? <Text size="xs" c="dimmed">{[meta.network, meta.handle].filter(Boolean).join(' · ')}</Text> : null;
    default:
      return null;
  }
}

/** The element id of an interaction, for the brief's links into the timeline. */
export const timelineAnchor = (interactionId: string): string => `interaction-${interactionId}`;

const BUBBLE_KINDS = new Set(['chat', 'social', 'sms']);

/**
 * One interaction of the timeline, drawn for its kind: chat-like messages as bubbles (the customer's on the
 * left, ours on the right), emails with their subject, calls and video sessions with their length and notes,
 * store visits with store and staff, internal notes set apart on a yellow card.
 */
export function TimelineEntry({
  entry,
  org,
  now,
  held,
  customerName,
  customerLanguage,
  onChannel = null,
  sendAnotherWay = null,
}: {
  entry: TimelineInteraction;
  org: OrgReference;
  now: number;
  held: HeldReply | null;
  customerName: string | null;
  customerLanguage: string | undefined;
  /** The message's delivery to the customer, once the hub has one (the store's hand-over view shows none). */
  onChannel?: ShownDelivery | null;
  sendAnotherWay?: SendAnotherWay | null;
}) {
  const { t, i18n } = useTranslation('case');
  const inbound = entry.direction === 'inbound';
  const note = entry.kind === 'note';
  const author = inbound ? (customerName ?? t('timeline.customer')) : (org.staffName(entry.authorId) ?? t('timeline.staff'));
  const bubble = BUBBLE_KINDS.has(entry.kind);
  const heading: ReactNode = note ? t('timeline.noteBy', { name: author }) : author;
  return (
    <Paper
      component="article"
      id={timelineAnchor(entry.id)}
      tabIndex={-1}
      withBorder
      p="sm"
      radius={bubble ? 'lg' : 'sm'}
      data-kind={entry.kind}
      data-direction={entry.direction}
      aria-label={isWebChat(entry) ? t('webchat.kindLabel') : t(`timeline.kindLabel.${entry.kind}`)}
      bg={note ? 'var(--mantine-color-yellow-light)' : inbound ? undefined : 'var(--mantine-color-blue-light)'}
      ml={bubble && !inbound ? 'xl' : undefined}
      mr={bubble && inbound ? 'xl' : undefined}
      style={note ? { borderStyle: 'dashed' } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            {note ? <Badge size="sm" color="yellow">{t('timeline.internal')}</Badge> : <ChannelIcon channel={entry.kind as Channel} />}
            <Text size="sm" fw={600}>
              {heading}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" component="time" dateTime={new Date(entry.createdAt).toISOString()}>
            {formatWhen(i18n.language, entry.createdAt, now)}
          </Text>
        </Group>
        <KindDetails entry={entry} org={org} />
        {!entry.text ? null : inbound && entry.kind === 'email' ? (
          <QuotedEmailText text={entry.text} render={(text) => <Written lang={customerLanguage}>{text}</Written>} />
        ) : (
          <Written lang={inbound ? customerLanguage : undefined}>{entry.text}</Written>
        )}
        {entry.meta.attachments?.length ? <TimelineAttachments files={entry.meta.attachments} /> : null}
        {inbound ? null : <DeliveryStatus entry={entry} held={held} onChannel={onChannel} sendAnotherWay={sendAnotherWay} />}
      </Stack>
    </Paper>
  );
}
