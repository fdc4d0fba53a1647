import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** How close to the bottom still counts as "at the newest": a few pixels of rounding, or a line the agent nudged. */
export const NEAR_BOTTOM_PX = 48;

export interface FollowNewest {
  /** The scroll region, opened at its bottom (the newest entry). */
  ref: RefObject<HTMLDivElement | null>;
  onScroll(): void;
  /** Newer entries arrived below while the agent had scrolled up to read older ones. */
  unseen: boolean;
  jumpToNewest(): void;
}

const distanceFromBottom = (el: HTMLElement): number => el.scrollHeight - el.scrollTop - el.clientHeight;

/**
 * A timeline that opens at its newest entry and stays there as entries arrive, as long as the agent is at the
 * bottom; one who scrolled up to read keeps their place and is told newer entries are below (`unseen`) rather
 * than being pulled away. `newestKey` names the newest entry; `follow` says to go to it anyway (the agent's own
 * reply, which they expect to see land).
 */
export function useFollowNewest(newestKey: string | null, follow: boolean): FollowNewest {
  const ref = useRef<HTMLDivElement | null>(null);
  const atBottom = useRef(true);
  /** The region's and its content's heights at the last scroll: a scroll that comes with a change of either was
   * the page's doing (text rewrapping in a narrower window, scroll anchoring), not the agent's. */
  const sizes = useRef({ content: 0, view: 0 });
  const seenKey = useRef<string | null | undefined>(undefined);
  const [unseen, setUnseen] = useState(false);

  const toBottom = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    sizes.current = { content: el.scrollHeight, view: el.clientHeight };
  }, []);

  const jumpToNewest = useCallback(() => {
    toBottom();
    setUnseen(false);
  }, [toBottom]);

  // Before paint, so the case never shows its oldest entries first and then jumps.
  useLayoutEffect(() => {
    const opening = seenKey.current === undefined;
    const changed = seenKey.current !== newestKey;
    seenKey.current = newestKey;
    if (opening || (changed && (atBottom.current || follow))) jumpToNewest();
    else if (changed) setUnseen(true);
  }, [newestKey, follow, jumpToNewest]);

  // The region shrinks when the composer grows, and its content grows when a photo loads or a delivery state
  // appears under the last message: an agent at the bottom stays there.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) toBottom();
    });
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [toBottom]);

  const onScroll = useCallback((): void => {
    const el = ref.current;
    if (!el) return;
    const resized = el.scrollHeight !== sizes.current.content || el.clientHeight !== sizes.current.view;
    sizes.current = { content: el.scrollHeight, view: el.clientHeight };
    if (resized && atBottom.current) return toBottom();
    atBottom.current = distanceFromBottom(el) <= NEAR_BOTTOM_PX;
    if (atBottom.current) setUnseen(false);
  }, [toBottom]);

  return { ref, onScroll, unseen, jumpToNewest };
}
