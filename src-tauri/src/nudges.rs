//! The nudge loop's OS side: the sleep between passes (an [`Alarm`] the window rings to
//! wake it early) and what the user chose on a notification. The passes themselves (plan,
//! record, send, retry, resume after a crash, the nameless passes while locked) and the
//! [`Notifier`] they send through are `mentor_core::nudge_loop`; the desktop's notifier
//! is `platform::notifier`, and the thread that runs the passes is `start_nudge_loop` in
//! lib.rs.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use mentor_core::model::MentorId;
use mentor_core::nudges::{LONGEST_SLEEP, NudgeId};

// Where the shell, its commands and its tests have always found them.
pub use mentor_core::nudge_loop::{DeliveryProblem, LOCKED_NUDGE, Notifier, NudgeLoop};

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

    /// Sleeps until `until` or until rung, whichever comes first, and never longer than
    /// [`LONGEST_SLEEP`].
    ///
    /// The wall clock is read once, and the wait then kept on the monotonic clock: read
    /// again after the clock was set back H hours, `until` would be H hours further
    /// away and the loop would sleep through them. Waking on time instead, the loop
    /// looks again and plans by the new time.
    pub fn sleep_until(&self, until: DateTime<Utc>) {
        self.sleep_until_by(until, Utc::now);
    }

    /// [`Alarm::sleep_until`], with `now` reading the wall clock (a test sets it back).
    fn sleep_until_by(&self, until: DateTime<Utc>, now: impl Fn() -> DateTime<Utc>) {
        let wait = (until - now())
            .clamp(TimeDelta::zero(), LONGEST_SLEEP)
            .to_std()
            .unwrap_or(Duration::ZERO);
        let deadline = Instant::now() + wait;
        let (rung, bell) = &*self.inner;
        let mut guard = lock(rung);
        loop {
            if *guard {
                *guard = false;
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
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
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::mpsc;

    use super::*;

    /// Runs `sleep` on its own thread; whether it ended within `patience` (a sleep that
    /// does not end is left behind when the test ends).
    fn ends_within(patience: Duration, sleep: impl FnOnce() + Send + 'static) -> bool {
        let (ended, has_ended) = mpsc::channel();
        std::thread::spawn(move || {
            sleep();
            let _ = ended.send(());
        });
        has_ended.recv_timeout(patience).is_ok()
    }

    #[test]
    fn a_clock_set_back_during_a_sleep_does_not_stretch_it() {
        let alarm = Alarm::default();
        let start = Utc::now();
        // The first reading is the real time; every later one, three hours earlier.
        let reads = AtomicU32::new(0);
        let clock = move || {
            if reads.fetch_add(1, Ordering::SeqCst) == 0 {
                start
            } else {
                start - TimeDelta::hours(3)
            }
        };
        assert!(
            ends_within(Duration::from_secs(5), move || {
                alarm.sleep_until_by(start + TimeDelta::milliseconds(50), clock);
            }),
            "a 50 ms sleep lasted more than 5 s after the clock was set back"
        );
    }

    #[test]
    fn a_rung_alarm_ends_the_next_sleep_at_once() {
        let alarm = Alarm::default();
        alarm.ring();
        assert!(
            ends_within(Duration::from_secs(5), move || {
                alarm.sleep_until(Utc::now() + TimeDelta::seconds(30));
            }),
            "the sleep waited although the alarm had rung"
        );
    }
}
