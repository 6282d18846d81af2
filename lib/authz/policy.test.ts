import { describe, expect, it } from 'vitest';
import type { ItemState } from '@/generated/prisma/enums';
import {
  can,
  checkUserAction,
  decideItem,
  decideTransition,
  decideUserAction,
  visibleItemsWhere,
  type Actor,
  type Decision,
  type GlobalAction,
  type ItemAction,
  type UserAction,
  type UserActionContext,
  type UserRef,
} from './policy';
import type { Role } from '@/generated/prisma/enums';
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
    anonymous: 'HHHHHH',
    contributorOwn: 'AAAAAA',
    contributorOther: 'HHHHHH',
    editor: 'AAAAAA',
    admin: 'AAAAAA',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
  'item.edit': {
    anonymous: 'HHHHHH',
    contributorOwn: 'ADADDD',
    contributorOther: 'HHHHHH',
    editor: 'AAAAAD',
    admin: 'AAAAAD',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
  'item.comment': {
    anonymous: 'HHHHHH',
    contributorOwn: 'AAAAAA',
    contributorOther: 'HHHHHH',
    editor: 'AAAAAA',
    admin: 'AAAAAA',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
  'item.resolveComment': {
    anonymous: 'HHHHHH',
    contributorOwn: 'AAAAAA',
    contributorOther: 'HHHHHH',
    editor: 'AAAAAA',
    admin: 'AAAAAA',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
  'item.restoreRevision': {
    anonymous: 'HHHHHH',
    contributorOwn: 'ADADDD',
    contributorOther: 'HHHHHH',
    editor: 'AAAAAD',
    admin: 'AAAAAD',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
  'item.place': {
    anonymous: 'HHHHHH',
    contributorOwn: 'DDDDDD',
    contributorOther: 'HHHHHH',
    editor: 'AAAAAA',
    admin: 'AAAAAA',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
};

const transitionTable: Record<TransitionName, Record<Person, string>> = {
  submit: {
    anonymous: 'HHHHHH',
    contributorOwn: 'ADADDD',
    contributorOther: 'HHHHHH',
    editor: 'ADADDD',
    admin: 'ADADDD',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
  withdraw: {
    anonymous: 'HHHHHH',
    contributorOwn: 'DADDDD',
    contributorOther: 'HHHHHH',
    editor: 'DDDDDD',
    admin: 'DDDDDD',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
  requestChanges: {
    anonymous: 'HHHHHH',
    contributorOwn: 'DDDDDD',
    contributorOther: 'HHHHHH',
    editor: 'DADDDD',
    admin: 'DADDDD',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
  approve: {
    anonymous: 'HHHHHH',
    contributorOwn: 'DDDDDD',
    contributorOther: 'HHHHHH',
    editor: 'DADDDD',
    admin: 'DADDDD',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
  publish: {
    anonymous: 'HHHHHH',
    contributorOwn: 'DDDDDD',
    contributorOther: 'HHHHHH',
    editor: 'DDDADD',
    admin: 'DDDADD',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
  unpublish: {
    anonymous: 'HHHHHH',
    contributorOwn: 'DDDDDD',
    contributorOther: 'HHHHHH',
    editor: 'DDDDAD',
    admin: 'DDDDAD',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
  },
  archive: {
    anonymous: 'HHHHHH',
    contributorOwn: 'DDDDDD',
    contributorOther: 'HHHHHH',
    editor: 'AAAADD',
    admin: 'AAAADD',
    deactivated: 'HHHHHH',
    invited: 'HHHHHH',
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
  'issue.import': '---AA--',
  'contribution.read': '---AA--',
  'contribution.triage': '---AA--',
  'contribution.accept': '---AA--',
  'contribution.decline': '---AA--',
  'contribution.reply': '---AA--',
  'contribution.erase': '---AA--',
  'audit.read': '---AA--',
  'audit.readAddresses': '----A--',
  'user.manage': '----A--',
  'settings.edit': '----A--',
  'subscriber.manage': '----A--',
  'edition.manage': '---AA--',
  'account.editOwn': '-AAAA--',
  'account.signOutEverywhere': '-AAAA--',
  'account.twoFactor': '-AAAA--',
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
    for (const p of [people.anonymous, people.deactivated, people.invited])
      expect(visibleItemsWhere(p)).toEqual({ id: { in: [] } });
  });
});

// Account actions: every kind of person against every kind of account. Columns (targets):
//   self         the acting person's own account
//   contributor  another active contributor       editor  another active editor
//   admin        another active admin, with 2 active admins in all
//   soleAdmin    an active admin who is the only active admin (count 1)
//   invited      an invited account                deactivated  a deactivated account
const TARGETS = ['self', 'contributor', 'editor', 'admin', 'soleAdmin', 'invited', 'deactivated'] as const;
type TargetKind = (typeof TARGETS)[number];

function targetFor(person: Person, kind: TargetKind): { target: UserRef; ctx: UserActionContext } {
  const actor = people[person];
  switch (kind) {
    case 'self':
      return {
        target: actor ? { ...actor } : { id: 'nobody', role: 'CONTRIBUTOR', status: 'ACTIVE' },
        ctx: { activeAdminCount: 2 },
      };
    case 'contributor':
      return {
        target: { id: 'target-contributor', role: 'CONTRIBUTOR', status: 'ACTIVE' },
        ctx: { activeAdminCount: 2 },
      };
    case 'editor':
      return { target: { id: 'target-editor', role: 'EDITOR', status: 'ACTIVE' }, ctx: { activeAdminCount: 2 } };
    case 'admin':
      return { target: { id: 'target-admin', role: 'ADMIN', status: 'ACTIVE' }, ctx: { activeAdminCount: 2 } };
    case 'soleAdmin':
      return { target: { id: 'target-sole-admin', role: 'ADMIN', status: 'ACTIVE' }, ctx: { activeAdminCount: 1 } };
    case 'invited':
      return { target: { id: 'target-invited', role: 'EDITOR', status: 'INVITED' }, ctx: { activeAdminCount: 2 } };
    case 'deactivated':
      return {
        target: { id: 'target-deactivated', role: 'EDITOR', status: 'DEACTIVATED' },
        ctx: { activeAdminCount: 2 },
      };
  }
}

// Rows: the action (role changes with the role asked for). A allowed, D denied, H hidden.
//                                       self contributor editor admin soleAdmin invited deactivated
type UserRow = `${UserAction}` | `user.changeRole:${Role}`;
const userTable: Record<UserRow, Record<Person, string>> = {
  'user.read': {
    anonymous: 'HHHHHHH',
    contributorOwn: 'DHHHHHH',
    contributorOther: 'DHHHHHH',
    editor: 'DHHHHHH',
    admin: 'AAAAAAA',
    deactivated: 'HHHHHHH',
    invited: 'HHHHHHH',
  },
  'user.resendInvitation': {
    anonymous: 'HHHHHHH',
    contributorOwn: 'DHHHHHH',
    contributorOther: 'DHHHHHH',
    editor: 'DHHHHHH',
    admin: 'DDDDDAD',
    deactivated: 'HHHHHHH',
    invited: 'HHHHHHH',
  },
  'user.revokeInvitation': {
    anonymous: 'HHHHHHH',
    contributorOwn: 'DHHHHHH',
    contributorOther: 'DHHHHHH',
    editor: 'DHHHHHH',
    admin: 'DDDDDAD',
    deactivated: 'HHHHHHH',
    invited: 'HHHHHHH',
  },
  'user.changeRole:CONTRIBUTOR': {
    anonymous: 'HHHHHHH',
    contributorOwn: 'DHHHHHH',
    contributorOther: 'DHHHHHH',
    editor: 'DHHHHHH',
    admin: 'DAAADAD',
    deactivated: 'HHHHHHH',
    invited: 'HHHHHHH',
  },
  'user.changeRole:EDITOR': {
    anonymous: 'HHHHHHH',
    contributorOwn: 'DHHHHHH',
    contributorOther: 'DHHHHHH',
    editor: 'DHHHHHH',
    admin: 'DAAADAD',
    deactivated: 'HHHHHHH',
    invited: 'HHHHHHH',
  },
  'user.changeRole:ADMIN': {
    anonymous: 'HHHHHHH',
    contributorOwn: 'DHHHHHH',
    contributorOther: 'DHHHHHH',
    editor: 'DHHHHHH',
    admin: 'DAAAAAD',
    deactivated: 'HHHHHHH',
    invited: 'HHHHHHH',
  },
  'user.changeRole': {
    // Without a role asked for, a role change is judged as one that keeps nobody an admin.
    anonymous: 'HHHHHHH',
    contributorOwn: 'DHHHHHH',
    contributorOther: 'DHHHHHH',
    editor: 'DHHHHHH',
    admin: 'DAAADAD',
    deactivated: 'HHHHHHH',
    invited: 'HHHHHHH',
  },
  'user.deactivate': {
    anonymous: 'HHHHHHH',
    contributorOwn: 'DHHHHHH',
    contributorOther: 'DHHHHHH',
    editor: 'DHHHHHH',
    admin: 'DAAADDD',
    deactivated: 'HHHHHHH',
    invited: 'HHHHHHH',
  },
  'user.reactivate': {
    anonymous: 'HHHHHHH',
    contributorOwn: 'DHHHHHH',
    contributorOther: 'DHHHHHH',
    editor: 'DHHHHHH',
    admin: 'DDDDDDA',
    deactivated: 'HHHHHHH',
    invited: 'HHHHHHH',
  },
  'user.issuePasswordReset': {
    anonymous: 'HHHHHHH',
    contributorOwn: 'DHHHHHH',
    contributorOther: 'DHHHHHH',
    editor: 'DHHHHHH',
    admin: 'DAAAADD',
    deactivated: 'HHHHHHH',
    invited: 'HHHHHHH',
  },
  'user.resetTwoFactor': {
    anonymous: 'HHHHHHH',
    contributorOwn: 'DHHHHHH',
    contributorOther: 'DHHHHHH',
    editor: 'DHHHHHH',
    admin: 'DAAAADD',
    deactivated: 'HHHHHHH',
    invited: 'HHHHHHH',
  },
};

describe('policy: account actions', () => {
  for (const [row, cells] of Object.entries(userTable) as [UserRow, Record<Person, string>][]) {
    const [action, newRole] = row.split(':') as [UserAction, Role | undefined];
    for (const person of PEOPLE) {
      TARGETS.forEach((kind, i) => {
        const expected = decision[cells[person][i]!]!;
        it(`${row} by ${person} on ${kind}: ${expected}`, () => {
          const { target, ctx } = targetFor(person, kind);
          expect(decideUserAction(people[person], action, target, { ...ctx, newRole })).toBe(expected);
        });
      });
    }
  }

  it('say why an admin is refused, so the page can tell them', () => {
    const admin = people.admin;
    const other = { id: 'x', role: 'ADMIN', status: 'ACTIVE' } as const;
    expect(checkUserAction(admin, 'user.deactivate', admin, { activeAdminCount: 1 }).refusal).toBe('self');
    expect(checkUserAction(admin, 'user.changeRole', admin, { activeAdminCount: 3, newRole: 'EDITOR' }).refusal).toBe(
      'self',
    );
    expect(checkUserAction(admin, 'user.deactivate', other, { activeAdminCount: 1 }).refusal).toBe('lastAdmin');
    expect(checkUserAction(admin, 'user.changeRole', other, { activeAdminCount: 1, newRole: 'EDITOR' }).refusal).toBe(
      'lastAdmin',
    );
    expect(checkUserAction(admin, 'user.reactivate', other, { activeAdminCount: 2 }).refusal).toBe('state');
    expect(checkUserAction(people.editor, 'user.deactivate', other, { activeAdminCount: 2 }).refusal).toBeUndefined();
  });
});
