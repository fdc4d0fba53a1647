import { Badge, Group, Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxDensity } from '../../../shared/ipc/contract';
import { ChannelIcon } from '../../components/ChannelIcon';
import { StatusBadge } from '../../components/StatusBadge';
import type { PreviewStore } from './createPreviewStore';
import { MoodBadge } from './MoodBadge';
import { RowTiming } from './RowTiming';
import { useCasePreview } from './useCasePreview';
import type { InboxItem } from './useInboxPages';

/**
 * Fixed height of a row in each density: the virtual list positions rows without measuring them. Compact is one
 * line (at least 18 rows in the inbox of a 900 px tall window); comfortable has room for status and mood.
 */
export const ROW_HEIGHTS: Record<InboxDensity, number> = { compact: 32, comfortable: 84 };

interface Props {
  item: InboxItem;
  id: string;
  density: InboxDensity;
  active: boolean;
  open: boolean;
  unread: boolean;
  now: number;
  previews: PreviewStore;
  style: CSSProperties;
  onOpen(): void;
}

/**
 * One case in the inbox: channel (and whether it is the web chat), customer, newest message (as written), waiting
 * time and SLA; comfortable rows add the status, mood and whether it waits in the queue. The open case is
 * highlighted (however it was opened), the keyboard's active row outlined.
 */
export function InboxRow({ item, id, density, active, open, unread, now, previews, style, onOpen }: Props) {
  const { t } = useTranslation('inbox');
  const c = item.case;
  const preview = useCasePreview(previews, c.id, c.updatedAt);
  const last = preview?.last;
  const height = ROW_HEIGHTS[density];
  const compact = density === 'compact';

  const who = (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0, flex: compact ? '0 1 34%' : undefined }}>
      <ChannelIcon channel={c.lastChannel} />
      {preview?.webChat && (
        <Badge size="xs" variant="light" role="img" aria-label={t('row.webChat')} data-testid="webchat-marker" style={{ flexShrink: 0 }}>
          {t('row.webChatShort')}
        </Badge>
      )}
      {unread && <span role="img" aria-label={t('row.unread')} style={{ width: 8, height: 8, borderRadius: 4, flexShrink: 0, background: 'var(--mantine-color-blue-6)' }} />}
      <Text size="sm" fw={unread ? 700 : 500} truncate="end">
        {item.customerName ?? t('row.unknownCustomer')}
      </Text>
    </Group>
  );
  // Customer text is rendered as text (React escapes it), exactly as written, never translated.
  const text = (
    <Text size="sm" c="dimmed" truncate="end" data-testid="preview" style={compact ? { flex: 1, minWidth: 0 } : undefined}>
      {last ? (last.direction === 'outbound' ? t('row.you', { text: last.text }) : last.text) : c.subject}
    </Text>
  );

  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      aria-current={open || undefined}
      data-case-id={c.id}
      data-unread={unread || undefined}
      data-density={density}
      onClick={onOpen}
      style={{
        ...style,
        height,
        padding: compact ? '0 10px' : '6px 12px',
        display: compact ? 'flex' : undefined,
        alignItems: 'center',
        cursor: 'pointer',
        borderBottom: '1px solid var(--mantine-color-default-border)',
        borderLeft: `4px solid ${open ? 'var(--mantine-primary-color-filled)' : 'transparent'}`,
        background: open ? 'var(--mantine-primary-color-light)' : undefined,
        outline: active ? '2px solid var(--mantine-primary-color-filled)' : undefined,
        outlineOffset: -2,
      }}
    >
      {compact ? (
        <Group gap={8} wrap="nowrap" style={{ width: '100%', minWidth: 0 }}>
          {who}
          {text}
          <RowTiming c={c} now={now} />
        </Group>
      ) : (
        <Stack gap={2}>
          <Group gap={8} wrap="nowrap" justify="space-between">
            {who}
            <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
              <RowTiming c={c} now={now} />
            </Group>
          </Group>
          {text}
          <Group gap={6} wrap="nowrap">
            {preview?.mood && <MoodBadge mood={preview.mood} />}
            <StatusBadge status={c.status} />
            {c.assigneeId === null && (
              <Badge size="sm" variant="default">
                {t('row.unassigned')}
              </Badge>
            )}
          </Group>
        </Stack>
      )}
    </div>
  );
}
