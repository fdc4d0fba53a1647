import { Box } from '@mantine/core';
import { useApi } from '../../lib/api/useApi';
import { ChangePasswordModal } from '../shell/ChangePasswordModal';

/**
 * Shown instead of the workstation when the password was set by an admin (SessionView.mustChangePassword):
 * the change-password dialog, which cannot be dismissed, over an empty screen. Once the password is changed
 * the session is read again (it no longer asks); signing out is the only other way.
 */
export function ForcedPasswordChange({ onChanged, onSignedOut }: { onChanged(): void; onSignedOut(): void }) {
  const api = useApi();
  async function signOut() {
    // Forced: whatever unsent work there is stays in this person's cache for their next sign-in.
    const result = await api.invoke('auth.signOut', { force: true });
    if (result.ok) onSignedOut();
  }
  return (
    <Box component="main" mih="100vh">
      <ChangePasswordModal opened onClose={() => {}} required={{ onChanged, onSignOut: () => void signOut() }} />
    </Box>
  );
}
