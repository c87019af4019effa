//! A year of nudges, simulated: the real nudge loop (`mentor_core::nudge_loop`, which the
//! shell runs on its thread), its planner (`mentor_core::nudges`) and the real encrypted
//! store, driven through 2026 pass by pass with an injected clock, while the test keeps
//! its own reckoning of who is due and when a nudge may be shown, and holds every
//! notification to it.
//!
//! Why a whole year: the planner's promises ("never doubled", "never lost", "within a
//! minute", "never in quiet hours") are easy to keep one rule at a time and easy to break
//! where rules meet: a failed delivery just before the clock is set back, a crash mid-send
//! the night before, a 25-hour day. The world here is seeded and deterministic: a laptop
//! that sleeps for minutes to days, restarts and crashes mid-send, locks, a notification
//! service that is sometimes missing, the clock set wrong by hours and corrected, daylight
//! saving both ways (Europe/Paris), a flight from Paris (+01:00) to New York (-05:00) and
//! back, quiet hours, snoozes, paused mentors, holiday pauses and catch-ups. A few dated
//! scenes make sure the rare combinations happen at least once.
//!
//! When is a nudge *deliverable*? From what the planner and the shell document, a mentor
//! is deliverable at a real instant when all of these hold (the clock is the one the app
//! reads, however wrong; "today" is that clock's date in the zone the laptop is set to):
//!
//! - due: active (not paused), and today is on or after the last catch-up (else the day
//!   they joined) plus their cadence — computed here from the catch-ups the test logged;
//! - not snoozed: no snooze, or it ends on or before today;
//! - not held: nudges not paused until after today, and the wall-clock minute not in the
//!   quiet hours (`held`);
//! - not nudged in the last 24 hours by the clock (`ONCE_PER_MENTOR`) nor earlier on
//!   today's date (the day the clocks go back lasts 25 hours), counting a record a crash
//!   left undelivered and a record stamped in the clock's future;
//! - under the daily cap: fewer notifications recorded today (or stamped in the clock's
//!   future) than the cap;
//! - not waiting after a failed delivery: `RETRY_AFTER` has passed since it by elapsed
//!   time, or the clock reads outside the wait that followed it (past its end after a
//!   jump forward, or before the failure after the clock was set back): a retry sooner
//!   is harmless, a wait of hours is not;
//! - the app running (open or locked) on an awake laptop, and the desktop's notification
//!   service there;
//!
//! or, for the first passes of a new process: the mentor is in a record a crash left
//! undelivered in the last 24 hours, still due and not snoozed, nothing is held, and the
//! service is there (the loop's `resume` shows it under its own record, restamped with
//! the time it is shown, ignoring the cap).
//!
//! Each stretch of deliverability must end in exactly one notification naming the mentor
//! within a minute (`LONGEST_SLEEP`), or end by itself within that minute (the laptop
//! slept, quiet hours began). Every pass must also plan exactly the set the rules above
//! say (all of them in one digest), no notification may come in quiet hours or a pause,
//! and no mentor may be nudged twice in one local day (both read on the calendar of the
//! zone in force at the second).
//!
//! The desktop is a scripted [`Notifier`]: its notification service may be missing, and
//! the app may die mid-send, which it plays by unwinding out of the loop's pass (after the
//! nudge is recorded, before it is marked delivered) as a process ending there would; the
//! test catches that and starts a new process. What each pass did is read from what the
//! desktop was asked to show, and from the record. Between passes the loop sleeps from the
//! clock's reading to the pass's `wake_at`, measured once and then in real time, as the
//! shell's `Alarm` does: a clock changed during the sleep does not stretch it.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{
    DateTime, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone,
    Timelike, Utc,
};
use chrono_tz::America::New_York;
use chrono_tz::Europe::Paris;
use chrono_tz::Tz;
use mentor_core::model::{
    Agreement, CatchUpDraft, MentorDraft, MentorId, MentorStatus, Mode, Role,
};
use mentor_core::nudge_loop::{LOCKED_NUDGE, Notifier, NudgeLoop};
use mentor_core::nudges::{
    self, LONGEST_SLEEP, LockedSchedule, Nudge, NudgeId, NudgeOutcome, NudgeSettings,
    ONCE_PER_MENTOR, QuietHours, RETRY_AFTER, Snooze,
};
use mentor_core::{DbKey, Store};

/// The seed of the whole year; any other value is another year.
const SEED: u64 = 0x2026_0101_5EED_0001;

/// How soon a deliverable nudge must be shown.
const WITHIN: TimeDelta = TimeDelta::seconds(60);

/// How far back the loop reads the record (`RECORD_WINDOW` in `mentor_core::nudge_loop`).
const RECORD_WINDOW: TimeDelta = TimeDelta::days(2);

/// The mentors the dated scenes count on: random pauses leave them alone.
const IN_SCENES: [&str; 2] = ["Ana", "Gil"];

// --- what a pass did, and the desktop ----------------------------------------------

/// What the desktop did with a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delivery {
    Shown,
    Failed,
    /// The app died after recording it and before the desktop showed it.
    Died,
}

/// What `resume` did with one record an earlier process left undelivered.
#[derive(Debug)]
enum Resumed {
    Shown(NudgeId, Vec<MentorId>),
    Failed(NudgeId, Vec<MentorId>),
    Forgotten(NudgeId),
}

/// The app dying mid-send: unwound out of the loop's pass without running the panic
/// hook, and caught by the test as the end of the process.
struct Died;

/// The desktop's notification service, as the loop's [`Notifier`]: there or not, a crash
/// that can be armed to strike the next planned send, and what it was asked to show.
#[derive(Clone)]
struct Desktop(Arc<Mutex<Screen>>);

struct Screen {
    up: bool,
    real: DateTime<Utc>,
    crash: Option<Crash>,
    /// Records an earlier process left undelivered: showing one is `resume`'s doing, and
    /// not a planned send a crash could strike.
    resumable: Vec<NudgeId>,
    /// What the current pass asked it to show, and what became of each.
    asked: Vec<(NudgeId, Nudge, Delivery)>,
}

#[derive(Debug, Clone, Copy)]
struct Crash {
    /// Armed until then; the next send before it dies.
    until: DateTime<Utc>,
    /// When the app is started again (else a random gap).
    restart_at: Option<DateTime<Utc>>,
    struck: bool,
}

impl Desktop {
    fn new(real: DateTime<Utc>) -> Desktop {
        Desktop(Arc::new(Mutex::new(Screen {
            up: true,
            real,
            crash: None,
            resumable: Vec::new(),
            asked: Vec::new(),
        })))
    }

    fn screen(&self) -> MutexGuard<'_, Screen> {
        self.0.lock().expect("the desktop is never left mid-change")
    }
}

impl Notifier for Desktop {
    fn show(&self, nudge: &Nudge, id: NudgeId) -> Result<(), String> {
        let mut screen = self.screen();
        let planned = id != LOCKED_NUDGE && !screen.resumable.contains(&id);
        if planned && screen.dies_mid_send() {
            screen.asked.push((id, nudge.clone(), Delivery::Died));
            drop(screen);
            std::panic::resume_unwind(Box::new(Died));
        }
        let (delivery, shown) = if screen.up {
            (Delivery::Shown, Ok(()))
        } else {
            (
                Delivery::Failed,
                Err("org.freedesktop.DBus.Error.ServiceUnknown".into()),
            )
        };
        screen.asked.push((id, nudge.clone(), delivery));
        shown
    }
}

impl Screen {
    fn dies_mid_send(&mut self) -> bool {
        match &mut self.crash {
            Some(crash) if !crash.struck && self.real <= crash.until => {
                crash.struck = true;
                true
            }
            _ => false,
        }
    }
}

// --- a small deterministic random source ---------------------------------------------

/// xorshift64*: enough randomness for a year, identical on every platform (no floats).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True about once in `n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[usize::try_from(self.below(items.len() as u64)).expect("index")]
    }

    /// A duration between `lo` and `hi`, spread evenly over the doublings between them
    /// (as many minutes-long as days-long sleeps).
    fn spread(&mut self, lo: TimeDelta, hi: TimeDelta) -> TimeDelta {
        let (lo, hi) = (lo.num_seconds().max(1), hi.num_seconds());
        let mut doublings = 0;
        while lo << (doublings + 1) <= hi {
            doublings += 1;
        }
        let from = lo << self.below(doublings + 1);
        let to = (from * 2).min(hi);
        let extra = self.below(u64::try_from(to - from).unwrap_or(0) + 1);
        TimeDelta::seconds(from + i64::try_from(extra).expect("seconds"))
    }

    /// An instant in `[from, to)`.
    fn instant(&mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> DateTime<Utc> {
        let span = u64::try_from((to - from).num_seconds()).expect("a forward span");
        from + TimeDelta::seconds(i64::try_from(self.below(span)).expect("seconds"))
    }
}

