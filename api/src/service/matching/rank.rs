//! Cursors of a ranking: the last entry's place in the order, so the next page starts right
//! after it.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
pub use domain::score::rank::{Ranked, TopK};

use crate::error::{ApiError, ApiResult};

pub fn cursor(r: &Ranked) -> String {
    URL_SAFE_NO_PAD.encode(format!("r:{}:{}:{}", u8::from(r.qualified), r.score, r.id))
}

pub fn from_cursor(cursor: &str) -> ApiResult<Ranked> {
    let invalid = || ApiError::bad_input("after", format!("'{cursor}' is not a valid cursor"));
    let text = URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(invalid)?;
    let mut parts = text.strip_prefix("r:").ok_or_else(invalid)?.split(':');
    let qualified = parts.next().ok_or_else(invalid)? == "1";
    let score = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(invalid)?;
    let id = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(invalid)?;
    Ok(Ranked {
        id,
        qualified,
        score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(id: i64, qualified: bool, score: f64) -> Ranked {
        Ranked {
            id,
            qualified,
            score,
        }
    }

    #[test]
    fn pages_after_a_cursor_continue_where_the_last_ended() {
        let all: Vec<Ranked> = (1..=25)
            .map(|i| r(i, i % 3 != 0, f64::from((i * 7 % 10) as u8)))
            .collect();
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let mut top = TopK::new(10, after, false);
            all.iter().for_each(|i| top.push(*i));
            let remaining = top.remaining;
            let page = top.into_sorted();
            seen.extend(page.iter().map(|r| r.id));
            if remaining <= page.len() {
                break;
            }
            after = page
                .last()
                .map(|l| from_cursor(&cursor(l)).expect("cursor"));
        }
        let mut sorted = all.clone();
        sorted.sort_by(|a, b| a.order(b));
        assert_eq!(seen, sorted.iter().map(|r| r.id).collect::<Vec<_>>());
    }

    #[test]
    fn a_forged_cursor_is_bad_input() {
        assert!(from_cursor("eA").is_err());
    }
}
