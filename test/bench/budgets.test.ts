import { describe, expect, it } from 'vitest';
import { growthVerdict, rssBudget } from '../../bench/budgets.js';

describe('bench budgets', () => {
  it('allows 4× the file plus 100 MB of memory', () => {
    expect(rssBudget(0)).toBe(100 * 1024 * 1024);
    expect(rssBudget(10 * 1024 * 1024)).toBe(140 * 1024 * 1024);
  });

  it('allows 12× the time for 10× the resources, and no more', () => {
    expect(growthVerdict(10, 12)).toMatch(/PASS$/);
    expect(growthVerdict(10, 12.5)).toMatch(/budget ≤ ×12\.0\) OVER$/);
    expect(growthVerdict(2, 2.5)).toMatch(/OVER$/);
  });
});
