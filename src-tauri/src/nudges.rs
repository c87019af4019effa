//! The nudge loop: it sleeps until the planner says something could change (at most a
//! minute, so a suspended laptop or a clock jump is noticed soon after), asks the planner
//! in `mentor-core` what to send, records it, and hands it to the desktop's notification
//! service. Every decision is the planner's; this module only does the I/O.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use mentor_core::Store;
use mentor_core::model::MentorId;
use mentor_core::nudge::{self, LockedSchedule, Nudge, NudgeId};
use serde::Serialize;

/// How far back the planner needs the record: the current local day, whatever the zone.
const RECORD_WINDOW: TimeDelta = TimeDelta::days(2);

/// The id a notification sent while locked carries: it is not in the database yet, so
/// its buttons only open the window.
pub const LOCKED_NUDGE: NudgeId = 0;

/// Shows a notification. The real one talks to the desktop; tests may record.
pub trait Notifier: Send + Sync {
    /// Hands `nudge` (recorded as `id`) to the OS, or says why it could not.
    fn show(&self, nudge: &Nudge, id: NudgeId) -> Result<(), String>;
}

/// What one pass of the loop did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    /// When to run the next pass.
    pub wake_at: DateTime<Utc>,
    /// Mentors due or overdue for a catch-up now (snoozed or not): the tray's count.
    pub due: usize,
    /// The notification sent in this pass, if any.
    pub sent: Option<NudgeId>,
}

/// Why notifications are not reaching the user, for the app to show once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryProblem {
    pub message: String,
    /// The user closed the notice; it comes back only after a delivery works again and
    /// then fails anew.
    pub dismissed: bool,
}

/// The loop's memory between passes: when a failed delivery may be retried, and whether
/// delivery is failing.
pub struct NudgeLoop<N> {
    notifier: N,
    retry_at: Option<DateTime<Utc>>,
    problem: Option<DeliveryProblem>,
    /// Whether this process has shown what an earlier one recorded but died before
    /// showing; done once, on the first pass with the circle open.
    resumed: bool,
}

impl<N: Notifier> NudgeLoop<N> {
    pub fn new(notifier: N) -> NudgeLoop<N> {
        NudgeLoop {
            notifier,
            retry_at: None,
            problem: None,
            resumed: false,
        }
    }

    /// One pass at `now` (the user's local time): plan, record, send.
    pub fn tick<Tz: TimeZone>(
        &mut self,
        store: &mut Store,
        now: &DateTime<Tz>,
    ) -> mentor_core::Result<Tick> {
        let now_utc = now.with_timezone(&Utc);
        let today = now.date_naive();
        let settings = store.nudge_settings()?;
        let candidates = store.nudge_candidates(today)?;
        if !self.resumed {
            self.resume(store, &settings, &candidates, now)?;
        }
        let sent = store.nudges_since(now_utc - RECORD_WINDOW)?;
        let plan = nudge::plan(now, &settings, &candidates, &sent, self.retry_at);
        let mut tick = Tick {
            wake_at: plan.wake_at,
            due: candidates.len(),
            sent: None,
        };
        let Some(nudge) = plan.send else {
            return Ok(tick);
        };
        // Recorded first, and marked delivered once shown: a crash in between leaves an
        // undelivered record, which the next start shows (`resume`) instead of a new one.
        let id = store.record_nudge(&nudge, now_utc, today)?;
        if self.deliver(&nudge, id, now_utc) {
            store.nudge_delivered(id)?;
            tick.sent = Some(id);
        } else {
            store.forget_nudge(id)?;
        }
        tick.wake_at = self.next_look(tick.wake_at, now_utc);
        Ok(tick)
    }