// --- time helpers --------------------------------------------------------------------

fn wall(zone: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    zone.with_ymd_and_hms(y, m, d, h, min, 0)
        .earliest()
        .expect("the time exists there")
        .with_timezone(&Utc)
}

fn paris(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    wall(Paris, 2026, m, d, h, min)
}

fn new_york(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    wall(New_York, 2026, m, d, h, min)
}

fn quiet(from: (u16, u16), until: (u16, u16)) -> Option<QuietHours> {
    Some(QuietHours {
        from_minute: from.0 * 60 + from.1,
        until_minute: until.0 * 60 + until.1,
    })
}

fn default_quiet() -> Option<QuietHours> {
    NudgeSettings::default().quiet_hours
}

/// Whether the wall clock `local` is in `quiet` (which may cross midnight).
fn in_quiet(quiet: Option<QuietHours>, local: &DateTime<Tz>) -> bool {
    let Some(quiet) = quiet else { return false };
    let minute = u16::try_from(local.hour() * 60 + local.minute()).expect("a minute of the day");
    if quiet.from_minute < quiet.until_minute {
        (quiet.from_minute..quiet.until_minute).contains(&minute)
    } else {
        minute >= quiet.from_minute || minute < quiet.until_minute
    }
}

/// Every instant the wall clock in `zone` reads `time` on `day` (two on the night clocks go
/// back), or the first instant after it if it never does (the night they go forward).
fn instants_of(zone: Tz, day: NaiveDate, time: NaiveTime) -> Vec<DateTime<Utc>> {
    let mut at = NaiveDateTime::new(day, time);
    for _ in 0..(4 * 60) {
        match zone.from_local_datetime(&at) {
            LocalResult::Single(one) => return vec![one.with_timezone(&Utc)],
            LocalResult::Ambiguous(first, second) => {
                return vec![first.with_timezone(&Utc), second.with_timezone(&Utc)];
            }
            LocalResult::None => at += TimeDelta::minutes(1),
        }
    }
    Vec::new()
}

fn offset_at(zone: Tz, at: DateTime<Utc>) -> i32 {
    zone.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
}

type Span = (DateTime<Utc>, DateTime<Utc>);

fn merged(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::new();
    for (from, to) in spans {
        match out.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
    }
    out
}

fn without(spans: Vec<Span>, holes: &[Span]) -> Vec<Span> {
    let mut out = spans;
    for &(hole_from, hole_to) in holes {
        out = out
            .into_iter()
            .flat_map(|(from, to)| {
                let mut parts = Vec::new();
                if from < hole_from {
                    parts.push((from, to.min(hole_from)));
                }
                if to > hole_to {
                    parts.push((from.max(hole_to), to));
                }
                parts
            })
            .filter(|(from, to)| from < to)
            .collect();
    }
    out
}

fn overlaps(spans: &[Span], from: DateTime<Utc>, to: DateTime<Utc>) -> bool {
    spans.iter().any(|&(a, b)| from < b && a < to)
}

// --- the test's own reckoning -------------------------------------------------------

/// A mentor as the test knows them: what it told the store, never read back from it.
#[derive(Debug, Clone)]
struct Person {
    id: MentorId,
    name: &'static str,
    cadence: u32,
    max_gap: u32,
    added_on: NaiveDate,
    last_catch_up: Option<NaiveDate>,
    paused: bool,
    snoozed_until: Option<NaiveDate>,
    /// One of [`IN_SCENES`].
    in_scenes: bool,
}

impl Person {
    fn counts_from(&self) -> NaiveDate {
        self.last_catch_up.unwrap_or(self.added_on)
    }

    fn due_on(&self) -> NaiveDate {
        self.counts_from() + Days::new(u64::from(self.cadence))
    }

    fn overdue_from(&self) -> NaiveDate {
        self.counts_from() + Days::new(u64::from(self.max_gap.max(self.cadence)) + 1)
    }

    fn due(&self, today: NaiveDate) -> bool {
        !self.paused && today >= self.due_on()
    }

    fn snoozed(&self, today: NaiveDate) -> bool {
        self.snoozed_until.is_some_and(|until| until > today)
    }
}

/// A notification in the record, as the test saw it sent.
#[derive(Debug, Clone)]
struct Record {
    /// `None` for one sent while locked (recorded on unlock).
    id: Option<NudgeId>,
    /// By the app's clock.
    at: DateTime<Utc>,
    real: DateTime<Utc>,
    mentors: Vec<MentorId>,
    delivered: bool,
}

#[derive(Debug, Clone, Copy)]
struct Failure {
    real: DateTime<Utc>,
    clock: DateTime<Utc>,
}

/// Where things stand at one real instant.
struct Moment {
    clock: DateTime<Utc>,
    today: NaiveDate,
    held: bool,
    capped: bool,
    /// The planner's retry wait, by the clock.
    retry_by_clock: bool,
    /// Still waiting by the clock and by elapsed time.
    retry_waiting: bool,
}

/// A mentor deliverable without a break since `since`, not yet shown.
#[derive(Debug, Clone, Copy)]
struct Stretch {
    since: DateTime<Utc>,
}

#[derive(Debug, Default)]
struct Counts {
    due: u64,
    delivered: u64,
    late: u64,
    duplicated: u64,
    interrupted: u64,
    notifications: u64,
    digests: u64,
    restarts: u64,
    crashes: u64,
    clock_jumps: u64,
    zone_changes: u64,
    locks: u64,
    locked_deliveries: u64,
    failed_sends: u64,
    retried_after_failure: u64,
    resent: u64,
    catch_ups: u64,
    snoozes: u64,
    pauses: u64,
    mentor_pauses: u64,
    passes: u64,
    awake_seconds: i64,
    shown_on_spring_forward: u64,
    shown_on_fall_back: u64,
    shown_in_new_york: u64,
    max_latency: TimeDelta,
}

// --- the world -----------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum Click {
    Open,
    LogCatchUp,
    SnoozeADay,
}

