import { describe, expect, it } from 'vitest';
import {
  GOAL_STATUS_CHOICES,
  agendaAddedText,
  earliestTarget,
  firstChoice,
  goalStatusLabel,
  goalStatusSavedText,
  helperChoices,
  helpersText,
  isLongWhy,
  mentorGroups,
  progressNewestFirst,
  quickAgendaAddedText,
  quickAgendaChoices,
  quickAgendaFirst,
  targetText,
  validateGoal,
  validateProgressNote,
} from './goalWords';
import { summary as mentor } from '../../testData';

const TODAY = '2026-11-19';

describe('goals in words', () => {
  it('says when a goal is aimed for', () => {
    expect(targetText('2027-06-01', TODAY)).toBe('by 1 June 2027');
    expect(targetText(TODAY, TODAY)).toBe('by 19 November 2026');
    expect(targetText('2026-06-01', TODAY)).toBe('aimed for 1 June 2026');
  });

  it('names the status', () => {
    expect(goalStatusLabel('active')).toBe('Active');
    expect(goalStatusLabel('achieved')).toBe('Achieved');
    expect(goalStatusLabel('dropped')).toBe('Dropped');
  });

  it('names who is helping, leaving out anyone unknown', () => {
    const names = new Map([
      [1, 'Ana'],
      [2, 'Ben'],
      [3, 'Cleo'],
    ]);
    expect(helpersText([2, 1], names)).toBe('With Ben and Ana');
    expect(helpersText([1, 9, 2, 3], names)).toBe('With Ana, Ben and Cleo');
    expect(helpersText([9], names)).toBe('');
    expect(helpersText([], names)).toBe('');
  });

  it('folds a long reason', () => {
    expect(isLongWhy('Because I am ready.')).toBe(false);
    expect(isLongWhy('x'.repeat(281))).toBe(true);
    expect(isLongWhy('a\nb\nc\nd\ne')).toBe(true);
  });

  it('names the mentor in the toast, never the question', () => {
    expect(agendaAddedText('Ana')).toBe('Added to Ana’s agenda for your next catch-up.');
  });

  it('asks for a title and a real day', () => {
    expect(validateGoal({ title: '  ', targetOn: '' })).toEqual({ title: 'Give the goal a short title.' });
    expect(validateGoal({ title: 'Lead', targetOn: '2027-02-30' }).targetOn).toBeDefined();
    expect(validateGoal({ title: 'Lead', targetOn: '2027-06-01' })).toEqual({});
  });
});

describe('choosing mentors', () => {
  const ana = mentor({ name: 'Ana' });
  const ben = mentor({ name: 'ben' });
  const cleo = mentor({ name: 'Cleo', status: 'paused' });
  const dev = mentor({ name: 'Dev', status: 'alumni' });
  const all = [dev, cleo, ben, ana];

  it('offers the entry’s mentors first, then by status and name', () => {
    const groups = mentorGroups(all, [cleo.id, ben.id]);
    expect(groups.map((g) => [g.label, g.mentors.map((m) => m.name)])).toEqual([
      ['To raise with', ['Cleo', 'ben']],
      ['Active', ['Ana']],
      ['Alumni', ['Dev']],
    ]);
  });

  it('leaves out empty groups and mentors no longer in the circle', () => {
    expect(mentorGroups([ana, ben], [999]).map((g) => g.label)).toEqual(['Active']);
    expect(mentorGroups([], [1])).toEqual([]);
  });

  it('chooses the entry’s first mentor, else the only active one, else nobody', () => {
    expect(firstChoice(all, [999, cleo.id, ana.id])).toBe(cleo.id);
    expect(firstChoice([ana, cleo, dev], [])).toBe(ana.id);
    expect(firstChoice(all, [])).toBeNull();
    expect(firstChoice([], [])).toBeNull();
  });

  it('offers active mentors as helpers, and anyone already ticked, by name', () => {
    expect(helperChoices(all, []).map((m) => m.name)).toEqual(['Ana', 'ben']);
    expect(helperChoices(all, [dev.id]).map((m) => m.name)).toEqual(['Ana', 'ben', 'Dev']);
  });
});

describe('a goal’s status and progress', () => {
  it('offers the statuses in order, and says when one changed', () => {
    expect(GOAL_STATUS_CHOICES.map((c) => c.label)).toEqual(['Active', 'Achieved', 'Dropped']);
    expect(goalStatusSavedText('achieved')).toBe('Goal achieved. Well done.');
    expect(goalStatusSavedText('dropped')).toBe('Goal dropped. It stays here, with its notes.');
    expect(goalStatusSavedText('active')).toBe('Goal active again.');
  });

  it('shows notes newest first, the latest written first on the same day', () => {
    const notes = progressNewestFirst([
      { id: 1, writtenOn: '2026-10-01', note: 'a' },
      { id: 3, writtenOn: '2026-11-02', note: 'c' },
      { id: 2, writtenOn: '2026-11-02', note: 'b' },
      { id: 4, writtenOn: '2026-09-30', note: 'd' },
    ]);
    expect(notes.map((n) => n.note)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('asks for a few words before adding a note', () => {
    expect(validateProgressNote('  ')).toBeDefined();
    expect(validateProgressNote('Spoke up in the review')).toBeUndefined();
  });

  it('lets a target date already passed stay, and asks for today on otherwise', () => {
    expect(earliestTarget(TODAY, '2026-06-01')).toBe('2026-06-01');
    expect(earliestTarget(TODAY, '2027-06-01')).toBe(TODAY);
    expect(earliestTarget(TODAY, null)).toBe(TODAY);
  });
});

describe('quick capture to an agenda', () => {
  const ana = mentor({ name: 'Ana Sousa' });
  const ben = mentor({ name: 'ben Okafor' });
  const cleo = mentor({ name: 'Cleo', status: 'paused' });

  it('names the mentor by first name, never the question', () => {
    expect(quickAgendaAddedText('Ana Sousa')).toBe("Added to Ana's agenda.");
  });

  it('offers active mentors by name, and the one whose page is open', () => {
    expect(quickAgendaChoices([cleo, ben, ana], null).map((m) => m.name)).toEqual(['Ana Sousa', 'ben Okafor']);
    expect(quickAgendaChoices([cleo, ben, ana], cleo.id).map((m) => m.name)).toEqual(['Ana Sousa', 'ben Okafor', 'Cleo']);
  });

  it('chooses the open page’s mentor, else the only one, else nobody', () => {
    expect(quickAgendaFirst([ana, ben], ben.id)).toBe(ben.id);
    expect(quickAgendaFirst([ana, ben], null)).toBeNull();
    expect(quickAgendaFirst([ana, ben], 999)).toBeNull();
    expect(quickAgendaFirst([ana], null)).toBe(ana.id);
    expect(quickAgendaFirst([], null)).toBeNull();
  });
});
