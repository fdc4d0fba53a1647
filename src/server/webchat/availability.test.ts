import { describe, expect, it } from 'vitest';
import { estimateWait } from './availability';

describe('the expected wait the widget shows', () => {
  it('is a share of the queue\'s first-response promise by place in line, never more than it, at least a minute', () => {
    expect(estimateWait(5, 0, 0)).toBeNull();
    expect(estimateWait(5, 0, 1)).toBe(3);
    expect(estimateWait(5, 0, 4)).toBe(1);
    expect(estimateWait(5, 10, 1)).toBe(5);
    expect(estimateWait(30, 3, 2)).toBe(20);
    expect(estimateWait(1, 0, 50)).toBe(1);
    expect(estimateWait(5, 1_000, 1)).toBe(5);
  });
});
