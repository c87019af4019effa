import { describe, expect, it } from 'vitest';
import type { Mentor } from '../../bindings/Mentor';
import {
  defaultMaxGap,
  draftFromForm,
  draftFromMentor,
  firstError,
  formFromMentor,
  hasChecks,
  hasProfile,
  isWebAddress,
  looksLikeEmail,
  looksLikePhone,
  maxGapFollowsCadence,
  type MentorForm,
  newForm,
  sameForm,
  validateMentorForm,
} from './mentorForm';

const TODAY = '2026-04-14';

function valid(overrides: Partial<MentorForm> = {}): MentorForm {
  return { ...newForm(TODAY), name: 'Ana', roles: ['adviser'], ...overrides };
}

const ANA: Mentor = {
  id: 7,
  addedOn: '2026-01-02',
  sample: false,
  coMentoring: { theyHelpWith: '', iHelpWith: '' },
  name: 'Ana',
  organisation: 'Northwind',
  roles: ['peer', 'adviser'],
  sameCompany: true,
  expertise: 'Product strategy',
  howWeMet: '',
  contact: { email: 'ana@example.com', phone: '', linkedin: '' },
  status: 'paused',
  checks: {
    experience: { met: true, note: 'Ran two teams' },
    values: { met: false, note: '' },
    accountability: { met: false, note: '' },
    time: { met: false, note: '' },
  },
  agreement: {
    cadenceDays: 21,
    maxGapDays: 60,
    modes: ['video', 'inPerson'],
    term: 'fixedPeriod',
    startsOn: '2026-01-02',
    reviewOn: '2026-07-01',
    situation: '',
    purposes: ['testIdeas', 'expandNetwork'],
    ownPurpose: 'Grow into a lead role',
    confidentiality: 'Nothing about my team leaves the room',
  },
};

describe('a new mentor form', () => {
  it('starts active, every 4 weeks and never more than 8, in person, from today', () => {
    const f = newForm(TODAY);
    expect(f.status).toBe('active');
    expect(f.cadence).toBe('28');
    expect(f.maxGap).toBe('56');
    expect(f.modes).toEqual(['inPerson']);
    expect(f.term).toBe('ongoing');
    expect(f.startsOn).toBe(TODAY);
    expect(f.reviewOn).toBe('');
    expect(hasProfile(f)).toBe(false);
    expect(hasChecks(f)).toBe(false);
  });

  it('asks for a name and a role first', () => {
    const errors = validateMentorForm(newForm(TODAY));
    expect(errors.name).toBe('Give your mentor a name.');
    expect(errors.roles).toBe('Pick at least one role this mentor plays in your circle.');
    expect(firstError(errors)).toBe('name');
    expect(validateMentorForm(valid())).toEqual({});
  });
});

describe('the longest gap', () => {
  it('defaults to double the cadence, within three years', () => {
    expect(defaultMaxGap('21')).toBe('42');
    expect(defaultMaxGap(' 7 ')).toBe('14');
    expect(defaultMaxGap('700')).toBe('1095');
    expect(defaultMaxGap('')).toBeNull();
    expect(defaultMaxGap('0')).toBeNull();
    expect(defaultMaxGap('2.5')).toBeNull();
  });

  it('knows when it still follows the cadence', () => {
    expect(maxGapFollowsCadence({ cadence: '21', maxGap: '42' })).toBe(true);
    expect(maxGapFollowsCadence({ cadence: '21', maxGap: '60' })).toBe(false);
  });

  it('checks the cadence and the longest gap like the backend', () => {
    expect(validateMentorForm(valid({ cadence: '0' })).cadenceDays).toMatch(/at least every day/);
    expect(validateMentorForm(valid({ cadence: '' })).cadenceDays).toMatch(/at least every day/);
    expect(validateMentorForm(valid({ cadence: '1.5' })).cadenceDays).toMatch(/whole days/);
    expect(validateMentorForm(valid({ cadence: '731', maxGap: '800' })).cadenceDays).toMatch(/730 days or fewer/);
    expect(validateMentorForm(valid({ cadence: '28', maxGap: '20' })).maxGapDays).toBe(
      "The longest gap can't be shorter than how often you talk: choose 28 days or more.",
    );
    expect(validateMentorForm(valid({ cadence: '28', maxGap: '1096' })).maxGapDays).toMatch(/1095 days or fewer/);
    expect(validateMentorForm(valid({ cadence: '28', maxGap: '28' })).maxGapDays).toBeUndefined();
    expect(validateMentorForm(valid({ maxGap: '' })).maxGapDays).toMatch(/whole days/);
  });
});