    /// Shows the nudges an earlier run recorded but died before the desktop showed them
    /// (at most a day old; quiet hours and a pause hold them like any nudge). Each keeps
    /// its record, so it counts once towards "once a day"; one whose mentors are no
    /// longer due is forgotten.
    fn resume<Tz: TimeZone>(
        &mut self,
        store: &mut Store,
        settings: &nudge::NudgeSettings,
        candidates: &[nudge::Candidate],
        now: &DateTime<Tz>,
    ) -> mentor_core::Result<()> {
        if nudge::held(now, settings) {
            return Ok(());
        }
        let (today, now) = (now.date_naive(), now.with_timezone(&Utc));
        for (id, mentor_ids) in store.undelivered_nudges(now - nudge::ONCE_PER_MENTOR)? {
            match nudge::resend(&mentor_ids, candidates, settings.show_names, today) {
                Some(again) if self.deliver(&again, id, now) => store.nudge_delivered(id)?,
                // Not shown now: tried again at the next start, or by the planner.
                Some(_) => return Ok(()),
                None => store.forget_nudge(id)?,
            }
        }
        self.resumed = true;
        Ok(())
    }

    /// One pass while the app is locked: the same planner over the nameless timetable;
    /// what is sent is kept in `schedule` until it can be recorded.
    pub fn tick_locked<Tz: TimeZone>(
        &mut self,
        schedule: &mut LockedSchedule,
        now: &DateTime<Tz>,
    ) -> Tick {
        let now_utc = now.with_timezone(&Utc);
        let plan = schedule.plan(now, self.retry_at);
        let mut tick = Tick {
            wake_at: plan.wake_at,
            due: schedule.candidates(now.date_naive()).len(),
            sent: None,
        };
        if let Some(nudge) = plan.send {
            if self.deliver(&nudge, LOCKED_NUDGE, now_utc) {
                schedule.sent(&nudge, now_utc);
                tick.sent = Some(LOCKED_NUDGE);
            }
            tick.wake_at = self.next_look(tick.wake_at, now_utc);
        }
        tick
    }

    /// After a send: look again now if it worked (someone else may be due, the daily
    /// cap permitting), else by the retry time.
    fn next_look(&self, planned: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
        self.retry_at.map_or(now, |retry_at| planned.min(retry_at))
    }

    /// Shows `nudge`; on failure keeps why (to show once) and when to retry.
    fn deliver(&mut self, nudge: &Nudge, id: NudgeId, now: DateTime<Utc>) -> bool {
        match self.notifier.show(nudge, id) {
            Ok(()) => {
                self.retry_at = None;
                self.problem = None;
                true
            }
            Err(reason) => {
                self.retry_at = Some(now + nudge::RETRY_AFTER);
                if self.problem.is_none() {
                    eprintln!("mentor-circle: a nudge could not be shown: {reason}");
                    self.problem = Some(DeliveryProblem {
                        message: delivery_advice(&reason),
                        dismissed: false,
                    });
                }
                false
            }
        }
    }

    /// Why nudges are not arriving, if they are not.
    pub fn problem(&self) -> Option<&DeliveryProblem> {
        self.problem.as_ref()
    }

    /// The user has seen the notice.
    pub fn dismiss_problem(&mut self) {
        if let Some(problem) = &mut self.problem {
            problem.dismissed = true;
        }
    }
}

/// The user's words for a delivery failure. The OS error (which never holds personal
/// text: the notification's content is not part of it) goes to the log, not the UI.
fn delivery_advice(reason: &str) -> String {
    let reason = reason.to_lowercase();
    if reason.contains("serviceunknown") || reason.contains("service unknown") {
        "Your desktop has no notification service running, so nudges can't pop up. \
         Your Today list stays up to date, and nudges will be tried again."
            .to_string()
    } else if reason.contains("notfound") || reason.contains("address") {
        "Mentor Circle can't reach your desktop's notification service. Your Today list \
         stays up to date, and nudges will be tried again."
            .to_string()
    } else {
        "Your desktop refused to show a nudge. Your Today list stays up to date, and \
         nudges will be tried again."
            .to_string()
    }
}

