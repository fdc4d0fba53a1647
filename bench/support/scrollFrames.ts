/**
 * Runs in a page (handed to page.evaluate): scrolls the scroll area around the element `selector` names from
 * top to bottom, 400 px a frame, and counts the frames that took over 50 ms.
 */
export function scrollFrames(selector: string): Promise<{ frames: number; slow: number; worst: number }> {
  return new Promise((resolve) => {
    let el: HTMLElement | null = document.querySelector(selector);
    while (el && el.scrollHeight <= el.clientHeight) el = el.parentElement;
    if (!el) return resolve({ frames: 0, slow: 0, worst: 0 });
    const box = el;
    box.scrollTop = 0;
    let prev = performance.now();
    let frames = 0;
    let slow = 0;
    let worst = 0;
    const step = () => {
      const now = performance.now();
      const dt = now - prev;
      prev = now;
      frames++;
      if (dt > 50) slow++;
      worst = Math.max(worst, dt);
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return resolve({ frames, slow, worst });
      box.scrollTop += 400;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}
