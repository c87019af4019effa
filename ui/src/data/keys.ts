// Every key of the data layer in one place: which backend read it wraps, where it is
// shown, and which writes invalidate it. A write invalidates every read that could show
// what it changed; when in doubt, more rather than less (a missed reload shows stale
// words, an extra one costs a round trip on a screen already drawn).
//
// | key                         | read (api.…)                        | shown in                                  |
// |-----------------------------|-------------------------------------|-------------------------------------------|
// | ['home']                    | home (start-up: firstScreen)        | Today                                     |
// | ['circle']                  | circle                              | Mentors, Settings' sample card, Goals and |
// |                             |                                     | Journal (mentor names), dialogs' pickers¹ |
// | ['circle', 'health']        | circle + circleHealth               | Circle                                    |
// | ['mentor', id]              | mentorPage                          | a mentor's page                           |
// | ['journal', 'entries']      | journalEntries (first page)         | Journal                                   |
// | ['journal', 'entry', id]    | journalEntry                        | one entry                                 |
// | ['journal', 'raised', id]   | raisedFromEntry                     | one entry (what was raised from it)       |
// | ['goals']                   | goals                               | Goals                                     |
// | ['prospects']               | prospects + outreach                | Prospects                                 |
// | ['nudges', 'history']       | nudgeHistory                        | Settings                                  |
// | ['security']                | security                            | Settings' security card                   |
// | ['security', 'recovery']    | security (start-up: firstScreen)    | the recovery key card (Today, Settings)   |
// | ['backups']                 | backups                             | Settings' backups card                    |
// | ['once', …]                 | read once per mount, never          | nudge settings and status², lock after    |
// |                             | invalidated (a form the user edits) | idle, suggested folder, the brief, a      |
// |                             |                                     | catch-up's follow-up lists                |
//
// ¹ Dialogs read the circle once when they open (`useMentorsOnce`), not under a key.
// ² The nudge status loads again when the shell says the delivery problem changed.
//
// Which writes invalidate what (the `CHANGED_BY` groups below):
//
// | write                                                   | group           | invalidates                                     |
// |---------------------------------------------------------|-----------------|-------------------------------------------------|
// | add / edit / promote a mentor, status, renew, snooze,   | mentor          | home, circle (+health), every mentor page,      |
// | co-mentoring, log / edit / delete a catch-up, add or    |                 | journal, goals, prospects, nudge history        |
// | remove the sample circle                                |                 |                                                 |
// | add / remove / restore an agenda item (raise, quick)    | agenda          | home, circle, mentor pages, journal, goals      |
// | add / edit / remove / restore advice or a give          | followThrough   | home, circle, mentor pages, goals, journal      |
// | add / edit a goal, its status, a progress note          | goal            | goals, mentor pages, home, circle, journal      |
// | add / edit / move a prospect, import prospects, cap     | prospect        | prospects, circle, home, mentor pages           |
// | add / edit / delete / restore a journal entry           | journal         | journal, mentor pages, home, goals, circle      |
// | change how the key is kept (passphrase, keyring)        | key             | security (+recovery), backups                   |
// | back up now                                             | backup          | backups                                         |
// | restore a backup, import a whole circle, a new day      | everything      | every key above except ['once', …]              |
// | export, nudge settings, lock after idle, start at login | —               | nothing (the screen shows what it saved)        |
import type { QueryKey } from './query';

export const keys = {
  home: ['home'],
  circle: ['circle'],
  circleHealth: ['circle', 'health'],
  /** Every mentor's page. */
  mentors: ['mentor'],
  mentor: (id: number): QueryKey => ['mentor', id],
  /** Everything of the journal. */
  journal: ['journal'],
  journalEntries: ['journal', 'entries'],
  journalEntry: (id: number): QueryKey => ['journal', 'entry', id],
  raisedFromEntry: (id: number): QueryKey => ['journal', 'raised', id],
  goals: ['goals'],
  prospects: ['prospects'],
  nudgeHistory: ['nudges', 'history'],
  /** Both security reads. */
  security: ['security'],
  recovery: ['security', 'recovery'],
  backups: ['backups'],
  /** Read once per mount, never invalidated: what a form the user edits starts from. */
  once: (...what: QueryKey): QueryKey => ['once', ...what],
} as const satisfies Record<string, QueryKey | ((...args: never[]) => QueryKey)>;

const CONTENT: readonly QueryKey[] = [keys.home, keys.circle, keys.mentors, keys.journal, keys.goals, keys.prospects];

/** What each kind of write invalidates: pass to `invalidate(...)` or `useMutation`. */
export const CHANGED_BY = {
  mentor: [...CONTENT, keys.nudgeHistory],
  agenda: [keys.home, keys.circle, keys.mentors, keys.journal, keys.goals],
  followThrough: [keys.home, keys.circle, keys.mentors, keys.goals, keys.journal],
  goal: [keys.goals, keys.mentors, keys.home, keys.circle, keys.journal],
  prospect: [keys.prospects, keys.circle, keys.home, keys.mentors],
  journal: [keys.journal, keys.mentors, keys.home, keys.goals, keys.circle],
  key: [keys.security, keys.backups],
  backup: [keys.backups],
  everything: [...CONTENT, keys.nudgeHistory, keys.security, keys.backups],
} as const satisfies Record<string, readonly QueryKey[]>;
