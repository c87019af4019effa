import { describe, expect, it } from 'vitest';
import type { Brief } from '../../bindings/Brief';
import type { Give } from '../../bindings/Give';
import {
  ALL_TAKE_NOTE,
  adviceErrors,
  adviceStanding,
  adviceStatusLabel,
  balanceText,
  briefSections,
  canMarkDone,
  countText,
  firstName,
  firstWords,
  fitState,
  giveErrors,
  giveKindLabel,
  giveStateLabel,
  helpGiven,
  isPeer,
  mentorDraft,
  newestFirst,
  noteSummary,
  offerWords,
  peerDraft,
  progressDraft,
  progressErrors,
  sourceLabel,
  stageLabel,
  statesFor,
} from './followThrough';
import { mentor } from '../../testData';

const TODAY = '2026-11-19';

function give(over: Partial<Give> = {}): Give {
  return { id: 1, mentorId: 1, kind: 'article', state: 'done', note: '', on: TODAY, ...over };
}

function brief(over: Partial<Brief> = {}): Brief {
  return {
    mentorId: 1,
    name: 'Ana Sousa',
    lastCatchUp: null,
    openQuestions: [],
    closeTheLoop: [],
    goals: [],
    toThank: [],
    offered: [],
    balance: { months: 6, asks: 0, gives: 0, thanks: 0, allTake: false },
    coMentoring: null,
    text: '',
    ...over,
  };
}

describe('advice in words', () => {
  it('names each status', () => {
    expect(adviceStatusLabel('considering')).toBe('Considering');
    expect(adviceStatusLabel('trying')).toBe('Trying it');
    expect(adviceStatusLabel('adopted')).toBe('Adopted');
    expect(adviceStatusLabel('declined')).toBe('Declined');
  });

  it('gives a declined piece its reason', () => {
    expect(adviceStanding({ status: 'declined', reason: 'Not my field' })).toBe('Declined: Not my field');
    expect(adviceStanding({ status: 'adopted', reason: '' })).toBe('Adopted');
  });

  it('takes the first few words for a button’s name', () => {
    expect(firstWords('Ask for the stretch project before the review')).toBe('Ask for the stretch project before…');
    expect(firstWords('  Say   yes  more ')).toBe('Say yes more');
    expect(firstWords('one two three', 2)).toBe('one two…');
  });

  it('speaks of a mentor by first name', () => {
    expect(firstName('Ana Sousa')).toBe('Ana');
    expect(firstName('  Cleo ')).toBe('Cleo');
  });

  it('checks new advice: text, and a day not to come', () => {
    expect(adviceErrors({ text: 'Ask', givenOn: TODAY }, TODAY)).toEqual({});
    expect(adviceErrors({ text: '  ', givenOn: '2026-11-20' }, TODAY)).toEqual({
      text: 'Write down the advice first.',
      givenOn: 'That day is still to come. Please choose today or an earlier day.',
    });
    expect(adviceErrors({ text: 'Ask', givenOn: '' }, TODAY).givenOn).toBe('Please choose the day they gave it.');
  });

  it('asks why when advice is declined, and sends a reason only then', () => {
    expect(progressErrors({ status: 'declined', reason: ' ' }).reason).toMatch(/why it isn’t for you/);
    expect(progressErrors({ status: 'declined', reason: 'Not now' })).toEqual({});
    expect(progressErrors({ status: 'trying', reason: '' })).toEqual({});
    expect(progressDraft({ status: 'adopted', reason: 'left over', outcome: ' Got the role ' })).toEqual({
      status: 'adopted',
      reason: '',
      outcome: 'Got the role',
    });
    expect(progressDraft({ status: 'declined', reason: ' Not for me ', outcome: '' })).toEqual({
      status: 'declined',
      reason: 'Not for me',
      outcome: '',
    });
  });
});

