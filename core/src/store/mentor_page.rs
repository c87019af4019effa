//! A mentor's page: the mentor, their cadence and timeline, and what every feature holds
//! about them, read together.

use chrono::NaiveDate;

use super::Store;
use crate::cadence;
use crate::error::Result;
use crate::model::MentorId;
use crate::view::MentorPage;

impl Store {
    /// A mentor's page on `today`.
    pub fn mentor_page(&self, id: MentorId, today: NaiveDate) -> Result<MentorPage> {
        let mentor = self.mentor(id)?;
        let catch_ups = self.catch_ups(id)?;
        let last_catch_up = catch_ups.first().map(|catch_up| catch_up.date);
        let (cadence, review_due) = cadence::standing(&mentor, last_catch_up, today);
        let (cadence_days, max_gap_days) = cadence::effective_cadence(&mentor).unwrap_or((
            mentor.details.agreement.cadence_days,
            mentor.details.agreement.max_gap_days,
        ));
        let days: Vec<NaiveDate> = catch_ups.iter().map(|catch_up| catch_up.date).collect();
        let timeline = cadence::timeline(mentor.added_on, &days, cadence_days, max_gap_days, today);
        let snoozed_until: Option<NaiveDate> = self.conn.query_row(
            "SELECT snoozed_until FROM mentor WHERE id = ?1",
            [id],
            |row| row.get(0),
        )?;
        let advice = self.advice(id)?;
        Ok(MentorPage {
            mentor,
            cadence,
            review_due,
            snoozed_until: snoozed_until.filter(|until| *until > today),
            last_catch_up,
            catch_ups,
            timeline,
            agenda: self.agenda(id)?,
            goals: self.mentor_goals(id)?,
            close_the_loop: crate::advice::close_the_loop(&advice),
            advice,
            gives: self.gives(id)?,
            balance: self.balance(id, today)?,
            prospect: self.prospect_of_mentor(id)?,
        })
    }
}
