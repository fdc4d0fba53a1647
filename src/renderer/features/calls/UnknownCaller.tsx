import { Alert, Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isUiLanguage } from '../../i18n/languages';
import type { Customer } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { errorText } from '../../lib/errorText';
import { ContactForm } from '../customer/ContactForm';

/**
 * A caller whose number matches nobody: look them up another way (name, email, loyalty number), or create
 * their record with the number already filled in.
 */
export function UnknownCaller({ phone, onFound, onCreated }: { phone: string; onFound(customerId: string): void; onCreated(): void }) {
  const { t, i18n } = useTranslation('calls');
  const api = useApi();
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Customer[] | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);

  const lookup = async (e: FormEvent) => {
    e.preventDefault();
    if (query.trim() === '') return;
    const result = await api.invoke('search.query', { query: query.trim(), limit: 10 });
    if (result.ok) setFound(result.value.customers);
    setError(result.ok ? null : result.error);
  };

  if (creating) {
    return (
      <ContactForm
        initial={{ name: '', emails: '', phones: phone, loyaltyNumber: '', language: isUiLanguage(i18n.language) ? i18n.language : 'en' }}
        loyalty={false}
        submitLabel={t('form.create', { ns: 'customer' })}
        onCancel={() => setCreating(false)}
        onSubmit={async (patch) => {
          const result = await api.invoke('customer.create', { name: patch.name, phones: patch.phones, emails: patch.emails, language: patch.language });
          if (result.ok) onCreated();
          else setError(result.error);
        }}
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">{t('unknown')}</Text>
      <form onSubmit={(e) => void lookup(e)} role="search" aria-label={t('lookup')}>
        <Group align="flex-end" gap="xs">
          <TextInput label={t('lookup')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} style={{ flex: 1 }} data-autofocus />
          <Button type="submit" variant="default">
            {t('find')}
          </Button>
        </Group>
      </form>
      {found?.length === 0 ? <Text size="sm" c="dimmed">{t('noMatch')}</Text> : null}
      {found?.map((c) => (
        <UnstyledButton key={c.id} onClick={() => onFound(c.id)} p="xs">
          <Text size="sm" fw={600}>
            {c.name}
          </Text>
          <Text size="xs" c="dimmed">
            {[...c.phones, ...c.emails].join(' · ')}
          </Text>
        </UnstyledButton>
      ))}
      {error ? (
        <Alert color="red" role="alert">
          {errorText(t, error)}
        </Alert>
      ) : null}
      <Button onClick={() => setCreating(true)}>{t('newCustomer')}</Button>
    </Stack>
  );
}