#[derive(Debug, Clone, Copy)]
enum Step {
    /// The user opens the app (unlocking or starting it) before the scene.
    Open,
    Quiet(Option<QuietHours>),
    PauseUntil(Option<NaiveDate>),
    Cap(u8),
    CatchUp(&'static str),
    Join(&'static str, u32, u32),
    Lock,
    Unlock,
}

#[derive(Debug, Clone, Copy)]
enum Event {
    Wake,
    Sleep,
    Jump(TimeDelta),
    Zone(Tz),
    Service(bool),
    ArmCrash(Option<DateTime<Utc>>),
    /// A random user action, if its chain is still the live one.
    Act(u64),
    Start(u64),
    Unlock(u64),
    Click(NudgeId, Click),
    Scene(Step),
}

enum App {
    Down,
    Open(Store),
    Locked(LockedSchedule),
}

/// The dated scenes: quiet windows (no random events), when the laptop must be awake or
/// asleep, and what happens.
#[derive(Default)]
struct Scenes {
    calm: Vec<Span>,
    awake: Vec<Span>,
    asleep: Vec<Span>,
    events: Vec<(DateTime<Utc>, Event)>,
}

impl Scenes {
    /// A calm, awake window with the app open at its start and `steps` in it.
    fn scene(&mut self, from: DateTime<Utc>, to: DateTime<Utc>, steps: &[(DateTime<Utc>, Step)]) {
        self.calm.push((from, to));
        self.awake.push((from, to));
        self.events.push((from, Event::Scene(Step::Open)));
        for &(at, step) in steps {
            self.events.push((at, Event::Scene(step)));
        }
    }

    fn at(&mut self, at: DateTime<Utc>, event: Event) {
        self.events.push((at, event));
    }

    /// The evening before the scene on `(m, d)`: the default quiet hours and cap, kept
    /// (no random events) through the night.
    fn evening_before(&mut self, m: u32, d: u32) {
        let evening = paris(m, d, 20, 0) - TimeDelta::days(1);
        self.scene(
            evening,
            evening + TimeDelta::minutes(10),
            &[
                (
                    evening + TimeDelta::minutes(1),
                    Step::Quiet(default_quiet()),
                ),
                (evening + TimeDelta::minutes(2), Step::Cap(3)),
            ],
        );
        self.calm.push((evening, paris(m, d, 12, 0)));
    }

    /// A catch-up logged at noon that day, in a short scene of its own.
    fn catch_up(&mut self, name: &'static str, m: u32, d: u32) {
        let noon = paris(m, d, 12, 0);
        self.scene(
            noon - TimeDelta::minutes(5),
            noon + TimeDelta::minutes(10),
            &[(noon, Step::CatchUp(name))],
        );
    }
}

fn scenes() -> Scenes {
    let mut s = Scenes::default();
    // Gil joins the circle.
    let gil = paris(2, 2, 10, 0);
    s.scene(
        gil,
        gil + TimeDelta::minutes(15),
        &[(gil + TimeDelta::minutes(5), Step::Join("Gil", 7, 9))],
    );

    // The night clocks go forward (29 March, 02:00 → 03:00) with quiet hours ending at
    // 02:30, a time that does not exist that night, and Gil coming due at midnight.
    s.catch_up("Gil", 3, 22);
    s.scene(
        paris(3, 28, 17, 0),
        paris(3, 29, 12, 0),
        &[
            (paris(3, 28, 17, 5), Step::Quiet(quiet((21, 0), (2, 30)))),
            (paris(3, 28, 17, 6), Step::Cap(3)),
            (paris(3, 29, 11, 30), Step::Quiet(default_quiet())),
        ],
    );

    // Locked all morning while Ana comes due: the nameless timetable nudges.
    s.catch_up("Ana", 4, 8);
    s.evening_before(4, 15);
    s.scene(
        paris(4, 15, 7, 0),
        paris(4, 15, 10, 30),
        &[
            (paris(4, 15, 7, 5), Step::Lock),
            (paris(4, 15, 10, 0), Step::Unlock),
        ],
    );

    // Femi joins.
    let femi = paris(6, 1, 10, 0);
    s.scene(
        femi,
        femi + TimeDelta::minutes(15),
        &[(femi + TimeDelta::minutes(5), Step::Join("Femi", 30, 40))],
    );

    // No notification service all morning while Ana is due; at 14:00:30, half a minute
    // after a failed try, the clock is set back three hours; the service is back at
    // 14:01 and the clock is put right at 18:00.
    s.catch_up("Ana", 6, 3);
    s.evening_before(6, 10);
    s.scene(paris(6, 10, 6, 30), paris(6, 10, 19, 0), &[]);
    s.at(paris(6, 10, 7, 0), Event::Service(false));
    s.at(
        paris(6, 10, 14, 0) + TimeDelta::seconds(30),
        Event::Jump(TimeDelta::hours(-3)),
    );
    s.at(paris(6, 10, 14, 1), Event::Service(true));
    s.at(paris(6, 10, 18, 0), Event::Jump(TimeDelta::hours(3)));

    // The app dies mid-send at 20:30 while Gil is due; it starts again at 08:30 the next
    // morning, and the laptop is on again that evening.
    s.catch_up("Gil", 7, 8);
    s.scene(
        paris(7, 14, 22, 50),
        paris(7, 14, 23, 0),
        &[
            (paris(7, 14, 22, 52), Step::Quiet(default_quiet())),
            (paris(7, 14, 22, 53), Step::Cap(3)),
        ],
    );
    s.calm.push((paris(7, 14, 22, 50), paris(7, 16, 22, 0)));
    s.asleep.push((paris(7, 14, 23, 0), paris(7, 15, 20, 30)));
    s.awake.push((paris(7, 15, 20, 30), paris(7, 15, 20, 35)));
    s.asleep.push((paris(7, 15, 20, 35), paris(7, 16, 8, 30)));
    s.awake.push((paris(7, 16, 8, 30), paris(7, 16, 9, 30)));
    s.asleep.push((paris(7, 16, 9, 30), paris(7, 16, 20, 0)));
    s.awake.push((paris(7, 16, 20, 0), paris(7, 16, 21, 30)));
    s.at(
        paris(7, 15, 20, 29),
        Event::ArmCrash(Some(paris(7, 16, 8, 30))),
    );

    // A summer holiday: nudges paused until 10 August.
    let holiday = paris(7, 31, 18, 0);
    s.scene(
        holiday,
        holiday + TimeDelta::minutes(10),
        &[(
            holiday + TimeDelta::minutes(1),
            Step::PauseUntil(NaiveDate::from_ymd_opt(2026, 8, 10)),
        )],
    );

    // The night clocks go back (25 October, 03:00 → 02:00) with quiet hours turned off
    // and Ana coming due that very day.
    s.catch_up("Ana", 10, 18);
    s.scene(
        paris(10, 24, 12, 0),
        paris(10, 26, 9, 0),
        &[
            (paris(10, 24, 12, 5), Step::Quiet(None)),
            (paris(10, 24, 12, 6), Step::Cap(3)),
            (paris(10, 26, 8, 30), Step::Quiet(default_quiet())),
        ],
    );

    // A flight to New York (+01:00 → -05:00) and, a month later, back.
    s.scene(
        paris(11, 14, 8, 0),
        new_york(11, 14, 23, 0),
        &[(paris(11, 14, 8, 5), Step::Quiet(default_quiet()))],
    );
    s.at(new_york(11, 14, 11, 0), Event::Zone(New_York));
    s.scene(new_york(12, 12, 7, 0), paris(12, 12, 23, 0), &[]);
    s.at(new_york(12, 12, 9, 0), Event::Zone(Paris));

    // Nudges paused over Christmas.
    let christmas = paris(12, 19, 18, 0);
    s.scene(
        christmas,
        christmas + TimeDelta::minutes(10),
        &[(
            christmas + TimeDelta::minutes(1),
            Step::PauseUntil(NaiveDate::from_ymd_opt(2026, 12, 28)),
        )],
    );
    s
}

struct Sim {
    rng: Rng,
    _dir: tempfile::TempDir,
    path: PathBuf,
    key: DbKey,
    real: DateTime<Utc>,
    skew: TimeDelta,
    zone: Tz,
    settings: NudgeSettings,
    people: Vec<Person>,
    records: Vec<Record>,
    failure: Option<Failure>,
    desktop: Desktop,
    awake: bool,
    app: App,
    nudge_loop: NudgeLoop<Desktop>,
    /// Whether the loop has shown what an earlier process left undelivered, by the
    /// test's reckoning (`resume`: the first pass with the circle open, not held, where
    /// no send fails).
    loop_resumed: bool,
    next_pass: Option<DateTime<Utc>>,
    /// What was left of the loop's sleep when the lid closed: served after waking.
    frozen_sleep: TimeDelta,
    start_pending: bool,
    unlock_pending: bool,
    /// Which start or unlock is still meant (an earlier one may be overtaken).
    generation: u64,
    /// Which chain of random user actions is live (a new one starts at each wake).
    acts: u64,
    queue: BinaryHeap<Reverse<(DateTime<Utc>, u64)>>,
    events: HashMap<u64, Event>,
    sequence: u64,
    calm: Vec<Span>,
    // The reckoning.
    checked_to: DateTime<Utc>,
    mask: u32,
    stretches: Vec<Option<Stretch>>,
    last_shown: HashMap<MentorId, DateTime<Utc>>,
    zero_sleeps: u32,
    awake_since: Option<DateTime<Utc>>,
    counts: Counts,
    problems: BTreeMap<&'static str, (u64, Vec<String>)>,
}

impl Sim {
    fn new(start: DateTime<Utc>, calm: Vec<Span>) -> Sim {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("circle.db");
        let key = DbKey::from_bytes(&[7; 32]).expect("32 bytes");
        let store = Store::open(&path, &key).expect("a new circle opens");
        let desktop = Desktop::new(start);
        Sim {
            rng: Rng(SEED),
            _dir: dir,
            path,
            key,
            real: start,
            skew: TimeDelta::zero(),
            zone: Paris,
            settings: NudgeSettings::default(),
            people: Vec::new(),
            records: Vec::new(),
            failure: None,
            nudge_loop: NudgeLoop::new(desktop.clone()),
            loop_resumed: false,
            desktop,
            awake: false,
            app: App::Open(store),
            next_pass: None,
            frozen_sleep: TimeDelta::zero(),
            start_pending: false,
            unlock_pending: false,
            generation: 0,
            acts: 0,
            queue: BinaryHeap::new(),
            events: HashMap::new(),
            sequence: 0,
            calm,
            checked_to: start,
            mask: 0,
            stretches: Vec::new(),
            last_shown: HashMap::new(),
            zero_sleeps: 0,
            awake_since: None,
            counts: Counts::default(),
            problems: BTreeMap::new(),
        }
    }

    fn push(&mut self, at: DateTime<Utc>, event: Event) {
        self.sequence += 1;
        self.queue.push(Reverse((at, self.sequence)));
        self.events.insert(self.sequence, event);
    }

    fn problem(&mut self, kind: &'static str, detail: String) {
        let entry = self.problems.entry(kind).or_insert((0, Vec::new()));
        entry.0 += 1;
        if entry.1.len() < 4 {
            entry.1.push(detail);
        }
    }

    fn local(&self, real: DateTime<Utc>) -> DateTime<Tz> {
        (real + self.skew).with_timezone(&self.zone)
    }

    fn today(&self) -> NaiveDate {
        self.local(self.real).date_naive()
    }

    /// "Sun 2026-10-25 00:00:07 +02:00 (real 10-24 22:00:07Z)": what the user's clock said.
    fn when(&self, real: DateTime<Utc>) -> String {
        let local = self.local(real);
        format!(
            "{} (real {})",
            local.format("%a %Y-%m-%d %H:%M:%S %:z"),
            real.format("%m-%d %H:%M:%SZ")
        )
    }

    fn name(&self, id: MentorId) -> &'static str {
        self.people
            .iter()
            .find(|p| p.id == id)
            .map_or("?", |p| p.name)
    }

    fn names(&self, ids: &[MentorId]) -> String {
        ids.iter()
            .map(|id| self.name(*id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn running(&self) -> bool {
        !matches!(self.app, App::Down)
    }

    fn store(&mut self) -> &mut Store {
        match &mut self.app {
            App::Open(store) => store,
            _ => panic!("the circle is not open"),
        }
    }

    /// The alarm: a change wakes the loop at once.
    fn ring(&mut self) {
        if self.running() && self.awake {
            self.next_pass = Some(self.real);
        }
    }

    // --- the reckoning --------------------------------------------------------------

    fn moment(&self, real: DateTime<Utc>) -> Moment {
        let clock = real + self.skew;
        let local = clock.with_timezone(&self.zone);
        let today = local.date_naive();
        let held = self
            .settings
            .paused_until
            .is_some_and(|until| until > today)
            || in_quiet(self.settings.quiet_hours, &local);
        let recorded_today = self
            .records
            .iter()
            .filter(|r| r.at >= clock - RECORD_WINDOW)
            .filter(|r| r.at > clock || r.at.with_timezone(&self.zone).date_naive() == today)
            .count();
        let capped = recorded_today >= usize::from(self.settings.daily_cap);
        let (retry_by_clock, retry_waiting) = match self.failure {
            Some(failure) => {
                // A clock set back behind the failure is not waited for.
                let by_clock = failure.clock <= clock && clock < failure.clock + RETRY_AFTER;
                (by_clock, by_clock && real < failure.real + RETRY_AFTER)
            }
            None => (false, false),
        };
        Moment {
            clock,
            today,
            held,
            capped,
            retry_by_clock,
            retry_waiting,
        }
    }

    fn nudged_within_a_day(&self, id: MentorId, m: &Moment) -> bool {
        self.records
            .iter()
            .any(|r| r.at > m.clock - ONCE_PER_MENTOR && r.mentors.contains(&id))
    }

    fn nudged_today(&self, id: MentorId, m: &Moment) -> bool {
        self.records.iter().any(|r| {
            r.at.with_timezone(&self.zone).date_naive() == m.today && r.mentors.contains(&id)
        })
    }

    /// Due, not snoozed, not nudged in the last 24 hours nor earlier today: the planner
    /// should name them unless the whole circle is held, capped or waiting to retry.
    fn wanted(&self, p: &Person, m: &Moment) -> bool {
        p.due(m.today)
            && !p.snoozed(m.today)
            && !self.nudged_within_a_day(p.id, m)
            && !self.nudged_today(p.id, m)
    }

    fn left_undelivered(&self, id: MentorId, m: &Moment) -> bool {
        self.records
            .iter()
            .any(|r| !r.delivered && r.at >= m.clock - ONCE_PER_MENTOR && r.mentors.contains(&id))
    }

    /// The planner's set at `m`, by the rules in the module doc.
    fn expected(&self, m: &Moment) -> Vec<MentorId> {
        if m.held || m.capped || m.retry_by_clock {
            return Vec::new();
        }
        let mut ids: Vec<MentorId> = self
            .people
            .iter()
            .filter(|p| self.wanted(p, m))
            .map(|p| p.id)
            .collect();
        ids.sort_unstable();
        ids
    }

    /// Who is deliverable at `real`, one bit per person.
    fn deliverable(&self, real: DateTime<Utc>) -> u32 {
        if !self.awake || !self.running() || !self.desktop.screen().up {
            return 0;
        }
        let m = self.moment(real);
        let normal = !m.held && !m.capped && !m.retry_waiting;
        let resuming = matches!(self.app, App::Open(_)) && !self.loop_resumed && !m.held;
        let mut mask = 0;
        for (i, p) in self.people.iter().enumerate() {
            let by_plan = normal && self.wanted(p, &m);
            let by_resume = resuming
                && self.left_undelivered(p.id, &m)
                && p.due(m.today)
                && !p.snoozed(m.today);
            if by_plan || by_resume {
                mask |= 1 << i;
            }
        }
        mask
    }

    /// Every real instant in `(from, to]` where deliverability could change while the
    /// world stands still: midnights, quiet hours' ends and starts (both readings of an
    /// hour the clocks repeat), the moment the clocks change, 24 hours after a nudge, a
    /// nudge's own stamp (for a clock set back), the start and end of a retry wait.
    fn boundaries(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        let (clock_from, clock_to) = (from + self.skew, to + self.skew);
        let mut clock = Vec::new();
        let mut times = vec![NaiveTime::MIN];
        if let Some(q) = self.settings.quiet_hours {
            for minute in [q.from_minute, q.until_minute] {
                times.push(
                    NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)
                        .expect("a time of day"),
                );
            }
        }
        let mut day = clock_from.with_timezone(&self.zone).date_naive() - Days::new(1);
        let last = clock_to.with_timezone(&self.zone).date_naive() + Days::new(1);
        while day <= last {
            for &time in &times {
                clock.extend(instants_of(self.zone, day, time));
            }
            day = day + Days::new(1);
        }
        if offset_at(self.zone, clock_from) != offset_at(self.zone, clock_to) {
            let (mut lo, mut hi) = (clock_from, clock_to);
            while hi - lo > TimeDelta::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_at(self.zone, mid) == offset_at(self.zone, clock_from) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            clock.push(hi);
        }
        for record in &self.records {
            clock.push(record.at);
            clock.push(record.at + ONCE_PER_MENTOR);
        }
        let mut real: Vec<DateTime<Utc>> = clock.into_iter().map(|at| at - self.skew).collect();
        if let Some(failure) = self.failure {
            real.push(failure.real + RETRY_AFTER);
            real.push(failure.clock - self.skew);
            real.push(failure.clock + RETRY_AFTER - self.skew);
        }
        real.retain(|at| *at > from && *at <= to);
        real.sort();
        real.dedup();
        real
    }

    /// Deliverability at `at` is `mask`: open or close each person's stretch.
    fn step(&mut self, at: DateTime<Utc>, mask: u32) {
        for i in 0..self.people.len() {
            let now = mask & (1 << i) != 0;
            match (self.stretches[i], now) {
                (None, true) => {
                    self.stretches[i] = Some(Stretch { since: at });
                    self.counts.due += 1;
                }
                (Some(stretch), false) => {
                    if at - stretch.since > WITHIN {
                        self.late(
                            i,
                            stretch,
                            at,
                            "was never shown; it stopped being deliverable",
                        );
                    } else {
                        self.counts.interrupted += 1;
                    }
                    self.stretches[i] = None;
                }
                _ => {}
            }
        }
    }

    fn late(&mut self, i: usize, stretch: Stretch, at: DateTime<Utc>, how: &str) {
        self.counts.late += 1;
        let wait = at - stretch.since;
        let detail = format!(
            "{} deliverable since {}, {how} at {} ({} h {} min {} s later)",
            self.people[i].name,
            self.when(stretch.since),
            self.when(at),
            wait.num_hours(),
            wait.num_minutes() % 60,
            wait.num_seconds() % 60
        );
        self.problem("a deliverable nudge was not shown within a minute", detail);
    }

    /// The world stood still over `(checked_to, to]`: follow deliverability through it.
    fn observe(&mut self, to: DateTime<Utc>) {
        let from = self.checked_to;
        if to <= from {
            return;
        }
        let at_end = self.deliverable(to);
        let open = self.stretches.iter().any(Option::is_some);
        if at_end != self.mask || open {
            for at in self.boundaries(from, to) {
                let mask = self.deliverable(at);
                self.step(at, mask);
            }
            self.step(to, at_end);
        }
        self.mask = at_end;
        self.checked_to = to;
    }

    /// The world just changed at `real`: deliverability from here on.
    fn settle(&mut self) {
        let mask = self.deliverable(self.real);
        self.step(self.real, mask);
        self.mask = mask;
        self.checked_to = self.real;
    }

    /// The desktop showed a notification naming `ids` now.
    fn shown(&mut self, ids: &[MentorId], how: &str) {
        let m = self.moment(self.real);
        if m.held {
            let detail = format!("{} for {} ({how})", self.when(self.real), self.names(ids));
            self.problem("a nudge was shown in quiet hours or a pause", detail);
        }
        for &id in ids {
            let i = self
                .people
                .iter()
                .position(|p| p.id == id)
                .expect("a known mentor");
            match self.stretches[i].take() {
                Some(stretch) => {
                    self.counts.delivered += 1;
                    let latency = self.real - stretch.since;
                    self.counts.max_latency = self.counts.max_latency.max(latency);
                    if latency > WITHIN {
                        self.late(i, stretch, self.real, "was shown");
                    }
                }
                None => {
                    self.counts.duplicated += 1;
                    let detail = format!(
                        "{} at {} ({how}): due {}, snoozed until {:?}, paused {}, nudged in the last 24 h {}",
                        self.people[i].name,
                        self.when(self.real),
                        self.people[i].due(m.today),
                        self.people[i].snoozed_until,
                        self.people[i].paused,
                        self.nudged_within_a_day(id, &m),
                    );
                    self.problem("a nudge was shown that was not deliverable", detail);
                }
            }
            if let Some(before) = self.last_shown.get(&id).copied() {
                let day = |at: DateTime<Utc>| at.with_timezone(&self.zone).date_naive();
                if day(before) == day(m.clock) {
                    self.counts.duplicated += 1;
                    let detail = format!(
                        "{}: at {} and again at {} ({how})",
                        self.people[i].name,
                        before
                            .with_timezone(&self.zone)
                            .format("%a %Y-%m-%d %H:%M:%S %:z"),
                        self.when(self.real)
                    );
                    self.problem("one mentor was nudged twice in one local day", detail);
                }
            }
            self.last_shown.insert(id, m.clock);
        }
        let on = |month, day| m.today == NaiveDate::from_ymd_opt(2026, month, day).expect("date");
        if self.zone == Paris && on(3, 29) {
            self.counts.shown_on_spring_forward += 1;
        }
        if self.zone == Paris && on(10, 25) {
            self.counts.shown_on_fall_back += 1;
        }
        if self.zone == New_York {
            self.counts.shown_in_new_york += 1;
        }
        if self.failure.is_some() {
            self.counts.retried_after_failure += 1;
        }
        self.failure = None;
        self.counts.notifications += 1;
    }

    fn failed(&mut self) {
        self.counts.failed_sends += 1;
        self.failure = Some(Failure {
            real: self.real,
            clock: self.real + self.skew,
        });
    }

    // --- one pass of the loop -------------------------------------------------------

    fn pass(&mut self) {
        self.next_pass = None;
        self.counts.passes += 1;
        let local = self.local(self.real);
        let before = self.moment(self.real);
        if nudges::held(&local, &self.settings) != before.held {
            let detail = format!("{}: held says {}", self.when(self.real), !before.held);
            self.problem("held disagrees with the settings", detail);
        }
        let resumable: Vec<NudgeId> = self
            .records
            .iter()
            .filter(|r| !r.delivered)
            .filter_map(|r| r.id)
            .collect();
        {
            let mut screen = self.desktop.screen();
            screen.real = self.real;
            screen.resumable = resumable.clone();
            screen.asked.clear();
        }
        let locked = matches!(self.app, App::Locked(_));
        let resuming = !locked && !self.loop_resumed;
        let nudge_loop = &mut self.nudge_loop;
        let ran = match &mut self.app {
            App::Open(store) => {
                std::panic::catch_unwind(AssertUnwindSafe(|| nudge_loop.tick(store, &local)))
            }
            App::Locked(schedule) => Ok(Ok(nudge_loop.tick_locked(schedule, &local))),
            App::Down => return,
        };
        let tick = match ran {
            Ok(tick) => Some(tick.expect("a pass reads and writes the circle")),
            Err(end) if end.is::<Died>() => None,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        let (resent, mut planned): (Vec<_>, Vec<_>) =
            std::mem::take(&mut self.desktop.screen().asked)
                .into_iter()
                .partition(|(id, ..)| resumable.contains(id));
        if planned.len() > 1 {
            let detail = format!("{}: {planned:?}", self.when(self.real));
            self.problem("one pass sent more than one new nudge", detail);
        }
        let sent = planned.pop();

        let mut resumed: Vec<Resumed> = resent
            .into_iter()
            .map(|(id, nudge, delivery)| match delivery {
                Delivery::Shown => Resumed::Shown(id, nudge.mentor_ids),
                Delivery::Failed | Delivery::Died => Resumed::Failed(id, nudge.mentor_ids),
            })
            .collect();
        if resuming && let App::Open(store) = &self.app {
            // What `resume` forgot (none of its mentors still due) is gone from the record.
            let kept: Vec<NudgeId> = store
                .undelivered_nudges(self.real + self.skew - TimeDelta::days(30))
                .expect("record read")
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            let forgotten = resumable.iter().copied().filter(|id| {
                !kept.contains(id)
                    && !resumed.iter().any(|step| {
                        matches!(step, Resumed::Shown(shown, _) | Resumed::Failed(shown, _) if shown == id)
                    })
            });
            resumed.extend(forgotten.map(Resumed::Forgotten).collect::<Vec<_>>());
        }
        let resume_failed = resumed
            .iter()
            .any(|step| matches!(step, Resumed::Failed(..)));
        for step in &resumed {
            self.resumed(step);
        }
        if resuming && !before.held && !resume_failed {
            self.loop_resumed = true;
        }
        let shown_id = sent
            .as_ref()
            .filter(|(_, _, delivery)| *delivery == Delivery::Shown)
            .map(|(id, ..)| *id);
        if let Some(tick) = &tick
            && tick.sent != shown_id
        {
            let detail = format!(
                "{}: the pass says {:?}, the desktop showed {shown_id:?}",
                self.when(self.real),
                tick.sent
            );
            self.problem("the pass reports another send than the desktop saw", detail);
        }

        let m = self.moment(self.real);
        let expected = self.expected(&m);
        let mut planned: Vec<MentorId> = sent
            .as_ref()
            .map(|(_, nudge, _)| nudge.mentor_ids.clone())
            .unwrap_or_default();
        planned.sort_unstable();
        if planned != expected {
            let detail = format!(
                "at {}{}: planned [{}], the rules say [{}] (held {}, capped {}, retrying {})",
                self.when(self.real),
                if locked { " (locked)" } else { "" },
                self.names(&planned),
                self.names(&expected),
                m.held,
                m.capped,
                m.retry_by_clock
            );
            self.problem("the planner's choice differs from the rules", detail);
        }
        if let Some((id, nudge, delivery)) = sent {
            self.check_form(&nudge, locked, &m);
            match delivery {
                Delivery::Shown => {
                    self.shown(&nudge.mentor_ids, if locked { "locked" } else { "planned" });
                    self.records.push(Record {
                        id: (!locked).then_some(id),
                        at: m.clock,
                        real: self.real,
                        mentors: nudge.mentor_ids.clone(),
                        delivered: true,
                    });
                    if nudge.is_digest() {
                        self.counts.digests += 1;
                    }
                    if locked {
                        self.counts.locked_deliveries += 1;
                    } else if self.rng.one_in(5) {
                        let click =
                            self.rng
                                .pick(&[Click::Open, Click::LogCatchUp, Click::SnoozeADay]);
                        let after = self.rng.spread(TimeDelta::seconds(10), TimeDelta::hours(3));
                        self.push(self.real + after, Event::Click(id, click));
                    }
                }
                Delivery::Failed => self.failed(),
                Delivery::Died => {
                    self.records.push(Record {
                        id: Some(id),
                        at: m.clock,
                        real: self.real,
                        mentors: nudge.mentor_ids.clone(),
                        delivered: false,
                    });
                    self.crashed();
                    return;
                }
            }
        }

        let wake_at = tick
            .expect("a pass the app did not die in says when to look again")
            .wake_at;
        let sleep = wake_at - m.clock;
        if sleep > LONGEST_SLEEP {
            let detail = format!("{}: until {wake_at}", self.when(self.real));
            self.problem("the loop was told to sleep longer than a minute", detail);
        }
        let mut sleep = sleep.max(TimeDelta::zero());
        if sleep.is_zero() {
            self.zero_sleeps += 1;
            if self.zero_sleeps > 10 {
                self.problem("the loop spins", self.when(self.real));
                sleep = LONGEST_SLEEP;
            }
        } else {
            self.zero_sleeps = 0;
            // Woken early now and then: the alarm (a change in the window), or the OS.
            if sleep > TimeDelta::seconds(1) && self.rng.one_in(20) {
                let millis = u64::try_from(sleep.num_milliseconds()).expect("positive");
                sleep = TimeDelta::milliseconds(
                    i64::try_from(1 + self.rng.below(millis)).expect("millis"),
                );
            }
        }
        self.next_pass = Some(self.real + sleep);
    }

    fn resumed(&mut self, step: &Resumed) {
        let m = self.moment(self.real);
        let (id, ids) = match step {
            Resumed::Shown(id, ids) | Resumed::Failed(id, ids) => (*id, ids.clone()),
            Resumed::Forgotten(id) => (*id, Vec::new()),
        };
        let Some(index) = self.records.iter().position(|r| r.id == Some(id)) else {
            self.problem("resume showed a record the test never saw", format!("{id}"));
            return;
        };
        let mut expected: Vec<MentorId> = self.records[index]
            .mentors
            .iter()
            .copied()
            .filter(|mid| {
                self.people
                    .iter()
                    .find(|p| p.id == *mid)
                    .is_some_and(|p| p.due(m.today) && !p.snoozed(m.today))
            })
            .collect();
        let mut got = ids.clone();
        expected.sort_unstable();
        got.sort_unstable();
        if got != expected || self.records[index].delivered {
            let detail = format!(
                "at {}: [{}] for record {id}, expected [{}]",
                self.when(self.real),
                self.names(&got),
                self.names(&expected)
            );
            self.problem("resend differs from the rules", detail);
        }
        match step {
            Resumed::Shown(..) => {
                // Restamped when shown: it counts from now, as the user saw it now.
                let record = &mut self.records[index];
                record.delivered = true;
                record.at = m.clock;
                record.real = self.real;
                self.counts.resent += 1;
                self.shown(&ids, "resent after a crash");
            }
            Resumed::Failed(..) => self.failed(),
            Resumed::Forgotten(_) => {
                self.records.remove(index);
            }
        }
    }

    /// A digest says how many; a single nudge names the mentor (unless names are off or
    /// the app is locked); the most overdue lead.
    fn check_form(&mut self, nudge: &Nudge, locked: bool, m: &Moment) {
        let count = nudge.mentor_ids.len();
        let names = self.settings.show_names && !locked;
        let title = match (count, names) {
            (1, true) => format!("Time to catch up with {}", self.name(nudge.mentor_ids[0])),
            (1, false) => "Time to catch up with a mentor".to_string(),
            (n, _) => format!("{n} mentors are due for a catch-up"),
        };
        if nudge.title != title || nudge.is_digest() != (count > 1) {
            let detail = format!(
                "{}: {:?}, expected {title:?}",
                self.when(self.real),
                nudge.title
            );
            self.problem("a nudge's words are wrong", detail);
        }
        let keys: Vec<(bool, NaiveDate)> = nudge
            .mentor_ids
            .iter()
            .filter_map(|id| self.people.iter().find(|p| p.id == *id))
            .map(|p| {
                let since = if locked { p.due_on() } else { p.counts_from() };
                (m.today < p.overdue_from(), since)
            })
            .collect();
        if keys.windows(2).any(|pair| pair[0] > pair[1]) {
            let detail = format!(
                "{}: [{}]",
                self.when(self.real),
                self.names(&nudge.mentor_ids)
            );
            self.problem("a digest does not lead with the most overdue", detail);
        }
    }

    // --- the app's life ---------------------------------------------------------------

    /// Opens the circle as a new process does, and checks the store kept what the test
    /// believes it holds.
    fn start(&mut self) {
        let store = Store::open(&self.path, &self.key).expect("the circle reopens");
        let clock = self.real + self.skew;
        let settings = store.nudge_settings().expect("settings read");
        if settings != self.settings {
            let detail = format!("{settings:?} instead of {:?}", self.settings);
            self.problem("the store lost the settings", detail);
        }
        let mut kept: Vec<(DateTime<Utc>, Vec<MentorId>)> = store
            .nudges_since(clock - RECORD_WINDOW)
            .expect("record read")
            .into_iter()
            .map(|mut sent| {
                sent.mentor_ids.sort_unstable();
                (sent.at, sent.mentor_ids)
            })
            .collect();
        let mut believed: Vec<(DateTime<Utc>, Vec<MentorId>)> = self
            .records
            .iter()
            .filter(|r| r.at >= clock - RECORD_WINDOW)
            .map(|r| {
                let mut ids = r.mentors.clone();
                ids.sort_unstable();
                (r.at, ids)
            })
            .collect();
        kept.sort();
        believed.sort();
        if kept != believed {
            let detail = format!("{}: {kept:?} instead of {believed:?}", self.when(self.real));
            self.problem("the store's record differs from what was sent", detail);
        }
        self.app = App::Open(store);
        // A new process: no retry pending, nothing resumed yet.
        self.nudge_loop = NudgeLoop::new(self.desktop.clone());
        self.loop_resumed = false;
        self.failure = None;
        self.start_pending = false;
        self.counts.restarts += 1;
        // The first pass waits for the window's first screen, at most three seconds.
        let wait = i64::try_from(self.rng.below(3000)).expect("millis");
        self.next_pass = Some(self.real + TimeDelta::milliseconds(wait));
    }

    fn stop(&mut self, restart_at: DateTime<Utc>) {
        self.app = App::Down;
        self.next_pass = None;
        self.generation += 1;
        self.push(restart_at, Event::Start(self.generation));
    }

    fn crashed(&mut self) {
        self.counts.crashes += 1;
        let crash = self.desktop.screen().crash.take();
        let restart_at = crash.and_then(|crash| crash.restart_at).unwrap_or_else(|| {
            self.real
                + self
                    .rng
                    .spread(TimeDelta::seconds(10), TimeDelta::hours(14))
        });
        self.stop(restart_at);
    }

    fn lock(&mut self, unlock_at: Option<DateTime<Utc>>) {
        let App::Open(store) = std::mem::replace(&mut self.app, App::Down) else {
            panic!("only an open circle locks");
        };
        let m = self.moment(self.real);
        let schedule = store
            .locked_schedule(m.today, m.clock)
            .expect("timetable read");
        drop(store);
        let mut wrong = Vec::new();
        for person in &self.people {
            let scheduled = schedule.mentors.iter().find(|s| s.mentor_id == person.id);
            let right = match scheduled {
                None => person.paused,
                Some(s) => {
                    !person.paused
                        && s.due_on == person.due_on()
                        && s.overdue_from == person.overdue_from()
                        && s.snoozed_until == person.snoozed_until.filter(|until| *until > m.today)
                        && s.review_from.is_none()
                }
            };
            if !right {
                wrong.push(format!(
                    "{}: {scheduled:?} for {person:?}",
                    self.when(self.real)
                ));
            }
        }
        for detail in wrong {
            self.problem("the locked timetable differs from the circle", detail);
        }
        self.app = App::Locked(schedule);
        self.counts.locks += 1;
        self.generation += 1;
        if let Some(at) = unlock_at {
            self.push(at, Event::Unlock(self.generation));
        }
        self.ring();
    }

    fn unlock(&mut self) {
        let App::Locked(schedule) = std::mem::replace(&mut self.app, App::Down) else {
            panic!("only a locked app unlocks");
        };
        let mut store = Store::open(&self.path, &self.key).expect("the circle reopens");
        store
            .record_locked_nudges(&schedule, &self.zone)
            .expect("nudges sent while locked recorded");
        self.app = App::Open(store);
        self.unlock_pending = false;
        self.ring();
    }

    /// The user opens the app: unlocking it, or starting it.
    fn open(&mut self) {
        match self.app {
            App::Locked(_) => self.unlock(),
            App::Down => self.start(),
            App::Open(_) => {}
        }
    }

    // --- what the user does ------------------------------------------------------------

    fn join(&mut self, name: &'static str, cadence: u32, max_gap: u32) {
        let today = self.today();
        let agreement = Agreement::ongoing(cadence, max_gap, Mode::Video, today);
        let draft = MentorDraft::new(name, vec![Role::Adviser], agreement);
        let id = self
            .store()
            .add_mentor(&draft, today)
            .expect("mentor added")
            .id;
        self.people.push(Person {
            id,
            name,
            cadence,
            max_gap,
            added_on: today,
            last_catch_up: None,
            paused: false,
            snoozed_until: None,
            in_scenes: IN_SCENES.contains(&name),
        });
        self.stretches.push(None);
        self.ring();
    }

    fn catch_up(&mut self, i: usize, date: NaiveDate) {
        let today = self.today();
        let draft = CatchUpDraft {
            mentor_id: self.people[i].id,
            date,
            mode: Mode::Video,
            note: String::new(),
            discussed: Vec::new(),
            reported_back: Vec::new(),
        };
        self.store()
            .log_catch_up(&draft, today)
            .expect("catch-up logged");
        let person = &mut self.people[i];
        person.last_catch_up = Some(person.last_catch_up.map_or(date, |last| last.max(date)));
        self.counts.catch_ups += 1;
        self.ring();
    }

    fn change_settings(&mut self, change: impl FnOnce(&mut NudgeSettings)) {
        let today = self.today();
        let mut settings = self.settings;
        // A pause that has ended is refused on save; the user clears it, as the form asks.
        settings.paused_until = settings.paused_until.filter(|until| *until > today);
        change(&mut settings);
        self.settings = self
            .store()
            .set_nudge_settings(&settings, today)
            .expect("valid settings saved");
        self.ring();
    }

    fn scene(&mut self, step: Step) {
        if !matches!(step, Step::Open | Step::Unlock) {
            self.open();
        }
        match step {
            Step::Open => self.open(),
            Step::Quiet(hours) => self.change_settings(|s| s.quiet_hours = hours),
            Step::PauseUntil(until) => {
                self.counts.pauses += 1;
                self.change_settings(|s| s.paused_until = until);
            }
            Step::Cap(cap) => self.change_settings(|s| s.daily_cap = cap),
            Step::CatchUp(name) => {
                let i = self
                    .people
                    .iter()
                    .position(|p| p.name == name)
                    .expect("a mentor of the circle");
                let today = self.today();
                self.catch_up(i, today);
            }
            Step::Join(name, cadence, max_gap) => self.join(name, cadence, max_gap),
            Step::Lock => self.lock(None),
            Step::Unlock => self.open(),
        }
    }

    /// One thing a user might do with the app open.
    fn act(&mut self) {
        let today = self.today();
        let due: Vec<usize> = (0..self.people.len())
            .filter(|&i| self.people[i].due(today))
            .collect();
        match self.rng.below(100) {
            // A catch-up with someone due, logged that day or a few days late.
            0..=29 if !due.is_empty() => {
                let i = self.rng.pick(&due);
                let date = today - Days::new(self.rng.below(4));
                self.catch_up(i, date);
            }
            30..=37 if !due.is_empty() => {
                let i = self.rng.pick(&due);
                let ahead = Days::new(1 + self.rng.below(10));
                let snooze = self.rng.pick(&[
                    Snooze::Tomorrow,
                    Snooze::ThisWeekend,
                    Snooze::NextWeek,
                    Snooze::Until(today + ahead),
                ]);
                let id = self.people[i].id;
                let until = self
                    .store()
                    .snooze(id, Some(snooze), today)
                    .expect("snoozed");
                self.people[i].snoozed_until = until;
                self.counts.snoozes += 1;
                self.ring();
            }
            38..=40 => {
                let snoozed: Vec<usize> = (0..self.people.len())
                    .filter(|&i| self.people[i].snoozed(today))
                    .collect();
                if !snoozed.is_empty() {
                    let i = self.rng.pick(&snoozed);
                    let id = self.people[i].id;
                    self.store().snooze(id, None, today).expect("unsnoozed");
                    self.people[i].snoozed_until = None;
                    self.ring();
                }
            }
            41..=45 => {
                let choices: Vec<usize> = (0..self.people.len())
                    .filter(|&i| !self.people[i].in_scenes)
                    .collect();
                if !choices.is_empty() {
                    let i = self.rng.pick(&choices);
                    let paused = !self.people[i].paused;
                    let status = if paused {
                        MentorStatus::Paused
                    } else {
                        MentorStatus::Active
                    };
                    let id = self.people[i].id;
                    self.store().set_status(id, status).expect("status set");
                    self.people[i].paused = paused;
                    self.counts.mentor_pauses += u64::from(paused);
                    self.ring();
                }
            }
            46..=51 => {
                let hours = self.rng.pick(&[
                    default_quiet(),
                    default_quiet(),
                    quiet((22, 0), (7, 0)),
                    quiet((12, 0), (14, 0)),
                    None,
                ]);
                self.change_settings(|s| s.quiet_hours = hours);
            }
            52..=53 => {
                let cap = self.rng.pick(&[1, 2, 3, 3, 5]);
                self.change_settings(|s| s.daily_cap = cap);
            }
            54..=55 => self.change_settings(|s| s.show_names = !s.show_names),
            56..=59 => {
                let unlock_at =
                    self.real + self.rng.spread(TimeDelta::minutes(5), TimeDelta::days(2));
                self.lock(Some(unlock_at));
            }
            60..=63 => {
                let restart_at =
                    self.real + self.rng.spread(TimeDelta::seconds(5), TimeDelta::hours(3));
                self.stop(restart_at);
            }
            _ => {}
        }
    }

    fn click(&mut self, id: NudgeId, click: Click) {
        let Some(record) = self.records.iter().find(|r| r.id == Some(id)).cloned() else {
            return;
        };
        let today = self.today();
        match click {
            Click::Open => self
                .store()
                .set_nudge_outcome(id, NudgeOutcome::Opened)
                .expect("outcome"),
            Click::LogCatchUp => {
                self.store()
                    .set_nudge_outcome(id, NudgeOutcome::LoggedCatchUp)
                    .expect("outcome");
                if let Some(i) = self.people.iter().position(|p| p.id == record.mentors[0]) {
                    self.catch_up(i, today);
                }
            }
            Click::SnoozeADay => {
                self.store().snooze_nudge(id, today).expect("snoozed a day");
                for person in &mut self.people {
                    if record.mentors.contains(&person.id) {
                        person.snoozed_until = Some(today + Days::new(1));
                    }
                }
                self.counts.snoozes += 1;
            }
        }
        self.ring();
    }

    fn apply(&mut self, event: Event) {
        let calm = overlaps(&self.calm, self.real, self.real + TimeDelta::seconds(1));
        match event {
            Event::Wake => {
                self.awake = true;
                self.awake_since = Some(self.real);
                if self.running() {
                    self.next_pass = Some(self.real + self.frozen_sleep);
                }
                if self.start_pending {
                    self.start();
                }
                if self.unlock_pending {
                    let at = self.real
                        + self
                            .rng
                            .spread(TimeDelta::seconds(10), TimeDelta::minutes(20));
                    self.push(at, Event::Unlock(self.generation));
                }
                self.acts += 1;
                let at = self.real + self.rng.spread(TimeDelta::minutes(1), TimeDelta::hours(1));
                self.push(at, Event::Act(self.acts));
            }
            Event::Sleep => {
                self.awake = false;
                if let Some(since) = self.awake_since.take() {
                    self.counts.awake_seconds += (self.real - since).num_seconds();
                }
                if let Some(next) = self.next_pass.take() {
                    self.frozen_sleep = (next - self.real).max(TimeDelta::zero());
                }
            }
            Event::Jump(by) => {
                self.skew += by;
                self.counts.clock_jumps += 1;
            }
            Event::Zone(zone) => {
                self.zone = zone;
                self.counts.zone_changes += 1;
            }
            Event::Service(up) => self.desktop.screen().up = up,
            Event::ArmCrash(restart_at) => {
                self.desktop.screen().crash = Some(Crash {
                    until: self.real + TimeDelta::hours(6),
                    restart_at,
                    struck: false,
                });
            }
            Event::Act(chain) => {
                if chain == self.acts && self.awake {
                    if matches!(self.app, App::Open(_)) && !calm {
                        self.act();
                    }
                    let at =
                        self.real + self.rng.spread(TimeDelta::minutes(2), TimeDelta::hours(3));
                    self.push(at, Event::Act(self.acts));
                }
            }
            Event::Start(generation) => {
                if matches!(self.app, App::Down) && generation == self.generation {
                    if self.awake {
                        self.start();
                    } else {
                        self.start_pending = true;
                    }
                }
            }
            Event::Unlock(generation) => {
                if matches!(self.app, App::Locked(_)) && generation == self.generation {
                    if self.awake {
                        self.unlock();
                    } else {
                        self.unlock_pending = true;
                    }
                }
            }
            Event::Click(id, click) => {
                if self.awake && matches!(self.app, App::Open(_)) && !calm {
                    self.click(id, click);
                }
            }
            Event::Scene(step) => self.scene(step),
        }
    }

    // --- the year ------------------------------------------------------------------------

    fn run(&mut self, end: DateTime<Utc>) {
        loop {
            let event_at = self.queue.peek().map(|Reverse((at, _))| *at);
            let at = match (event_at, self.next_pass) {
                (Some(event), Some(pass)) => event.min(pass),
                (Some(event), None) => event,
                (None, Some(pass)) => pass,
                (None, None) => break,
            };
            if at >= end {
                break;
            }
            self.observe(at);
            self.real = at;
            if event_at == Some(at) {
                let Some(Reverse((_, sequence))) = self.queue.pop() else {
                    break;
                };
                let event = self.events.remove(&sequence).expect("a queued event");
                self.apply(event);
            } else {
                self.pass();
            }
            self.settle();
            self.records
                .retain(|r| r.real > self.real - TimeDelta::days(4));
        }
        self.observe(end);
        self.real = end;
        for i in 0..self.people.len() {
            if let Some(stretch) = self.stretches[i]
                && end - stretch.since > WITHIN
            {
                self.late(i, stretch, end, "was still waiting when the year ended");
            }
        }
        if let Some(since) = self.awake_since {
            self.counts.awake_seconds += (end - since).num_seconds();
        }
    }
}

/// The random part of the year: when the laptop is awake, the notification service
/// missing, the clock wrong, a crash waiting for the next send; none of it inside a scene.
fn random_world(sim: &mut Sim, scenes: &Scenes, start: DateTime<Utc>, end: DateTime<Utc>) {
    let rng = &mut sim.rng;
    let mut awake = Vec::new();
    let mut at = start + TimeDelta::minutes(30);
    while at < end {
        let until = at + rng.spread(TimeDelta::minutes(2), TimeDelta::hours(3));
        awake.push((at, until));
        at = until + rng.spread(TimeDelta::minutes(1), TimeDelta::days(4));
    }
    let mut awake = without(awake, &scenes.asleep);
    awake.extend(scenes.awake.iter().copied());
    let awake = merged(awake);

    let calm = &scenes.calm;
    let mut outages = Vec::new();
    for _ in 0..30 {
        let from = rng.instant(start, end);
        let to = from + rng.spread(TimeDelta::minutes(3), TimeDelta::days(2));
        if !overlaps(calm, from, to) {
            outages.push((from, to));
        }
    }
    let outages = merged(outages);

    let mut wrong: Vec<Span> = Vec::new();
    let mut jumps = Vec::new();
    for _ in 0..30 {
        let from = rng.instant(start, end);
        let to = from + rng.spread(TimeDelta::minutes(10), TimeDelta::days(3));
        if overlaps(calm, from, to) || overlaps(&wrong, from, to) {
            continue;
        }
        let hours = i64::try_from(1 + rng.below(6)).expect("hours");
        let seconds = i64::try_from(rng.below(3600)).expect("seconds");
        let by = TimeDelta::seconds(hours * 3600 + seconds);
        let by = if rng.one_in(2) { -by } else { by };
        wrong.push((from, to));
        jumps.push((from, by));
        jumps.push((to, -by));
    }

    let mut crashes = Vec::new();
    for _ in 0..12 {
        let at = rng.instant(start, end);
        if !overlaps(calm, at, at + TimeDelta::hours(6)) {
            crashes.push(at);
        }
    }

    for (from, to) in awake {
        sim.push(from, Event::Wake);
        sim.push(to, Event::Sleep);
    }
    for (from, to) in outages {
        sim.push(from, Event::Service(false));
        sim.push(to, Event::Service(true));
    }
    for (at, by) in jumps {
        sim.push(at, Event::Jump(by));
    }
    for at in crashes {
        sim.push(at, Event::ArmCrash(None));
    }
    for &(at, event) in &scenes.events {
        sim.push(at, event);
    }
}

#[test]
fn a_year_of_nudges_each_due_one_arrives_once_within_a_minute_and_never_in_quiet_hours() {
    let started = std::time::Instant::now();
    let start = paris(1, 1, 0, 0);
    let end = wall(Paris, 2027, 1, 1, 0, 0);
    let scenes = scenes();
    let mut sim = Sim::new(start, scenes.calm.clone());

    // The circle on New Year's Day, with the catch-ups of the autumn before.
    let before = |m: u32, d: u32| NaiveDate::from_ymd_opt(2025, m, d).expect("date");
    for (name, cadence, max_gap, last) in [
        ("Ana", 7, 10, Some(before(12, 28))),
        ("Ben", 14, 21, Some(before(12, 20))),
        ("Chloé", 30, 45, Some(before(12, 10))),
        ("Dev", 90, 120, Some(before(10, 15))),
        ("Eva", 14, 14, None),
    ] {
        sim.join(name, cadence, max_gap);
        if let Some(last) = last {
            let i = sim.people.len() - 1;
            sim.catch_up(i, last);
        }
    }
    random_world(&mut sim, &scenes, start, end);
    sim.settle();
    sim.run(end);

    let c = &sim.counts;
    println!(
        "year of nudges: due {}, delivered {}, late {}, duplicated {} \
         (notifications {}, digests {}, restarts {}, crashes mid-send {}, resent {}, \
         clock jumps {}, zone changes {}, locks {}, shown while locked {}, \
         missing-service sends {}, retried and shown {}, interrupted {}, catch-ups {}, \
         snoozes {}, pauses {} (and {} of a mentor), passes {}, awake {} h, slowest {} s) in {:.1} s",
        c.due,
        c.delivered,
        c.late,
        c.duplicated,
        c.notifications,
        c.digests,
        c.restarts,
        c.crashes,
        c.resent,
        c.clock_jumps,
        c.zone_changes,
        c.locks,
        c.locked_deliveries,
        c.failed_sends,
        c.retried_after_failure,
        c.interrupted,
        c.catch_ups,
        c.snoozes,
        c.pauses,
        c.mentor_pauses,
        c.passes,
        c.awake_seconds / 3600,
        c.max_latency.num_seconds(),
        started.elapsed().as_secs_f64()
    );

    // The year really held the hard parts: else the checks below prove little.
    let covered = [
        ("digests", c.digests),
        ("restarts", c.restarts),
        ("crashes mid-send", c.crashes),
        ("nudges resent after a crash", c.resent),
        ("clock jumps", c.clock_jumps),
        ("zone changes", c.zone_changes),
        ("nudges shown while locked", c.locked_deliveries),
        ("sends with no notification service", c.failed_sends),
        ("nudges shown on a retry", c.retried_after_failure),
        (
            "nudges shown the day clocks go forward",
            c.shown_on_spring_forward,
        ),
        ("nudges shown the day clocks go back", c.shown_on_fall_back),
        ("mentors paused", c.mentor_pauses),
        ("holiday pauses", c.pauses),
        ("nudges shown in New York", c.shown_in_new_york),
        ("snoozes", c.snoozes),
        ("catch-ups", c.catch_ups),
    ];
    let mut report: Vec<String> = covered
        .iter()
        .filter(|(_, count)| *count == 0)
        .map(|(what, _)| format!("the year had no {what}: the simulation no longer covers it"))
        .collect();
    report.extend(sim.problems.iter().map(|(kind, (count, examples))| {
        format!(
            "{kind}: {count} time(s), e.g.\n    {}",
            examples.join("\n    ")
        )
    }));
    assert!(
        report.is_empty(),
        "over the year:\n  {}",
        report.join("\n  ")
    );
}
