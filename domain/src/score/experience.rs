//! Years of experience in a field. A row of the candidate's experience counts for a field when
//! enough of the words of one are found in the other; the years of every counting row add up.

use super::evidence::{short, years};
use super::{Facts, Judged, Outcome};
use crate::similarity::Profile;

/// From this share of shared words on, an experience row is in the field.
pub const FIELD_THRESHOLD: f64 = 0.5;

/// How well an experience row fits a field, 0..=1: the larger of the two coverages, since a
/// short row ("lean") may name the field and a short field ("lean meetodid") may be named in a
/// long row.
pub fn field_match(field: &Profile, row: &Profile) -> f64 {
    row.coverage_in(field).max(field.coverage_in(row))
}

pub(super) fn judge(min_years: f64, field: Option<&(String, Profile)>, facts: &Facts) -> Judged {
    let counting: Vec<_> = facts
        .experience
        .iter()
        .filter(|row| field.is_none_or(|(_, f)| field_match(f, &row.profile) >= FIELD_THRESHOLD))
        .collect();
    let total: f64 = counting.iter().map(|row| row.years).sum();
    let label = field.map_or_else(|| "töökogemus".to_owned(), |(text, _)| short(text));
    let met = total >= min_years;
    let evidence = if counting.is_empty() {
        format!("{label}: kogemus puudub; nõutud {}", years(min_years))
    } else if met {
        let rows: Vec<String> = counting
            .iter()
            .map(|r| format!("'{}' {}", short(&r.text), years(r.years)))
            .collect();
        format!("{label}: {} ≥ {} ({})", years(total), years(min_years), rows.join(", "))
    } else {
        format!("{label}: {} < {} nõutud", years(total), years(min_years))
    };
    let ratio = if min_years > 0.0 { total / min_years } else { 1.0 };
    Judged {
        outcome: Outcome {
            met,
            fulfilment: ratio.clamp(0.0, 1.0),
            evidence,
        },
        surplus: met.then(|| (ratio - 1.0).clamp(0.0, 1.0)),
        preference: None,
    }
}
