//! Words for evidence: the Estonian names recruiters read in a breakdown.

use crate::{CefrLevel, Language, LanguageLevel};

pub fn language_name(language: Language) -> String {
    if language == Language::EstonianSignLanguage {
        language.name_et().to_owned()
    } else {
        format!("{} keel", language.name_et())
    }
}

pub fn level(level: LanguageLevel) -> String {
    if level.native {
        format!("{} (emakeel)", level.level)
    } else {
        level.level.to_string()
    }
}

pub fn cefr(level: CefrLevel) -> &'static str {
    level.as_str()
}

pub fn years(y: f64) -> String {
    if (y - y.round()).abs() < 1e-9 {
        format!("{y:.0} a")
    } else {
        format!("{y:.1} a")
    }
}

/// A field label short enough for one line of a breakdown.
pub fn short(text: &str) -> String {
    const MAX: usize = 48;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
