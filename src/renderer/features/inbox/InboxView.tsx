import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { formatNumber } from '../../lib/format';
import { useNow } from '../../lib/useNow';
import { createPreviewStore } from './createPreviewStore';
import { InboxFilterBar } from './InboxFilterBar';
import { DEFAULT_FILTERS, inboxQuery, type InboxFilters } from './inboxQuery';
import { InboxRow, ROW_HEIGHT } from './InboxRow';
import { useListKeyboard } from './useListKeyboard';
import { useSeenCases } from './useSeenCases';

interface Props {
  session: SessionView;
  openCaseId: string | null;
  onOpenCase(caseId: string): void;
}

/**
 * Every case assigned to me or waiting in my queues, across channels, in one virtual list that stays live
 * (it reads again on every change to cases or customers). Arrow keys or j/k move, Enter opens.
 */
export function InboxView({ session, openCaseId, onOpenCase }: Props) {
  const { t, i18n } = useTranslation('inbox');
  const api = useApi();
  const now = useNow();
  const [filters, setFilters] = useState<InboxFilters>(DEFAULT_FILTERS);
  const inbox = useChannel('inbox.list', inboxQuery(filters), { refreshOn: (c) => Boolean(c.entities.case || c.entities.customer) || c.outbox });
  const org = useChannel('reference.org', {}, { refreshOn: (c) => Boolean(c.entities.queue) });
  const [previews] = useState(() => createPreviewStore(api));
  const { isUnread, markSeen } = useSeenCases(session.staff.id);
  const items = useMemo(() => inbox.data?.items ?? [], [inbox.data]);
  const myQueues = useMemo(() => {
    const scope = session.scope;
    return (org.data?.queues ?? []).filter((q) => !scope || scope.all || scope.queueIds.includes(q.id));
  }, [org.data, session.scope]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });
  const open = (index: number) => {
    const item = items[index];
    if (!item) return;
    markSeen(item.case);
    onOpenCase(item.case.id);
  };
  const scrollTo = useCallback((index: number) => virtual.scrollToIndex(index, { align: 'auto' }), [virtual]);
  const keys = useListKeyboard(items.length, open, scrollTo);

  const nextInQueue = items.find((i) => i.case.assigneeId === null);
  async function pickNext() {
    if (!nextInQueue) return;
    const result = await api.invoke('case.assign', { caseId: nextInQueue.case.id, to: 'me' });
    if (result.ok) open(items.indexOf(nextInQueue));
  }

  const rowId = (caseId: string) => `inbox-row-${caseId}`;
  const activeItem = items[keys.active];
  return (
    <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
      <Group justify="space-between" px="sm" pt="xs" wrap="nowrap">
        <Group gap="xs" align="baseline">
          <Title order={2} size="h4" id="inbox-title">
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="inbox-count">
            {t('count', { count: items.length, n: formatNumber(i18n.language, items.length) })}
          </Text>
        </Group>
        <Button size="xs" onClick={() => void pickNext()} disabled={!nextInQueue}>
          {t('pickNext')}
        </Button>
      </Group>
      <InboxFilterBar value={filters} queues={myQueues} onChange={setFilters} />
      {inbox.data?.more && (
        <Text size="xs" c="dimmed" px="sm">
          {t('truncated', { n: formatNumber(i18n.language, items.length) })}
        </Text>
      )}
      <div
        ref={scroller}
        role="listbox"
        tabIndex={0}
        aria-labelledby="inbox-title"
        aria-activedescendant={activeItem ? rowId(activeItem.case.id) : undefined}
        aria-keyshortcuts="ArrowDown ArrowUp J K Enter"
        onKeyDown={keys.onKeyDown}
        style={{ flex: 1, overflow: 'auto', position: 'relative', outlineOffset: -2 }}
      >
        {items.length === 0 && !inbox.loading && (
          <Text c="dimmed" ta="center" p="xl">
            {t('empty')}
          </Text>
        )}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((row) => {
            const item = items[row.index];
            return (
              <InboxRow
                key={item.case.id}
                id={rowId(item.case.id)}
                item={item}
                active={row.index === keys.active}
                open={item.case.id === openCaseId}
                unread={isUnread(item.case)}
                now={now}
                previews={previews}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
                onOpen={() => {
                  keys.setActive(row.index);
                  open(row.index);
                }}
              />
            );
          })}
        </div>
      </div>
    </Stack>
  );
}
