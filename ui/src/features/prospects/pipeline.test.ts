import { describe, expect, it } from 'vitest';
import type { Prospect } from '../../bindings/Prospect';
import { draftFromForm, validateMentorForm } from '../mentors/mentorForm';
import {
  MOVABLE_STAGES,
  SOURCES,
  STAGES,
  capChoices,
  capFromValue,
  capValue,
  couldFill,
  draftFromProspectForm,
  formFromProspect,
  groupByStage,
  howWeMetText,
  joinedText,
  mentorFormFromProspect,
  movedText,
  newProspectForm,
  outreachText,
  peopleText,
  roleFilterEmptyText,
  roleFilterHeading,
  sameProspectForm,
  sourceFromValue,
  sourceLabel,
  stageLabel,
  validateProspect,
} from './pipeline';

const TODAY = '2026-11-19';
let nextId = 1;

function prospect(over: Partial<Prospect> = {}): Prospect {
  return {
    id: nextId++,
    addedOn: '2026-10-01',
    stage: 'identified',
    steps: [{ stage: 'identified', on: '2026-10-01' }],
    mentorId: null,
    name: 'José Álvarez',
    organisation: 'Fabrikam',
    position: 'Head of Product',
    email: '',
    profileUrl: '',
    connectedOn: null,
    note: '',
    source: null,
    wants: '',
    chemistry: '',
    couldFill: [],
    nextStep: '',
    nextStepOn: null,
    ...over,
  };
}

describe('stages and sources in words', () => {
  it('names every stage, in pipeline order', () => {
    expect(STAGES.map((s) => s.label)).toEqual([
      'Identified',
      'Reached out',
      'Informal chat',
      'Gauging fit',
      'Not now',
      'In your circle',
    ]);
    expect(stageLabel('reachedOut')).toBe('Reached out');
    expect(stageLabel('mentor')).toBe('In your circle');
  });

  it('offers every stage but mentor to move to', () => {
    expect(MOVABLE_STAGES.map((s) => s.value)).toEqual(['identified', 'reachedOut', 'informalChat', 'gaugingFit', 'notNow']);
  });

  it('names where a prospect was found', () => {
    expect(SOURCES.map((s) => s.label)).toEqual([
      'Professor',
      'Former boss',
      'Former colleague',
      'Professional association',
      'Informational interview',
      'Interviewed you',
      'Event',
      'Other',
    ]);
    expect(sourceLabel('interviewer')).toBe('Interviewed you');
    expect(sourceLabel(null)).toBe('');
  });

  it('reads a source back from the select, unknown as none', () => {
    expect(sourceFromValue('formerBoss')).toBe('formerBoss');
    expect(sourceFromValue('')).toBeNull();
    expect(sourceFromValue('nonsense')).toBeNull();
  });

  it('says what happened, gently', () => {
    expect(movedText('Ana', 'informalChat')).toBe('Moved Ana to “Informal chat”.');
    expect(joinedText('Ana Sousa')).toBe('Ana Sousa joined your circle. Their history as a prospect stays on their page.');
    expect(peopleText(1)).toBe('1 person');
    expect(peopleText(4)).toBe('4 people');
  });
});

describe('the pipeline', () => {
  const ana = prospect({ name: 'Ana', stage: 'gaugingFit' });
  const ben = prospect({ name: 'Ben', stage: 'identified' });
  const cleo = prospect({ name: 'Cleo', stage: 'mentor', mentorId: 4 });
  const dev = prospect({ name: 'Dev', stage: 'notNow' });
  const eva = prospect({ name: 'Eva', stage: 'identified' });

  it('groups by stage in pipeline order, keeping the list order, leaving out empty stages', () => {
    const groups = groupByStage([ana, ben, cleo, dev, eva]);
    expect(groups.map((g) => [g.label, g.prospects.map((p) => p.name)])).toEqual([
      ['Identified', ['Ben', 'Eva']],
      ['Gauging fit', ['Ana']],
      ['Not now', ['Dev']],
      ['In your circle', ['Cleo']],
    ]);
    expect(groupByStage([])).toEqual([]);
  });
});

describe('a missing role', () => {
  const adviser = prospect({ name: 'Ana', couldFill: ['adviser', 'peer'] });
  const connector = prospect({ name: 'Ben', couldFill: ['networkConnector'] });
  const none = prospect({ name: 'Cleo' });

  it('filters to prospects who could fill it', () => {
    expect(couldFill([adviser, connector, none], 'adviser').map((p) => p.name)).toEqual(['Ana']);
    expect(couldFill([adviser, connector, none], 'insider')).toEqual([]);
    expect(couldFill([adviser, connector, none], null).map((p) => p.name)).toEqual(['Ana', 'Ben', 'Cleo']);
  });

  it('names the role in a sentence', () => {
    expect(roleFilterHeading('adviser')).toBe('Prospects who could be your adviser');
    expect(roleFilterHeading('networkConnector')).toBe('Prospects who could be your network connector');
    expect(roleFilterEmptyText('insider')).toBe('No prospects who could be your company or industry insider yet.');
  });
});

