import { describe, expect, it } from 'vitest';
import { described } from './Field';

describe('described', () => {
  it('says nothing of a valid control without a hint', () => {
    expect(described(undefined, 'goal-title-error')).toEqual({});
  });

  it('points a refused control at its message', () => {
    expect(described('Give it a title.', 'goal-title-error')).toEqual({
      'aria-invalid': true,
      'aria-describedby': 'goal-title-error',
    });
  });

  it('reads the hint first, then the message', () => {
    expect(described(undefined, 'mentor-status-error', 'mentor-status-hint')).toEqual({ 'aria-describedby': 'mentor-status-hint' });
    expect(described('Choose one.', 'mentor-status-error', 'mentor-status-hint')).toEqual({
      'aria-invalid': true,
      'aria-describedby': 'mentor-status-hint mentor-status-error',
    });
  });
});
