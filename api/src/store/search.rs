//! Searching a `search_key` column: titles and names are stored folded (lower case, without
//! diacritics), so a search folds its text the same way and matches it anywhere in the key.

use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr, SimpleExpr};

/// Text to find anywhere in a search key, already folded and escaped for `LIKE`. Built only
/// through [`Search::contains`], so no caller can hand the store a raw pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search(String);

impl Search {
    /// Matches keys containing `text`, ignoring case and diacritics; `%`, `_` and `\` in
    /// `text` are taken literally (a user searching "50%" means the characters).
    pub fn contains(text: &str) -> Self {
        Self(contains_pattern(&domain::text::fold(text)))
    }
}

/// `column LIKE pattern` with a backslash escape, portable across SQLite and PostgreSQL.
pub(crate) fn like<C: ColumnTrait>(column: C, search: &Search) -> SimpleExpr {
    Expr::col(column.as_column_ref()).like(LikeExpr::new(search.0.clone()).escape('\\'))
}

/// A `LIKE` pattern matching `needle` anywhere, with wildcards in the needle taken literally.
fn contains_pattern(needle: &str) -> String {
    let mut pattern = String::with_capacity(needle.len() + 2);
    pattern.push('%');
    for c in needle.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_in_a_search_are_literal() {
        assert_eq!(contains_pattern("50%_a"), "%50\\%\\_a%");
    }

    #[test]
    fn a_search_is_folded_like_the_stored_keys() {
        assert_eq!(Search::contains("Õpetaja"), Search::contains("opetaja"));
    }
}
