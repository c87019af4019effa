import { describe, expect, it } from 'vitest';
import { member } from './testData';
import { greetingFor, pausedCount, removeSampleText, sampleCount, sectionOf, todaySections } from './today';
import type { ListedMember } from './today';

const listed = (m: ReturnType<typeof member>) => m as ListedMember;

describe('home screen sections', () => {
  it('puts each mentor in the section of their status', () => {
    expect(sectionOf(listed(member({}, { status: 'overdue', daysUntilDue: -40 })))).toBe('overdue');
    expect(sectionOf(listed(member({}, { status: 'due', daysUntilDue: -3 })))).toBe('due');
    expect(sectionOf(listed(member({}, { status: 'dueSoon', daysUntilDue: 3 })))).toBe('week');
    expect(sectionOf(listed(member({}, { status: 'ok', daysUntilDue: 7 })))).toBe('week');
    expect(sectionOf(listed(member({}, { status: 'ok', daysUntilDue: 8 })))).toBe('later');
  });

  it('lists an agreement to review there, whatever its cadence says', () => {
    expect(sectionOf(listed(member({}, { status: 'overdue', daysUntilDue: -40 }, { reviewDue: true })))).toBe('review');
    expect(sectionOf(listed(member({}, { status: 'ok', daysUntilDue: 20 }, { reviewDue: true })))).toBe('review');
  });

  it('shows only non-empty sections, in order, keeping the given order inside each', () => {
    const a = member({ name: 'A' }, { status: 'overdue', daysUntilDue: -50 });
    const b = member({ name: 'B' }, { status: 'overdue', daysUntilDue: -30 });
    const c = member({ name: 'C' }, { status: 'ok', daysUntilDue: 30 });
    const r = member({ name: 'R' }, { status: 'ok', daysUntilDue: 10 }, { reviewDue: true });
    const sections = todaySections([r, a, b, c]);
    expect(sections.map((s) => s.heading)).toEqual(['Agreements to review', 'Overdue', 'Later']);
    expect(sections[1]?.members.map((m) => m.mentor.name)).toEqual(['A', 'B']);
  });

  it('leaves paused mentors off the home screen, but keeps alumni', () => {
    const paused = member({ name: 'P', status: 'paused' }, null);
    const alumni = member({ name: 'Al', status: 'alumni' }, { status: 'ok', daysUntilDue: 200 });
    const sections = todaySections([alumni, paused]);
    expect(sections).toHaveLength(1);
    expect(sections[0]?.key).toBe('later');
    expect(sections[0]?.members.map((m) => m.mentor.name)).toEqual(['Al']);
    expect(todaySections([paused])).toEqual([]);
    expect(pausedCount([alumni, paused])).toBe(1);
  });
});

describe('the greeting', () => {
  it('names the most urgent mentor who is due, skipping agreements to review', () => {
    const review = member({ name: 'Rui' }, { status: 'overdue', daysUntilDue: -90 }, { reviewDue: true });
    const over = member({ name: 'Ana' }, { status: 'overdue', daysUntilDue: -40 });
    const due = member({ name: 'Ben' }, { status: 'due', daysUntilDue: -2 });
    const g = greetingFor([review, over, due]);
    expect(g.kind).toBe('catchUp');
    expect(g.kind === 'catchUp' && g.member.mentor.name).toBe('Ana');
    const g2 = greetingFor([review, due]);
    expect(g2.kind === 'catchUp' && g2.member.mentor.name).toBe('Ben');
  });

  it('mentions who is coming up this week when nobody is due', () => {
    const soon = member({ name: 'Cleo' }, { status: 'dueSoon', daysUntilDue: 2 });
    const later = member({ name: 'Dev' }, { status: 'ok', daysUntilDue: 30 });
    const g = greetingFor([soon, later]);
    expect(g.kind === 'soon' && g.member.mentor.name).toBe('Cleo');
  });

  it('is quiet when nobody is due, and ignores paused mentors', () => {
    expect(greetingFor([member({}, { status: 'ok', daysUntilDue: 30 })]).kind).toBe('quiet');
    expect(greetingFor([member({ status: 'paused' }, null)]).kind).toBe('quiet');
    expect(greetingFor([]).kind).toBe('quiet');
  });
});

describe('the sample circle', () => {
  it('counts sample mentors', () => {
    expect(sampleCount([member({ sample: true }), member({ sample: false }), member({ sample: true })])).toBe(2);
    expect(sampleCount([])).toBe(0);
  });

  it('says what removing it does, singular and plural', () => {
    expect(removeSampleText(7)).toBe('The 7 sample mentors and their catch-ups are removed; your own mentors stay.');
    expect(removeSampleText(1)).toBe('The 1 sample mentor and their catch-ups are removed; your own mentors stay.');
  });
});
