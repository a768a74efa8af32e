//! Lists stored as JSON text columns (portable across SQLite and PostgreSQL).

use crate::error::{ApiError, ApiResult};

pub fn string_list(stored: &str) -> ApiResult<Vec<String>> {
    if stored.trim().is_empty() {
        return Ok(Vec::new());
    }
    serde_json::from_str(stored)
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("stored list '{stored}': {err}")))
}

pub fn to_string_list(items: &[String]) -> String {
    serde_json::Value::from(items.to_vec()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_survives_storage() {
        let items = vec!["A.1".to_owned(), "jutumärk \"x\"".to_owned()];
        assert_eq!(string_list(&to_string_list(&items)).ok(), Some(items));
        assert_eq!(string_list("").ok(), Some(vec![]));
    }
}
