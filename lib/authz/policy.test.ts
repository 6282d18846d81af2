import { describe, expect, it } from 'vitest';
import type { ItemState } from '@/generated/prisma/enums';
import { can, decideItem, decideTransition, visibleItemsWhere, type Actor, type Decision, type GlobalAction, type ItemAction } from './policy';
import { ITEM_STATES, type TransitionName } from '@/lib/workflow/states';

/**
 * The written policy, cell by cell, in the style of WordPress's capability tests: every action against
 * every kind of person and every item state. A change to the policy must change this table.
 */

const OWNER_ID = 'owner';
const people = {
  anonymous: null,
  contributorOwn: { id: OWNER_ID, role: 'CONTRIBUTOR', status: 'ACTIVE' },
  contributorOther: { id: 'someone-else', role: 'CONTRIBUTOR', status: 'ACTIVE' },
  editor: { id: 'editor', role: 'EDITOR', status: 'ACTIVE' },
  admin: { id: 'admin', role: 'ADMIN', status: 'ACTIVE' },
  deactivated: { id: OWNER_ID, role: 'ADMIN', status: 'DEACTIVATED' },
  invited: { id: OWNER_ID, role: 'EDITOR', status: 'INVITED' },
} satisfies Record<string, Actor>;
type Person = keyof typeof people;
const PEOPLE = Object.keys(people) as Person[];

// Shorthand: A allowed, D denied (not allowed), H hidden (not found). Columns follow ITEM_STATES:
//                                 DRAFT IN_REVIEW CHANGES_REQ APPROVED PUBLISHED ARCHIVED
const itemTable: Record<ItemAction, Record<Person, string>> = {
  'item.read': {
    anonymous: 'HHHHHH', contributorOwn: 'AAAAAA', contributorOther: 'HHHHHH', editor: 'AAAAAA', admin: 'AAAAAA', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
  'item.edit': {
    anonymous: 'HHHHHH', contributorOwn: 'ADADDD', contributorOther: 'HHHHHH', editor: 'AAAAAD', admin: 'AAAAAD', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
  'item.comment': {
    anonymous: 'HHHHHH', contributorOwn: 'AAAAAA', contributorOther: 'HHHHHH', editor: 'AAAAAA', admin: 'AAAAAA', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
  'item.resolveComment': {
    anonymous: 'HHHHHH', contributorOwn: 'AAAAAA', contributorOther: 'HHHHHH', editor: 'AAAAAA', admin: 'AAAAAA', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
  'item.restoreRevision': {
    anonymous: 'HHHHHH', contributorOwn: 'ADADDD', contributorOther: 'HHHHHH', editor: 'AAAAAD', admin: 'AAAAAD', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
  'item.place': {
    anonymous: 'HHHHHH', contributorOwn: 'DDDDDD', contributorOther: 'HHHHHH', editor: 'AAAAAA', admin: 'AAAAAA', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
};

const transitionTable: Record<TransitionName, Record<Person, string>> = {
  submit: {
    anonymous: 'HHHHHH', contributorOwn: 'ADADDD', contributorOther: 'HHHHHH', editor: 'ADADDD', admin: 'ADADDD', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
  requestChanges: {
    anonymous: 'HHHHHH', contributorOwn: 'DDDDDD', contributorOther: 'HHHHHH', editor: 'DADDDD', admin: 'DADDDD', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
  approve: {
    anonymous: 'HHHHHH', contributorOwn: 'DDDDDD', contributorOther: 'HHHHHH', editor: 'DADDDD', admin: 'DADDDD', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
  publish: {
    anonymous: 'HHHHHH', contributorOwn: 'DDDDDD', contributorOther: 'HHHHHH', editor: 'DDDADD', admin: 'DDDADD', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
  unpublish: {
    anonymous: 'HHHHHH', contributorOwn: 'DDDDDD', contributorOther: 'HHHHHH', editor: 'DDDDAD', admin: 'DDDDAD', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
  archive: {
    anonymous: 'HHHHHH', contributorOwn: 'DDDDDD', contributorOther: 'HHHHHH', editor: 'AAAADD', admin: 'AAAADD', deactivated: 'HHHHHH', invited: 'HHHHHH',
  },
};

//                                  anon  contribOwn contribOther editor admin deactivated invited
const globalTable: Record<GlobalAction, string> = {
  'backOffice.enter': '-AAAA--',
  'item.create': '-AAAA--',
  'item.listAll': '---AA--',
  'meeting.create': '-AAAA--',
  'meeting.edit': '---AA--',
  'publication.create': '-AAAA--',
  'publication.edit': '---AA--',
  'issue.manage': '---AA--',
  'issue.preview': '---AA--',
  'issue.publish': '---AA--',
  'contribution.triage': '---AA--',
  'audit.read': '---AA--',
  'user.manage': '----A--',
  'settings.edit': '----A--',
  'account.editOwn': '-AAAA--',
};

const decision: Record<string, Decision> = { A: 'allowed', D: 'denied', H: 'hidden' };
const item = (state: ItemState) => ({ authorId: OWNER_ID, state });

describe('policy: item actions', () => {
  for (const [action, row] of Object.entries(itemTable) as [ItemAction, Record<Person, string>][]) {
    for (const person of PEOPLE) {
      ITEM_STATES.forEach((state, i) => {
        const expected = decision[row[person][i]!]!;
        it(`${action} by ${person} on a ${state} item: ${expected}`, () => {
          expect(decideItem(people[person], action, item(state))).toBe(expected);
        });
      });
    }
  }
});

describe('policy: workflow transitions', () => {
  for (const [name, row] of Object.entries(transitionTable) as [TransitionName, Record<Person, string>][]) {
    for (const person of PEOPLE) {
      ITEM_STATES.forEach((state, i) => {
        const expected = decision[row[person][i]!]!;
        it(`${name} by ${person} from ${state}: ${expected}`, () => {
          expect(decideTransition(people[person], name, item(state))).toBe(expected);
        });
      });
    }
  }
});

describe('policy: back-office actions', () => {
  for (const [action, row] of Object.entries(globalTable) as [GlobalAction, string][]) {
    PEOPLE.forEach((person, i) => {
      const expected = row[i] === 'A';
      it(`${action} by ${person}: ${expected ? 'allowed' : 'refused'}`, () => {
        expect(can(people[person], action)).toBe(expected);
      });
    });
  }
});

describe('policy: list filters', () => {
  it('show contributors their own items only, editors everything, and nobody else anything', () => {
    expect(visibleItemsWhere(people.contributorOwn)).toEqual({ authorId: OWNER_ID });
    expect(visibleItemsWhere(people.editor)).toEqual({});
    expect(visibleItemsWhere(people.admin)).toEqual({});
    for (const p of [people.anonymous, people.deactivated, people.invited]) expect(visibleItemsWhere(p)).toEqual({ id: { in: [] } });
  });
});
