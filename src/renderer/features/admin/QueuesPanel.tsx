import { Badge, Button, Group, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue } from '../../../shared/domain';
import type { Org } from '../supervisor/supervisorTypes';
import { AdminTable } from './AdminTable';
import { ArchiveQueueModal } from './ArchiveQueueModal';
import { QueueForm } from './QueueForm';

type Dialog = { kind: 'form'; queue: Queue | 'new' } | { kind: 'archive'; queue: Queue } | null;

/** Queues: the synced list (archived ones on request), and adding, editing and archiving. */
export function QueuesPanel({ org, canEdit }: { org: Org; canEdit: boolean }) {
  const { t } = useTranslation('admin');
  const [withArchived, setWithArchived] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const shown = org.queues.filter((q) => withArchived || !q.archived);
  return (
    <Stack gap="sm">
      <Group>
        <Switch label={t('queues.showArchived')} checked={withArchived} onChange={(e) => setWithArchived(e.currentTarget.checked)} />
        {canEdit && <Button onClick={() => setDialog({ kind: 'form', queue: 'new' })}>{t('queues.create')}</Button>}
      </Group>
      <AdminTable
        rows={shown}
        nameOf={(q) => q.name}
        columns={[
          { label: t('queues.name'), cell: (q) => q.name },
          { label: t('queues.channels'), cell: (q) => q.channels.map((c) => t(`common:channel.${c}`)).join(', ') },
          { label: t('queues.memberCount'), cell: (q) => q.memberIds.length },
          { label: t('queues.state'), cell: (q) => (q.archived ? <Badge color="gray" variant="light">{t('queues.archived')}</Badge> : <Badge color="green" variant="light">{t('queues.open')}</Badge>) },
        ]}
        onEdit={canEdit ? (q) => setDialog({ kind: 'form', queue: q }) : undefined}
        more={(q) =>
          !q.archived && (
            <Button variant="subtle" color="red" size="xs" aria-label={t('queues.archiveNamed', { name: q.name })} onClick={() => setDialog({ kind: 'archive', queue: q })}>
              {t('queues.archive')}
            </Button>
          )
        }
      />
      {dialog?.kind === 'form' && <QueueForm org={org} queue={dialog.queue} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'archive' && <ArchiveQueueModal org={org} queue={dialog.queue} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
