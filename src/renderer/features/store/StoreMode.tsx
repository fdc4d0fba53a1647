import { Alert, Box, Button, Group, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import type { ChannelError } from '../../lib/api/useChannel';
import { errorText } from '../../lib/errorText';
import { StoreCustomer } from './StoreCustomer';

/** Shortest query and detail the lookup accepts (the contract's minimums). */
const MIN_QUERY = 2;
const MIN_DETAIL = 3;

type Lookup = { phase: 'idle' } | { phase: 'searching' } | { phase: 'done'; customers: Customer[]; source: 'cache' | 'hub' } | { phase: 'failed'; error: ChannelError };

/**
 * Esc anywhere closes what is open over the lookup, as it does in the agents' workspace: unless a dialog or
 * something inside took the key first (a list it closes, a modal).
 */
function useEscapeCloses(active: boolean, close: () => void): void {
  const latest = useRef(close);
  useEffect(() => {
    latest.current = close;
  });
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
}

interface Props {
  onOpenCase(caseId: string): void;
  /** The case (or customer) opened from here, shown instead of the lookup; null when none is. */
  opened?: ReactNode;
  onCloseDetail?(): void;
}

/**
 * Store staff's lookup-first screen: find the customer standing at the counter by phone, email, loyalty number
 * or name (the cache first, then the hub), see their open cases, and continue one in store. A case opened from
 * here shows in its place; the lookup stays as it was behind it (hidden), for when Esc or Close brings it back.
 */
export function StoreMode({ onOpenCase, opened = null, onCloseDetail = () => {} }: Props) {
  const { t } = useTranslation('store');
  const api = useApi();
  const [query, setQuery] = useState('');
  const [detail, setDetail] = useState('');
  const detailRef = useRef<HTMLInputElement>(null);
  const [lookup, setLookup] = useState<Lookup>({ phase: 'idle' });
  const [chosen, setChosen] = useState<string | null>(null);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (query.trim().length < MIN_QUERY) return;
    setLookup({ phase: 'searching' });
    setChosen(null);
    const more = detail.trim();
    const result = await api.invoke('store.lookup', { query: query.trim(), ...(more.length >= MIN_DETAIL ? { detail: more } : {}) });
    if (!result.ok) {
      if (result.error.code === 'needs-detail') detailRef.current?.focus();
      return setLookup({ phase: 'failed', error: result.error });
    }
    setLookup({ phase: 'done', ...result.value });
    // One match is the customer at the counter: show their cases straight away.
    if (result.value.customers.length === 1) setChosen(result.value.customers[0]?.id ?? null);
  };

  useEscapeCloses(opened !== null, onCloseDetail);

  return (
    <>
      {opened !== null && <Box>{opened}</Box>}
      <Stack p="md" gap="md" component="section" aria-labelledby="store-title" display={opened !== null ? 'none' : undefined}>
        <Title order={2} id="store-title">
          {t('title')}
        </Title>
        <form onSubmit={(e) => void search(e)} role="search">
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('lookup.label')}
              description={t('lookup.hint')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              data-autofocus
              autoFocus
              style={{ flex: 1 }}
              autoComplete="off"
            />
            <TextInput
              ref={detailRef}
              label={t('lookup.detail')}
              description={t('lookup.detailHint')}
              value={detail}
              onChange={(e) => setDetail(e.currentTarget.value)}
              style={{ flex: 1 }}
              autoComplete="off"
            />
            <Button type="submit" loading={lookup.phase === 'searching'} disabled={query.trim().length < MIN_QUERY}>
              {t('lookup.find')}
            </Button>
          </Group>
        </form>
        {lookup.phase === 'failed' ? (
          <Alert color="red" role="alert" title={t('lookup.failed')}>
            {errorText(t, lookup.error)}
          </Alert>
        ) : null}
        {lookup.phase === 'done' ? (
          <Stack gap="xs" component="section" aria-labelledby="store-results-title">
            <Title order={3} size="h5" id="store-results-title">
              {t('results.title', { count: lookup.customers.length })}
            </Title>
            {lookup.customers.length === 0 ? <Text c="dimmed">{t('results.none')}</Text> : null}
            <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {lookup.customers.map((c) => (
                <li key={c.id}>
                  <UnstyledButton
                    onClick={() => setChosen(c.id)}
                    aria-pressed={chosen === c.id}
                    p="xs"
                    w="100%"
                    bg={chosen === c.id ? 'var(--mantine-color-blue-light)' : undefined}
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  >
                    <Text fw={600}>{c.name}</Text>
                    <Text size="sm" c="dimmed">
                      {[...c.phones, ...c.emails, c.loyaltyNumber].filter(Boolean).join(' · ')}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </Stack>
        ) : null}
        {chosen ? <StoreCustomer key={chosen} customerId={chosen} onOpenCase={onOpenCase} /> : null}
      </Stack>
    </>
  );
}
