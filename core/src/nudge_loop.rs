//! The nudge loop's passes: ask the planner ([`crate::nudges`]) what to send, record it,
//! hand it to a [`Notifier`], and say when to look again. The shell owns only what needs
//! the OS: the desktop's notification service, the thread, the sleep between passes and
//! the tray.
//!
//! Here rather than in the shell so that the whole sequence (record before showing,
//! forget what failed, retry later, show what a crash left unshown, the nameless passes
//! while locked) runs in tests with an injected clock and a scripted desktop, including
//! a simulated year of them (`core/tests/year_of_nudges.rs`).

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use serde::Serialize;

use crate::Store;
use crate::error::Result;
use crate::nudges::{self, Candidate, LockedSchedule, Nudge, NudgeId, NudgeSettings};

/// How far back a pass reads the record: the planner needs the current local day,
/// whatever the zone.
const RECORD_WINDOW: TimeDelta = TimeDelta::days(2);

/// The id a notification sent while locked carries: it is not in the database yet, so
/// its buttons only open the window.
pub const LOCKED_NUDGE: NudgeId = 0;

/// Shows a notification. The shell's notifier talks to the desktop; tests script one.
pub trait Notifier: Send + Sync {
    /// Hands `nudge` (recorded as `id`) to the OS, or says why it could not.
    fn show(&self, nudge: &Nudge, id: NudgeId) -> std::result::Result<(), String>;
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
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
    pub fn tick<Tz: TimeZone>(&mut self, store: &mut Store, now: &DateTime<Tz>) -> Result<Tick> {
        let now_utc = now.with_timezone(&Utc);
        let today = now.date_naive();
        let settings = store.nudge_settings()?;
        let candidates = store.nudge_candidates(today)?;
        if !self.resumed {
            self.resume(store, &settings, &candidates, now)?;
        }
        let sent = store.nudges_since(now_utc - RECORD_WINDOW)?;
        let plan = nudges::plan(now, &settings, &candidates, &sent, self.retry_at);
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
    /// its record, restamped with when it was shown, so it counts once towards "once a
    /// day" and from the day the user saw it; one whose mentors are no longer due is
    /// forgotten.
    fn resume<Tz: TimeZone>(
        &mut self,
        store: &mut Store,
        settings: &NudgeSettings,
        candidates: &[Candidate],
        now: &DateTime<Tz>,
    ) -> Result<()> {
        if nudges::held(now, settings) {
            return Ok(());
        }
        let (today, now) = (now.date_naive(), now.with_timezone(&Utc));
        for (id, mentor_ids) in store.undelivered_nudges(now - nudges::ONCE_PER_MENTOR)? {
            match nudges::resend(&mentor_ids, candidates, settings.show_names, today) {
                Some(again) if self.deliver(&again, id, now) => {
                    store.nudge_delivered_at(id, now, today)?;
                }
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
                self.retry_at = Some(now + nudges::RETRY_AFTER);
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
/// On Linux it names the D-Bus error; nothing here says "refused", which would send the
/// user looking for a permission that does not exist.
fn delivery_advice(reason: &str) -> String {
    let reason = reason.to_lowercase();
    let says = |words: &[&str]| words.iter().any(|word| reason.contains(word));
    let then = "Your Today list stays up to date, and nudges will be tried again.";
    if says(&[
        "serviceunknown",
        "service unknown",
        "namehasnoowner",
        "not provided by any .service files",
        "spawn.",
    ]) {
        format!("Your desktop has no notification service running, so nudges can't pop up. {then}")
    } else if says(&["noreply", "timeout", "timed out", "did not receive a reply"]) {
        format!(
            "Your desktop's notification service did not answer, so a nudge did not pop up. {then}"
        )
    } else if says(&["notfound", "address", "no such file", "connection refused"]) {
        format!("Mentor Circle can't reach your desktop's notification service. {then}")
    } else if says(&[
        "accessdenied",
        "access denied",
        "not authorized",
        "disabled",
    ]) {
        format!(
            "Notifications from Mentor Circle are turned off in your system's settings, \
             so nudges can't pop up. {then}"
        )
    } else {
        format!("A nudge could not be shown on your desktop. {then}")
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use chrono::TimeZone;

    use super::*;
    use crate::DbKey;

    /// Records what it is asked to show: the loop's I/O, not the desktop's.
    #[derive(Default)]
    struct Shown(Mutex<Vec<NudgeId>>);

    impl Shown {
        fn ids(&self) -> Vec<NudgeId> {
            self.0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .clone()
        }
    }

    impl Notifier for Arc<Shown> {
        fn show(&self, _: &Nudge, id: NudgeId) -> std::result::Result<(), String> {
            self.0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .push(id);
            Ok(())
        }
    }

    /// A new circle (in `dir`) holding the sample circle as it was 90 days before `now`:
    /// by `now` several mentors are overdue.
    fn overdue_circle(dir: &tempfile::TempDir, now: DateTime<Utc>) -> Store {
        let key = DbKey::generate().expect("key");
        let mut store = Store::open(&dir.path().join("circle.db"), &key).expect("store");
        crate::sample::add_sample_circle(&mut store, now.date_naive() - TimeDelta::days(90))
            .expect("sample");
        store
    }

    /// What the first run planned and recorded at `at`, before dying without showing it.
    fn recorded_then_died(store: &mut Store, at: DateTime<Utc>) -> NudgeId {
        let candidates = store.nudge_candidates(at.date_naive()).expect("due");
        let settings = store.nudge_settings().expect("settings");
        let planned = nudges::plan(&at, &settings, &candidates, &[], None)
            .send
            .expect("someone is due");
        store
            .record_nudge(&planned, at, at.date_naive())
            .expect("recorded")
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("a valid time")
    }

    #[test]
    fn a_nudge_recorded_before_a_crash_is_shown_by_the_next_start_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let noon = utc(2026, 11, 5, 12, 0);
        let mut store = overdue_circle(&dir, noon);
        let recorded = recorded_then_died(&mut store, noon);

        let shown = Arc::new(Shown::default());
        let mut next_start = NudgeLoop::new(shown.clone());
        let later = noon + TimeDelta::minutes(3);
        next_start.tick(&mut store, &later).expect("pass");
        next_start
            .tick(&mut store, &(later + TimeDelta::minutes(1)))
            .expect("second pass");
        assert_eq!(
            shown.ids(),
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

    #[test]
    fn a_nudge_shown_the_morning_after_a_crash_counts_from_that_morning() {
        // Recorded Wednesday 20:30, then the app died; it starts again Thursday 08:30
        // (quiet hours end at 08:00) and shows it then.
        let dir = tempfile::tempdir().expect("temp dir");
        let wednesday_evening = utc(2026, 11, 4, 20, 30);
        let mut store = overdue_circle(&dir, wednesday_evening);
        let recorded = recorded_then_died(&mut store, wednesday_evening);
        let shown = Arc::new(Shown::default());
        let mut next_start = NudgeLoop::new(shown.clone());
        let thursday_morning = utc(2026, 11, 5, 8, 30);
        next_start
            .tick(&mut store, &thursday_morning)
            .expect("pass");
        assert_eq!(shown.ids(), vec![recorded], "shown on Thursday morning");

        // Thursday 20:30 is 24 hours after the record was made, but the user saw it
        // twelve hours ago: not again today.
        let thursday_evening = utc(2026, 11, 5, 20, 30);
        let evening = next_start
            .tick(&mut store, &thursday_evening)
            .expect("pass");
        assert_eq!(
            evening.sent, None,
            "the mentors shown this morning are not nudged again the same day"
        );
        assert_eq!(shown.ids(), vec![recorded], "nothing more was shown");
        let history = store.nudge_history(10).expect("history");
        assert_eq!(
            history.first().map(|record| record.sent_at),
            Some(thursday_morning),
            "the history says when the user saw it"
        );
    }

    #[test]
    fn the_advice_names_a_missing_notification_service_in_the_forms_the_desktop_reports_it() {
        // What the Linux notifier reports when no service owns the name (the debug form
        // of notify-rust's error, with the D-Bus error's name), and the message alone.
        let missing = [
            "Error { kind: Dbus(D-Bus error: The name org.freedesktop.Notifications was not \
             provided by any .service files (org.freedesktop.DBus.Error.ServiceUnknown)) }",
            "The name org.freedesktop.Notifications was not provided by any .service files",
            "D-Bus error: Could not get owner of name (org.freedesktop.DBus.Error.NameHasNoOwner)",
        ];
        for reason in missing {
            let advice = delivery_advice(reason);
            assert!(
                advice.contains("no notification service"),
                "{reason}: {advice}"
            );
        }
        let hung = delivery_advice(
            "D-Bus error: Did not receive a reply (org.freedesktop.DBus.Error.NoReply)",
        );
        assert!(hung.contains("did not answer"), "{hung}");
        let other = delivery_advice("something else entirely");
        for advice in [delivery_advice(missing[0]), hung, other] {
            assert!(!advice.contains("refused"), "{advice}");
            assert!(advice.contains("Today list stays up to date"), "{advice}");
        }
    }

    #[test]
    fn a_nudge_that_could_not_be_shown_is_not_counted_and_the_problem_is_kept_to_show_once() {
        struct Missing;
        impl Notifier for Missing {
            fn show(&self, _: &Nudge, _: NudgeId) -> std::result::Result<(), String> {
                Err("org.freedesktop.DBus.Error.ServiceUnknown".into())
            }
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let noon = utc(2026, 11, 5, 12, 0);
        let mut store = overdue_circle(&dir, noon);
        let mut nudges = NudgeLoop::new(Missing);
        let tick = nudges.tick(&mut store, &noon).expect("no error");
        assert_eq!(tick.sent, None);
        assert!(
            tick.wake_at <= noon + nudges::RETRY_AFTER,
            "looks again by the time the retry is due"
        );
        let problem = nudges.problem().expect("kept");
        assert!(
            problem.message.contains("no notification service"),
            "{}",
            problem.message
        );
        assert!(
            store
                .nudges_since(noon - TimeDelta::days(1))
                .expect("record")
                .is_empty(),
            "a nudge that was not shown is not counted as sent"
        );
        nudges.dismiss_problem();
        assert!(nudges.problem().is_some_and(|problem| problem.dismissed));
    }
}