describe('outreach', () => {
  it('says how many this week, and the cap when there is one', () => {
    expect(outreachText({ thisWeek: 0, cap: null })).toBe('Reached out to 0 this week');
    expect(outreachText({ thisWeek: 2, cap: 3 })).toBe('Reached out to 2 this week of 3');
  });

  it('offers no cap and the usual caps, and keeps one set elsewhere', () => {
    expect(capChoices(null).map((c) => c.label)).toEqual(['No cap', '1', '2', '3', '5', '10']);
    expect(capChoices(3).map((c) => c.value)).toEqual(['', '1', '2', '3', '5', '10']);
    expect(capChoices(4).map((c) => c.value)).toEqual(['', '1', '2', '3', '4', '5', '10']);
  });

  it('turns a cap into the select’s value and back', () => {
    expect(capValue(null)).toBe('');
    expect(capValue(5)).toBe('5');
    expect(capFromValue('')).toBeNull();
    expect(capFromValue('10')).toBe(10);
  });
});

describe('the prospect form', () => {
  it('starts empty, with a missing role ticked when coming from one', () => {
    expect(newProspectForm().couldFill).toEqual([]);
    expect(newProspectForm('insider').couldFill).toEqual(['insider']);
  });

  it('asks for a name, a real day and a plausible e-mail', () => {
    const form = { ...newProspectForm(), name: ' ', nextStepOn: '2027-02-30', email: 'ana@' };
    expect(Object.keys(validateProspect(form))).toEqual(['name', 'nextStepOn', 'email']);
    expect(validateProspect({ ...newProspectForm(), name: 'Ana', email: 'ana@example.com' })).toEqual({});
  });

  it('sends trimmed text and roles in the form’s order', () => {
    const form = {
      ...newProspectForm(),
      name: ' Ana ',
      source: 'event',
      wants: ' How she moved into product ',
      couldFill: ['peer' as const, 'adviser' as const],
      nextStep: ' Coffee ',
      nextStepOn: '2026-12-01',
    };
    const draft = draftFromProspectForm(form);
    expect(draft).toMatchObject({
      name: 'Ana',
      source: 'event',
      wants: 'How she moved into product',
      couldFill: ['adviser', 'peer'],
      nextStep: 'Coffee',
      nextStepOn: '2026-12-01',
      position: '',
      note: '',
      connectedOn: null,
    });
    expect(draftFromProspectForm({ ...form, source: '', nextStepOn: '' })).toMatchObject({ source: null, nextStepOn: null });
  });

  it('keeps what the form does not show when editing', () => {
    const p = prospect({ position: 'CTO', note: 'From the import', connectedOn: '2024-03-02', source: 'formerBoss' });
    const form = formFromProspect(p);
    expect(form.source).toBe('formerBoss');
    expect(sameProspectForm(form, formFromProspect(p))).toBe(true);
    expect(draftFromProspectForm(form, p)).toMatchObject({
      position: 'CTO',
      note: 'From the import',
      connectedOn: '2024-03-02',
      source: 'formerBoss',
    });
  });
});

describe('welcome to the circle', () => {
  it('fills in the mentor form from the prospect', () => {
    const p = prospect({
      name: 'José Álvarez',
      organisation: 'Fabrikam',
      email: 'jose@example.com',
      profileUrl: 'https://www.linkedin.com/in/jose',
      source: 'formerColleague',
      note: 'Worked together on the billing rewrite',
      couldFill: ['peer', 'insider'],
    });
    const form = mentorFormFromProspect(p, TODAY);
    expect(form).toMatchObject({
      name: 'José Álvarez',
      organisation: 'Fabrikam',
      email: 'jose@example.com',
      linkedin: 'https://www.linkedin.com/in/jose',
      howWeMet: 'Former colleague — Worked together on the billing rewrite',
      roles: ['insider', 'peer'],
      status: 'active',
      startsOn: TODAY,
    });
    expect(validateMentorForm(form)).toEqual({});
    const draft = draftFromForm(form);
    expect(draft.contact).toEqual({ email: 'jose@example.com', phone: '', linkedin: 'https://www.linkedin.com/in/jose' });
    expect(draft.roles).toEqual(['insider', 'peer']);
  });

  it('makes them an adviser when no role was noted', () => {
    expect(mentorFormFromProspect(prospect(), TODAY).roles).toEqual(['adviser']);
  });

  it('says how they met from what is known, within the field’s length', () => {
    expect(howWeMetText({ source: 'event', note: '' })).toBe('Event');
    expect(howWeMetText({ source: null, note: ' Met at a talk ' })).toBe('Met at a talk');
    expect(howWeMetText({ source: null, note: '' })).toBe('');
    const long = howWeMetText({ source: 'other', note: 'x'.repeat(2000) });
    expect([...long].length).toBe(1000);
    expect(long.endsWith('…')).toBe(true);
  });
});
