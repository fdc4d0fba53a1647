import { Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionMeta } from '../../../shared/domain';
import { useChannel } from '../../lib/api/useChannel';

type Page = NonNullable<InteractionMeta['pages']>[number];

/**
 * A page the visitor came through: its title, and its address as text beside it. Never a link: the workstation
 * opens no other page (its window refuses new windows and navigation), and an address a visitor's browser sent
 * may be anything, `javascript:` included, so it is only ever shown.
 */
function VisitedPage({ page }: { page: Page }) {
  return (
    <Stack gap={0}>
      {page.title !== '' && (
        <Text size="sm" title={page.url} style={{ overflowWrap: 'anywhere' }}>
          {page.title}
        </Text>
      )}
      <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {page.url}
      </Text>
    </Stack>
  );
}

/** The articles the visitor was shown, by title where this workstation holds them, else by id. */
function ArticlesSeen({ ids, labelledBy }: { ids: readonly string[]; labelledBy: string }) {
  const articles = useChannel('reference.articles', { articleIds: [...ids] }, { refreshOn: (c) => c.entities.kb !== undefined });
  const titles = new Map((articles.data ?? []).map((a) => [a.id, a.title]));
  return (
    <List size="sm" spacing={2} aria-labelledby={labelledBy}>
      {ids.map((id) => (
        <List.Item key={id} data-article={id}>
          {titles.get(id) ?? (
            <Text span size="sm" ff="monospace">
              {id}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * What a web chat message shows beyond a chat message: that it came through the web chat, and, folded behind a
 * button (reached with Tab, saying whether it is open), the pages of the shop the visitor came through and the
 * help articles they were shown before they asked anyway.
 */
export function WebchatDetails({ meta }: { meta: InteractionMeta }) {
  const { t } = useTranslation('case');
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const pages = meta.pages ?? [];
  const articles = meta.articlesSeen ?? [];
  const hasDetails = pages.length > 0 || articles.length > 0;
  return (
    <Stack gap={4} align="flex-start">
      <Group gap="xs">
        <Badge size="sm" variant="light" data-testid="webchat-label">
          {t('webchat.label')}
        </Badge>
        {hasDetails && (
          <Button size="compact-xs" variant="subtle" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
            {open ? t('webchat.hideVisit') : t('webchat.showVisit')}
          </Button>
        )}
      </Group>
      {hasDetails && (
        <div id={detailsId} hidden={!open} data-testid="webchat-details">
          {open && (
            <Stack gap={6}>
              {pages.length > 0 && (
                <Stack gap={2}>
                  <Text size="xs" fw={700} c="dimmed" id={`${detailsId}-pages`}>
                    {t('webchat.cameThrough')}
                  </Text>
                  <List type="ordered" size="sm" spacing={2} aria-labelledby={`${detailsId}-pages`}>
                    {pages.map((page, i) => (
                      <List.Item key={i}>
                        <VisitedPage page={page} />
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              )}
              {articles.length > 0 && (
                <Stack gap={2}>
                  <Text size="xs" fw={700} c="dimmed" id={`${detailsId}-articles`}>
                    {t('webchat.wasShown')}
                  </Text>
                  <ArticlesSeen ids={articles} labelledBy={`${detailsId}-articles`} />
                </Stack>
              )}
            </Stack>
          )}
        </div>
      )}
    </Stack>
  );
}
