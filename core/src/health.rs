//! The circle's health at a glance: enough active mentors, which roles are covered and
//! which are missing, and how many sit inside the user's own company (where confidences
//! may travel).

use crate::model::{Mentor, MentorStatus, Role};
use crate::view::{CircleHealth, RoleCoverage};

/// No one person can guide every decision: a circle wants at least three active mentors.
pub const RECOMMENDED_ACTIVE: u32 = 3;

/// The health of a circle made of `mentors` (any status; only active ones count towards
/// coverage).
pub fn of(mentors: &[Mentor]) -> CircleHealth {
    let count = |status: MentorStatus| {
        mentors
            .iter()
            .filter(|mentor| mentor.details.status == status)
            .count() as u32
    };
    let active: Vec<&Mentor> = mentors
        .iter()
        .filter(|mentor| mentor.details.status == MentorStatus::Active)
        .collect();
    let coverage: Vec<RoleCoverage> = Role::ALL
        .into_iter()
        .map(|role| RoleCoverage {
            role,
            mentors: active
                .iter()
                .filter(|mentor| mentor.details.roles.contains(&role))
                .count() as u32,
        })
        .collect();
    let missing = coverage
        .iter()
        .filter(|covered| covered.mentors == 0)
        .map(|covered| covered.role)
        .collect();
    CircleHealth {
        active: active.len() as u32,
        recommended_active: RECOMMENDED_ACTIVE,
        paused: count(MentorStatus::Paused),
        alumni: count(MentorStatus::Alumni),
        coverage,
        missing,
        same_company: active
            .iter()
            .filter(|mentor| mentor.details.same_company)
            .count() as u32,
    }
}
