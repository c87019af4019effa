import { describe, expect, it } from 'vitest';
import { filterGroups, filterText, filterWords, mentorGroups } from './mentorList';
import { member } from '../../testData';

const names = (g: { shown: Array<{ mentor: { name: string } }> }) => g.shown.map((m) => m.mentor.name);

describe('the Mentors place', () => {
  const ana = member({ name: 'ana Sousa', organisation: 'Northwind', roles: ['peer'], expertise: 'Pricing' });
  const ben = member({ name: 'Ben Okafor', roles: ['networkConnector', 'adviser'], status: 'paused' }, null);
  const cleo = member({ name: 'Cléo Martin', organisation: 'Contoso', roles: ['insider'] });
  const al = member({ name: 'Al Haddad', status: 'alumni', roles: ['successPartner'], expertise: 'hiring' });

  it('groups everyone as Active, Paused and Alumni, by name whatever the case or accents', () => {
    const groups = filterGroups(mentorGroups([cleo, al, ben, ana]), '');
    expect(groups.map((g) => [g.label, g.total, names(g)])).toEqual([
      ['Active', 2, ['ana Sousa', 'Cléo Martin']],
      ['Paused', 1, ['Ben Okafor']],
      ['Alumni', 1, ['Al Haddad']],
    ]);
    expect(filterGroups(mentorGroups([]), '').map((g) => g.total)).toEqual([0, 0, 0]);
  });

  it('looks in names, organisations, roles and expertise, every word, any case', () => {
    const groups = mentorGroups([ana, ben, cleo, al]);
    const found = (q: string) => filterGroups(groups, q).flatMap(names);
    expect(found('SOUSA')).toEqual(['ana Sousa']);
    expect(found('contoso')).toEqual(['Cléo Martin']);
    expect(found('company or industry')).toEqual(['Cléo Martin']);
    expect(found('adviser')).toEqual(['Ben Okafor']);
    expect(found('  hiring  ')).toEqual(['Al Haddad']);
    expect(found('ana pricing')).toEqual(['ana Sousa']);
    expect(found('ana hiring')).toEqual([]);
    // A group with nobody matching still says how many it holds.
    expect(filterGroups(groups, 'sousa').map((g) => g.total)).toEqual([2, 1, 1]);
  });

  it('reads the filter as lower-cased words, and the mentor as one lower-cased text', () => {
    expect(filterWords('  Ana   SOUSA ')).toEqual(['ana', 'sousa']);
    expect(filterWords('   ')).toEqual([]);
    expect(filterText(ana)).toBe('ana sousa northwind peer / co-mentor pricing');
  });
});