/// A way to wake the loop early: after a catch-up, a snooze or a settings change, the tray
/// and the next nudge should reflect it now, not in a minute.
#[derive(Default, Clone)]
pub struct Alarm {
    inner: Arc<(Mutex<bool>, Condvar)>,
}

impl Alarm {
    pub fn ring(&self) {
        let (rung, bell) = &*self.inner;
        *lock(rung) = true;
        bell.notify_all();
    }

    /// Sleeps until `until` or until rung, whichever comes first.
    pub fn sleep_until(&self, until: DateTime<Utc>) {
        let (rung, bell) = &*self.inner;
        let mut guard = lock(rung);
        loop {
            if *guard {
                *guard = false;
                return;
            }
            let left = (until - Utc::now()).to_std().unwrap_or(Duration::ZERO);
            if left.is_zero() {
                return;
            }
            guard = bell
                .wait_timeout(guard, left)
                .map(|(guard, _)| guard)
                .unwrap_or_else(|poisoned| poisoned.into_inner().0);
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// What the user chose on a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NudgeAction {
    /// Clicked the notification itself.
    Open,
    LogCatchUp,
    SnoozeADay,
}

impl NudgeAction {
    /// The action keys sent with a notification on Linux, and their labels.
    pub const BUTTONS: [(&'static str, &'static str); 3] = [
        ("default", "Open"),
        ("log", "Log catch-up"),
        ("snooze", "Snooze a day"),
    ];

    pub fn from_key(key: &str) -> Option<NudgeAction> {
        match key {
            "default" => Some(NudgeAction::Open),
            "log" => Some(NudgeAction::LogCatchUp),
            "snooze" => Some(NudgeAction::SnoozeADay),
            _ => None,
        }
    }
}

/// What a notification the user acted on was about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActedOn {
    pub nudge: NudgeId,
    pub mentors: Vec<MentorId>,
    pub action: NudgeAction,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use mentor_core::DbKey;

    /// Records what it is asked to show: the loop's I/O, not the desktop's.
    #[derive(Default)]
    struct Shown(Mutex<Vec<NudgeId>>);

    impl Notifier for Arc<Shown> {
        fn show(&self, _: &Nudge, id: NudgeId) -> Result<(), String> {
            lock(&self.0).push(id);
            Ok(())
        }
    }

    #[test]
    fn a_nudge_recorded_before_a_crash_is_shown_by_the_next_start_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let key = DbKey::generate().expect("key");
        let mut store = Store::open(&dir.path().join("circle.db"), &key).expect("store");
        let noon = chrono::Utc
            .with_ymd_and_hms(2026, 11, 5, 12, 0, 0)
            .single()
            .expect("time");
        mentor_core::sample::add_sample_circle(&mut store, noon.date_naive() - TimeDelta::days(90))
            .expect("sample");
        // The first run planned and recorded a nudge, then died before showing it.
        let candidates = store.nudge_candidates(noon.date_naive()).expect("due");
        let planned = nudge::plan(
            &noon,
            &store.nudge_settings().expect("settings"),
            &candidates,
            &[],
            None,
        )
        .send
        .expect("someone is due");
        let recorded = store
            .record_nudge(&planned, noon, noon.date_naive())
            .expect("recorded");

        let shown = Arc::new(Shown::default());
        let mut next_start = NudgeLoop::new(shown.clone());
        let later = noon + TimeDelta::minutes(3);
        next_start.tick(&mut store, &later).expect("pass");
        next_start
            .tick(&mut store, &(later + TimeDelta::minutes(1)))
            .expect("second pass");
        assert_eq!(
            *lock(&shown.0),
            vec![recorded],
            "the recorded nudge is shown, under its own record, and nothing twice"
        );
        assert!(
            store
                .undelivered_nudges(noon - TimeDelta::days(1))
                .expect("read")
                .is_empty(),
            "and marked delivered"
        );
    }
}
