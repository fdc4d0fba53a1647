import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/domain';
import { otherChannels, type SendAnotherWay } from './deliveryStage';

/**
 * "Send another way" for a reply that did not reach the customer on `from`: a menu of the other channels this
 * customer can be answered on (arrow keys move through it); choosing one opens the composer there with `text`.
 * Nothing when there is no other channel.
 */
export function SendAnotherWayMenu({ from, text, way, disabled }: { from: Channel; text: string; way: SendAnotherWay | null; disabled: boolean }) {
  const { t } = useTranslation('case');
  const others = way ? otherChannels({ channel: from }, way.channels) : [];
  if (way === null || others.length === 0) return null;
  return (
    <Menu position="bottom-start">
      <Menu.Target>
        <Button size="xs" variant="default" disabled={disabled}>
          {t('deliveryState.anotherWay')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {others.map((c) => (
          <Menu.Item key={c} onClick={() => way.start(c, text)}>
            {t(`channel.${c}`, { ns: 'common' })}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