describe('thanks and gives', () => {
  it('names kinds, states and offers', () => {
    expect(giveKindLabel('thanks')).toBe('Thank-you');
    expect(giveKindLabel('introduction')).toBe('Introduction made');
    expect(giveKindLabel('candidate')).toBe('Candidate referred');
    expect(giveStateLabel('idea')).toBe('Just an idea');
    expect(giveStateLabel('offered')).toBe('Offered');
    expect(offerWords('introduction')).toBe('Make an introduction');
  });

  it('logs a thank-you only once it is sent', () => {
    expect(statesFor('thanks').map((s) => s.label)).toEqual(['Done']);
    expect(statesFor('article').map((s) => s.label)).toEqual(['Done', 'Offered', 'Just an idea']);
    expect(fitState('thanks', 'idea')).toBe('done');
    expect(fitState('article', 'idea')).toBe('idea');
  });

  it('checks a give: something done is not in the future, "Other" says what', () => {
    const ok = { kind: 'article' as const, state: 'done' as const, note: '', on: TODAY };
    expect(giveErrors(ok, TODAY)).toEqual({});
    expect(giveErrors({ ...ok, on: '2026-11-20' }, TODAY).on).toMatch(/can’t be in the future/);
    expect(giveErrors({ ...ok, state: 'idea', on: '2026-12-20' }, TODAY)).toEqual({});
    expect(giveErrors({ ...ok, kind: 'other', note: ' ' }, TODAY).note).toBe('Say in a few words what it is.');
    expect(giveErrors({ ...ok, on: 'soon' }, TODAY).on).toBe('Please choose a day.');
  });

  it('lists gives newest first and marks only ideas and offers as done', () => {
    const list = [
      give({ id: 1, on: '2026-10-01' }),
      give({ id: 2, on: '2026-11-01' }),
      give({ id: 3, on: '2026-10-01' }),
    ];
    expect(newestFirst(list).map((g) => g.id)).toEqual([2, 3, 1]);
    expect(canMarkDone(give({ state: 'idea' }))).toBe(true);
    expect(canMarkDone(give({ state: 'offered' }))).toBe(true);
    expect(canMarkDone(give({ state: 'done' }))).toBe(false);
  });

  it('counts the help given to a peer: offered or done, thanks and ideas aside', () => {
    const list = [
      give({ id: 1, kind: 'thanks' }),
      give({ id: 2, state: 'idea' }),
      give({ id: 3, state: 'offered', on: '2026-11-02' }),
      give({ id: 4, state: 'done', on: '2026-11-03' }),
    ];
    expect(helpGiven(list).map((g) => g.id)).toEqual([4, 3]);
  });

  it('says the balance with singulars and plurals right', () => {
    expect(balanceText({ months: 6, asks: 4, gives: 1, thanks: 2, allTake: false })).toBe(
      'Last 6 months: 4 asks, 1 give, 2 thank-yous',
    );
    expect(balanceText({ months: 6, asks: 1, gives: 0, thanks: 1, allTake: false })).toBe(
      'Last 6 months: 1 ask, 0 gives, 1 thank-you',
    );
    expect(balanceText({ months: 1, asks: 0, gives: 2, thanks: 0, allTake: false })).toBe(
      'Last month: 0 asks, 2 gives, 0 thank-yous',
    );
    expect(countText(1, 'progress note')).toBe('1 progress note');
    expect(countText(3, 'progress note')).toBe('3 progress notes');
  });

  it('notes all take gently, with ideas for what to give', () => {
    expect(ALL_TAKE_NOTE).toMatch(/^It's been all asks lately\. /);
    expect(ALL_TAKE_NOTE).toContain('perhaps share an article, make an introduction, or offer help');
  });
});

describe('co-mentoring', () => {
  it('knows a peer', () => {
    expect(isPeer(mentor({ roles: ['adviser', 'peer'] }))).toBe(true);
    expect(isPeer(mentor({ roles: ['adviser'] }))).toBe(false);
  });

  it('builds a mentor draft without what the form does not edit', () => {
    const m = mentor({ roles: ['adviser'], name: 'Ben', coMentoring: { theyHelpWith: 'Rust', iHelpWith: 'Design' } });
    const draft = mentorDraft(m);
    expect(draft).not.toHaveProperty('id');
    expect(draft).not.toHaveProperty('addedOn');
    expect(draft).not.toHaveProperty('sample');
    expect(draft).not.toHaveProperty('coMentoring');
    expect(draft.name).toBe('Ben');
    expect(draft.agreement).toEqual(m.agreement);
  });

  it('adds the peer role once, leaving the mentor as they were', () => {
    const m = mentor({ roles: ['adviser'] });
    expect(peerDraft(m).roles).toEqual(['adviser', 'peer']);
    expect(m.roles).toEqual(['adviser']);
    expect(peerDraft(mentor({ roles: ['peer'] })).roles).toEqual(['peer']);
  });
});

describe('the pre-meeting brief', () => {
  it('leaves out empty sections', () => {
    expect(briefSections(brief())).toEqual([]);
    const item = { id: 1, mentorId: 1, text: 'Q', addedAt: '', fromEntry: null, discussedOn: null };
    const advice = {
      id: 1,
      mentorId: 1,
      givenOn: TODAY,
      text: 'A',
      changedOn: TODAY,
      toReport: true,
      reportedOn: null,
      status: 'adopted' as const,
      reason: '',
      outcome: 'Worked',
    };
    const goal = {
      id: 1,
      title: 'G',
      why: '',
      targetOn: null,
      status: 'active' as const,
      mentorIds: [1],
      addedAt: '',
      fromEntry: null,
      progress: [],
    };
    expect(
      briefSections(
        brief({
          openQuestions: [item],
          closeTheLoop: [advice],
          goals: [goal],
          toThank: [advice],
          offered: [give({ state: 'offered' })],
          coMentoring: { theyHelpWith: 'Rust', iHelpWith: '' },
        }),
      ),
    ).toEqual(['questions', 'closeTheLoop', 'goals', 'toThank', 'offered', 'coMentoring']);
  });

  it('shows "Helping each other" for a peer only when something is written', () => {
    expect(briefSections(brief({ coMentoring: { theyHelpWith: ' ', iHelpWith: '' } }))).toEqual([]);
    expect(briefSections(brief({ coMentoring: { theyHelpWith: '', iHelpWith: 'Design' } }))).toEqual(['coMentoring']);
  });

  it('sums up the last note on one line, cut at a word', () => {
    expect(noteSummary('  short\n note ')).toBe('short note');
    const cut = noteSummary('word '.repeat(100));
    expect(cut.endsWith('word…')).toBe(true);
    expect(Array.from(cut).length).toBeLessThanOrEqual(281);
  });
});

describe('before they joined the circle', () => {
  it('names stages and sources', () => {
    expect(stageLabel('reachedOut')).toBe('Reached out');
    expect(stageLabel('mentor')).toBe('In your circle');
    expect(stageLabel('notNow')).toBe('Not now');
    expect(sourceLabel('interviewer')).toBe('Interviewed you');
    expect(sourceLabel('professionalAssociation')).toBe('Professional association');
  });
});
