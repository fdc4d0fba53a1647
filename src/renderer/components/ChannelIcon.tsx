import type { Channel } from '../../shared/domain';
import { useTranslation } from 'react-i18next';

// Outline glyphs (24x24, stroke) drawn for this app: no icon package is bundled.
const PATHS: Record<Channel, string> = {
  chat: 'M4 5h16v11H9l-5 4z',
  email: 'M3 6h18v12H3zM3 6l9 7 9-7',
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1',
  video: 'M3 7h12v10H3zM15 10l6-3v10l-6-3',
  social: 'M12 21l-8-8a5 5 0 0 1 8-6 5 5 0 0 1 8 6z',
  sms: 'M7 3h10v18H7zM10 18h4',
  store: 'M4 9l2-5h12l2 5M4 9v11h16V9M4 9h16M10 20v-6h4v6',
};

/** A channel's icon with its translated name as the accessible label (and tooltip). */
export function ChannelIcon({ channel, size = 18 }: { channel: Channel; size?: number }) {
  const { t } = useTranslation();
  const label = t(`channel.${channel}`);
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      style={{ flexShrink: 0 }}
    >
      <title>{label}</title>
      <path d={PATHS[channel]} />
    </svg>
  );
}