describe('the agreement', () => {
  it('needs a way to talk', () => {
    expect(validateMentorForm(valid({ modes: [] })).modes).toBe('Pick at least one way you like to talk.');
  });

  it('needs an end or review date for a fixed period, not before the start', () => {
    expect(validateMentorForm(valid({ term: 'fixedPeriod' })).reviewOn).toBe(
      'A fixed-period agreement needs an end or review date.',
    );
    expect(validateMentorForm(valid({ term: 'ongoing' })).reviewOn).toBeUndefined();
    expect(validateMentorForm(valid({ reviewOn: '2026-04-13' })).reviewOn).toMatch(/before the start date/);
    expect(validateMentorForm(valid({ term: 'fixedPeriod', reviewOn: '2026-04-14' })).reviewOn).toBeUndefined();
    expect(validateMentorForm(valid({ startsOn: '' })).startsOn).toBe('Choose the day the agreement starts.');
  });

  it('needs the situation of a one-off', () => {
    expect(validateMentorForm(valid({ term: 'oneOff' })).situation).toMatch(/which situation/);
    expect(validateMentorForm(valid({ term: 'oneOff', situation: 'Salary talk' })).situation).toBeUndefined();
    expect(validateMentorForm(valid({ term: 'ongoing', situation: '' })).situation).toBeUndefined();
  });

  it('keeps texts to their length', () => {
    expect(validateMentorForm(valid({ name: 'a'.repeat(121) })).name).toBe(
      'The name is 121 characters long; keep it to 120 at most.',
    );
    expect(validateMentorForm(valid({ ownPurpose: 'a'.repeat(241) })).ownPurpose).toMatch(/keep it to 240/);
  });
});

describe('contact details', () => {
  it('look like an email address, a phone number and a web address', () => {
    expect(looksLikeEmail('ana@example.com')).toBe(true);
    expect(looksLikeEmail('ana@example')).toBe(false);
    expect(looksLikeEmail('ana @example.com')).toBe(false);
    expect(looksLikeEmail('@example.com')).toBe(false);
    expect(looksLikeEmail('a@b@example.com')).toBe(false);
    expect(looksLikePhone('+44 (0)20 7946 0958')).toBe(true);
    expect(looksLikePhone('1234')).toBe(false);
    expect(looksLikePhone('call me')).toBe(false);
    expect(isWebAddress('https://www.linkedin.com/in/ana')).toBe(true);
    expect(isWebAddress('linkedin.com/in/ana')).toBe(false);
    expect(isWebAddress('https://localhost/x')).toBe(false);
    expect(isWebAddress('https://www.linkedin.com/in/ana maria')).toBe(false);
  });

  it('points at the field at fault', () => {
    const errors = validateMentorForm(valid({ email: 'nope', linkedin: 'nope' }));
    expect(Object.keys(errors)).toEqual(['email', 'linkedin']);
    expect(firstError(errors)).toBe('email');
  });
});

describe('drafts', () => {
  it('round-trips a mentor through the form', () => {
    const form = formFromMentor(ANA);
    expect(form.reviewOn).toBe('2026-07-01');
    expect(hasProfile(form)).toBe(true);
    expect(hasChecks(form)).toBe(true);
    expect(sameForm(form, formFromMentor(ANA))).toBe(true);
    const draft = draftFromForm(form);
    expect(draft.roles).toEqual(['adviser', 'peer']);
    expect(draft.agreement.modes).toEqual(['video', 'inPerson']);
    expect(draft.agreement.purposes).toEqual(['expandNetwork', 'testIdeas']);
    expect(draft.agreement.cadenceDays).toBe(21);
    expect(draft.agreement.maxGapDays).toBe(60);
    expect(draft.status).toBe('paused');
  });

  it('trims text, sends no review date when empty and no situation unless one-off', () => {
    const draft = draftFromForm(valid({ name: '  Ana  ', situation: 'left over', email: ' ana@example.com ' }));
    expect(draft.name).toBe('Ana');
    expect(draft.agreement.reviewOn).toBeNull();
    expect(draft.agreement.situation).toBe('');
    expect(draft.contact.email).toBe('ana@example.com');
    expect(draftFromForm(valid({ term: 'oneOff', situation: ' Salary talk ' })).agreement.situation).toBe('Salary talk');
  });

  it('turns a mentor back into a draft', () => {
    const draft = draftFromMentor(ANA);
    expect(draft.agreement).toEqual(ANA.agreement);
    expect(draft.name).toBe('Ana');
    expect('id' in draft).toBe(false);
  });
});
