import { Badge, Group, Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc/contract';
import { ChannelIcon } from '../../components/ChannelIcon';
import { SlaCountdown } from '../../components/SlaCountdown';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDuration } from '../../lib/format';
import type { PreviewStore } from './createPreviewStore';
import { MoodBadge } from './MoodBadge';
import { useCasePreview } from './useCasePreview';

export type InboxItem = OutputOf<'inbox.list'>['items'][number];

/** Fixed height of a row: the virtual list positions rows without measuring them. */
export const ROW_HEIGHT = 84;

interface Props {
  item: InboxItem;
  id: string;
  active: boolean;
  open: boolean;
  unread: boolean;
  now: number;
  previews: PreviewStore;
  style: CSSProperties;
  onOpen(): void;
}

/** One case in the inbox: channel (and whether it is the web chat), customer, newest message (as written), waiting time, SLA, mood, unread. */
export function InboxRow({ item, id, active, open, unread, now, previews, style, onOpen }: Props) {
  const { t, i18n } = useTranslation('inbox');
  const c = item.case;
  const preview = useCasePreview(previews, c.id, c.updatedAt);
  const waiting = c.lastInboundAt !== null && c.lastInboundAt > (c.lastOutboundAt ?? 0) ? now - c.lastInboundAt : null;
  const last = preview?.last;
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      aria-current={open || undefined}
      data-case-id={c.id}
      data-unread={unread || undefined}
      onClick={onOpen}
      style={{
        ...style,
        height: ROW_HEIGHT,
        padding: '6px 12px',
        cursor: 'pointer',
        borderBottom: '1px solid var(--mantine-color-default-border)',
        borderLeft: `4px solid ${open ? 'var(--mantine-primary-color-filled)' : 'transparent'}`,
        background: active ? 'var(--mantine-primary-color-light)' : undefined,
        outline: active ? '2px solid var(--mantine-primary-color-filled)' : undefined,
        outlineOffset: -2,
      }}
    >
      <Stack gap={2}>
        <Group gap={8} wrap="nowrap" justify="space-between">
          <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
            <ChannelIcon channel={c.lastChannel} />
            {preview?.webChat && (
              <Badge size="xs" variant="light" role="img" aria-label={t('row.webChat')} data-testid="webchat-marker" style={{ flexShrink: 0 }}>
                {t('row.webChatShort')}
              </Badge>
            )}
            {unread && (
              <span role="img" aria-label={t('row.unread')} style={{ width: 8, height: 8, borderRadius: 4, flexShrink: 0, background: 'var(--mantine-color-blue-6)' }} />
            )}
            <Text size="sm" fw={unread ? 700 : 500} truncate="end">
              {item.customerName ?? t('row.unknownCustomer')}
            </Text>
          </Group>
          {waiting !== null && (
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {t('row.waiting', { time: formatDuration(i18n.language, waiting) })}
            </Text>
          )}
        </Group>
        {/* Customer text is rendered as text (React escapes it), exactly as written, never translated. */}
        <Text size="sm" c="dimmed" truncate="end" data-testid="preview">
          {last ? (last.direction === 'outbound' ? t('row.you', { text: last.text }) : last.text) : c.subject}
        </Text>
        <Group gap={6} wrap="nowrap">
          <SlaCountdown sla={c} now={now} />
          {preview?.mood && <MoodBadge mood={preview.mood} />}
          <StatusBadge status={c.status} />
          {c.assigneeId === null && (
            <Badge size="sm" variant="default">
              {t('row.unassigned')}
            </Badge>
          )}
        </Group>
      </Stack>
    </div>
  );
}
