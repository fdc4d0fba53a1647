import { useEffect, useState } from 'react';

const MINUTE = 60_000;

/**
 * The current time in whole minutes, updated at each minute boundary: enough for deadlines and "today" dates,
 * without re-rendering a long timeline every second.
 */
export function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / MINUTE));
  useEffect(() => {
    const timer = setTimeout(() => setMinute(Math.floor(Date.now() / MINUTE)), MINUTE - (Date.now() % MINUTE));
    return () => clearTimeout(timer);
  }, [minute]);
  return minute;
}
