import { describe, expect, it } from 'vitest';
import { NOW, aCase } from '../../test/builders';
import { byUrgency } from './caseUrgency';

describe('case urgency', () => {
  it('orders overdue first, then the nearest reply due, then by priority, with no reply due last', () => {
    const cases = [
      aCase({ id: 'none-urgent', status: 'pending', firstResponseDueAt: NOW - 1_000, priority: 'urgent' }),
      aCase({ id: 'soon-low', firstResponseDueAt: NOW + 60_000, priority: 'low' }),
      aCase({ id: 'soon-high', nextResponseDueAt: NOW + 60_000, priority: 'high' }),
      aCase({ id: 'later', firstResponseDueAt: NOW + 3_600_000, priority: 'urgent' }),
      aCase({ id: 'overdue', firstResponseDueAt: NOW - 60_000, priority: 'low' }),
      aCase({ id: 'none-normal', priority: 'normal' }),
    ];
    expect([...cases].sort(byUrgency).map((c) => c.id)).toEqual(['overdue', 'soon-high', 'soon-low', 'later', 'none-urgent', 'none-normal']);
  });
});
