import { Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../lib/api/useChannel';
import { useNow } from '../../lib/useNow';
import { SearchResultRow } from './SearchResultRow';
import { SEARCH_KINDS as KINDS, searchResults, type SearchResult } from './searchResults';

interface Props {
  opened: boolean;
  onOpen(): void;
  onClose(): void;
  onOpenCase(caseId: string): void;
  onOpenCustomer(customerId: string): void;
}

const LIMIT = 20;

/**
 * Search everywhere (Ctrl+K): customers, cases and message text from the local cache, as you type, offline
 * too. Arrow keys move through the hits (in the field, or in the results list, reached with Tab), Enter opens
 * one, Escape closes.
 */
export function SearchDialog({ opened, onOpen, onClose, onOpenCase, onOpenCustomer }: Props) {
  const { t } = useTranslation('search');
  const now = useNow();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const trimmed = query.trim();
  const answer = useChannel('search.query', opened && trimmed ? { query: trimmed, limit: LIMIT } : null);
  const results = trimmed ? searchResults(answer.data) : [];
  // Empty inputs are ignored: an input always holds the dialog's keys, and Ctrl+K must work from any field.
  useHotkeys([['mod+K', () => (opened ? onClose() : onOpen())]], []);

  const choose = (r: SearchResult | undefined) => {
    if (!r) return;
    if (r.kind === 'customer') onOpenCustomer(r.customer.id);
    else onOpenCase(r.kind === 'case' ? r.case.id : r.message.caseId);
    onClose();
  };
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(results.length - 1, index));
    setActive(next);
    // Keeps the active hit in view inside the scrolling results (jsdom has no scrollIntoView).
    document.getElementById(`search-${results[next]?.id}`)?.scrollIntoView?.({ block: 'nearest' });
  };
  // The same keys in the search field and in the results list (reachable with Tab).
  const onKeyDown = (e: KeyboardEvent) => {
    const at = Math.min(active, results.length - 1);
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step) moveTo(at + step);
    else if (e.key === 'Enter') choose(results[at]);
    else if (e.currentTarget.getAttribute('role') === 'listbox' && (e.key === 'Home' || e.key === 'End')) moveTo(e.key === 'Home' ? 0 : results.length - 1);
    else return;
    e.preventDefault();
  };

  const current = results[Math.min(active, results.length - 1)];
  return (
    <Modal opened={opened} onClose={onClose} title={t('title')} size="lg" yOffset="10vh" closeButtonProps={{ 'aria-label': t('close') }}>
      <TextInput
        data-autofocus
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={current ? `search-${current.id}` : undefined}
        aria-label={t('label')}
        placeholder={t('placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ScrollArea.Autosize mah="60vh" mt="sm">
        <Stack
          gap={0}
          id="search-results"
          role="listbox"
          aria-label={t('results')}
          tabIndex={results.length ? 0 : -1}
          aria-activedescendant={current ? `search-${current.id}` : undefined}
          aria-keyshortcuts="ArrowDown ArrowUp Home End Enter"
          onKeyDown={onKeyDown}
        >
          {KINDS.map((kind) => {
            const hits = results.filter((r) => r.kind === kind);
            if (!hits.length) return null;
            return (
              <div key={kind} role="group" aria-labelledby={`search-section-${kind}`}>
                <Text id={`search-section-${kind}`} size="xs" fw={700} tt="uppercase" c="dimmed" mt="xs">
                  {t(`section.${kind}`)}
                </Text>
                {hits.map((r) => (
                  <div
                    key={r.id}
                    id={`search-${r.id}`}
                    role="option"
                    aria-selected={r === current}
                    onClick={() => choose(r)}
                    onMouseMove={() => setActive(results.indexOf(r))}
                    style={{ padding: '6px 8px', borderRadius: 4, cursor: 'pointer', background: r === current ? 'var(--mantine-primary-color-light)' : undefined }}
                  >
                    <SearchResultRow result={r} now={now} />
                  </div>
                ))}
              </div>
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
      {trimmed && !answer.loading && results.length === 0 && (
        <Text c="dimmed" size="sm" mt="sm">
          {t('none')}
        </Text>
      )}
      {!trimmed && (
        <Text c="dimmed" size="sm" mt="sm">
          {t('hint')}
        </Text>
      )}
    </Modal>
  );
}
