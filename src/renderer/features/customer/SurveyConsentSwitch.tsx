import { Alert, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptsSurveys, type Customer } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { errorText } from '../../lib/errorText';

/**
 * Whether satisfaction surveys may go to the customer (a customer who asks not to be surveyed is switched off
 * here; the hub then sends them none). Changes the customer's consent like any edit: through the outbox.
 */
export function SurveyConsentSwitch({ customer }: { customer: Pick<Customer, 'id' | 'consent'> }) {
  const { t } = useTranslation('customer');
  const api = useApi();
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const change = async (surveys: boolean) => {
    const result = await api.invoke('customer.update', { customerId: customer.id, patch: { consent: { ...customer.consent, surveys } } });
    setError(result.ok ? null : result.error);
  };
  return (
    <>
      <Switch label={t('profile.surveysSwitch')} checked={acceptsSurveys(customer)} onChange={(e) => void change(e.currentTarget.checked)} />
      {error ? (
        <Alert color="red" role="alert" title={t('profile.surveysFailed')}>
          {errorText(t, error)}
        </Alert>
      ) : null}
    </>
  );
}
