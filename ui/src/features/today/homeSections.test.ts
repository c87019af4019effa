import { describe, expect, it } from 'vitest';
import type { CircleMember } from '../../bindings/CircleMember';
import type { HomeSection } from '../../bindings/HomeSection';
import type { Section } from '../../bindings/Section';
import { member } from '../../testData';
import { ROW_MIN_HEIGHT, firstFrame, greetingFor, removeSampleText, sampleCount } from './homeSections';

const section = (key: Section, ...members: CircleMember[]): HomeSection => ({ key, total: members.length, members });

describe('the greeting', () => {
  it('names the most urgent mentor who is overdue or due, skipping agreements to review', () => {
    const review = member({ name: 'Rui' }, { status: 'overdue', daysUntilDue: -90 }, { reviewDue: true });
    const over = member({ name: 'Ana' }, { status: 'overdue', daysUntilDue: -40 });
    const due = member({ name: 'Ben' }, { status: 'due', daysUntilDue: -2 });
    const g = greetingFor([section('review', review), section('overdue', over), section('due', due)]);
    expect(g.kind).toBe('catchUp');
    expect(g.kind === 'catchUp' && g.member.mentor.name).toBe('Ana');
    const g2 = greetingFor([section('review', review), section('due', due)]);
    expect(g2.kind === 'catchUp' && g2.member.mentor.name).toBe('Ben');
  });

  it('mentions who is coming up this week when nobody is due', () => {
    const soon = member({ name: 'Cleo' }, { status: 'dueSoon', daysUntilDue: 2 });
    const later = member({ name: 'Dev' }, { status: 'ok', daysUntilDue: 30 });
    const g = greetingFor([section('week', soon), section('later', later)]);
    expect(g.kind === 'soon' && g.member.mentor.name).toBe('Cleo');
  });

  it('is quiet when nobody is due or only agreements wait for review', () => {
    expect(greetingFor([section('later', member({}, { status: 'ok', daysUntilDue: 30 }))]).kind).toBe('quiet');
    const review = member({}, { status: 'due', daysUntilDue: -1 }, { reviewDue: true });
    expect(greetingFor([section('review', review)]).kind).toBe('quiet');
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

describe("the home screen's first frame", () => {
  const rows = (key: Section, count: number): HomeSection => section(key, ...Array.from({ length: count }, () => member()));
  const drawn = (sections: HomeSection[], height: number) => firstFrame(sections, height).map((s) => [s.section.key, s.rows]);

  it('draws the rows a window can show, section after section, and leaves the rest for after it', () => {
    // 720 px hold 15 rows at their shortest.
    expect(Math.ceil(720 / ROW_MIN_HEIGHT)).toBe(15);
    const sections = [rows('overdue', 10), rows('due', 10), rows('week', 10), rows('later', 10)];
    expect(drawn(sections, 720)).toEqual([
      ['overdue', null],
      ['due', 5],
    ]);
  });

  it('draws a circle that fits in the window whole', () => {
    const sections = [rows('review', 2), rows('overdue', 3), rows('later', 10)];
    expect(drawn(sections, 720)).toEqual([
      ['review', null],
      ['overdue', null],
      ['later', null],
    ]);
    expect(drawn([rows('overdue', 15)], 720)).toEqual([['overdue', null]]);
    expect(drawn([rows('overdue', 16)], 720)).toEqual([['overdue', 15]]);
  });

  it('draws at least one row, however small the window', () => {
    expect(drawn([rows('overdue', 10), rows('due', 3)], 0)).toEqual([['overdue', 1]]);
    expect(drawn([], 720)).toEqual([]);
  });
});
