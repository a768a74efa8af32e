//! Languages a person speaks or a posting requires, normalised to one value.
//!
//! The same language arrives as "inglise keelt", "English", "en" or, for
//! Estonian, "riigikeel". Mapping all of them to one enum lets language
//! requirements be matched without caring how either side spelled it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::ParseError;
use crate::text::{fold, words};
use names::{ALL, NAMES, Names};

/// A language known to the platform.
///
/// Serialised by variant name (`ESTONIAN`, `ESTONIAN_SIGN_LANGUAGE`, …); use
/// [`Language::code`] where an ISO code is wanted instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Language {
    Estonian,
    English,
    Russian,
    Finnish,
    German,
    French,
    Swedish,
    Latvian,
    Lithuanian,
    Ukrainian,
    Polish,
    Spanish,
    Italian,
    Portuguese,
    Norwegian,
    Danish,
    Dutch,
    Chinese,
    Japanese,
    Korean,
    Arabic,
    Turkish,
    Hungarian,
    Czech,
    Slovak,
    Greek,
    Belarusian,
    Hebrew,
    Hindi,
    Georgian,
    Armenian,
    Romanian,
    Bulgarian,
    Croatian,
    Serbian,
    Slovenian,
    Icelandic,
    Persian,
    Vietnamese,
    Kazakh,
    Azerbaijani,
    Latin,
    Urdu,
    Bengali,
    Punjabi,
    Tamil,
    Telugu,
    Nepali,
    Sinhala,
    Malay,
    Indonesian,
    Thai,
    Tagalog,
    Mongolian,
    Pashto,
    Kurdish,
    Uzbek,
    Tajik,
    Kyrgyz,
    Turkmen,
    Albanian,
    Macedonian,
    Bosnian,
    Irish,
    Welsh,
    Maltese,
    Luxembourgish,
    Catalan,
    Basque,
    Galician,
    Yiddish,
    Esperanto,
    Swahili,
    Amharic,
    Somali,
    Hausa,
    Yoruba,
    Afrikaans,
    Zulu,
    EstonianSignLanguage,
    Voro,
}

/// Words that may follow a language name without changing it.
const LANGUAGE_WORDS: &[&str] = &[
    "keel",
    "keelt",
    "keele",
    "keeles",
    "language",
    "язык",
    "языка",
    "языке",
    "языком",
];

impl Language {
    fn names(self) -> &'static Names {
        &NAMES[self as usize]
    }

    /// ISO 639-1 code where one exists ("et", "en"), else ISO 639-3
    /// ("vro" for Võro, "ekk" for Estonian Sign Language).
    pub fn code(self) -> &'static str {
        self.names().code
    }

    /// English name, e.g. "Estonian".
    pub fn name_en(self) -> &'static str {
        self.names().en
    }

    /// Estonian name as used before "keel", e.g. "eesti" (→ "eesti keel").
    /// Estonian Sign Language is the exception: "eesti viipekeel" is whole.
    pub fn name_et(self) -> &'static str {
        self.names().et
    }

    /// Whether this is Estonia's official language, which many postings
    /// require under the Language Act whatever else they ask for.
    pub fn is_state_language(self) -> bool {
        self == Self::Estonian
    }

    /// Looks a language up by its code, ignoring case and surrounding spaces.
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim();
        NAMES
            .iter()
            .find(|names| names.code.eq_ignore_ascii_case(code))
            .map(|names| names.language)
    }

    /// Looks a language up by its ISO 639-2 code ("est", "ger" or "deu"), as Europass and
    /// other XML formats name languages, or by the EU Publications Office URI ending in one.
    pub fn from_iso639_2(code: &str) -> Option<Self> {
        let code = code.trim().rsplit('/').next().unwrap_or_default();
        let lower = code.to_ascii_lowercase();
        let two = match lower.as_str() {
            "est" => "et",
            "eng" => "en",
            "rus" => "ru",
            "fin" => "fi",
            "ger" | "deu" => "de",
            "fre" | "fra" => "fr",
            "swe" => "sv",
            "lav" => "lv",
            "lit" => "lt",
            "ukr" => "uk",
            "pol" => "pl",
            "spa" => "es",
            "ita" => "it",
            "por" => "pt",
            "nor" | "nob" | "nno" => "no",
            "dan" => "da",
            "dut" | "nld" => "nl",
            "chi" | "zho" => "zh",
            "jpn" => "ja",
            "kor" => "ko",
            "ara" => "ar",
            "tur" => "tr",
            "hun" => "hu",
            "cze" | "ces" => "cs",
            "slo" | "slk" => "sk",
            "gre" | "ell" => "el",
            "bel" => "be",
            "heb" => "he",
            "hin" => "hi",
            "geo" | "kat" => "ka",
            "hrv" => "hr",
            "srp" => "sr",
            "slv" => "sl",
            "ice" | "isl" => "is",
            "per" | "fas" => "fa",
            "vie" => "vi",
            "kaz" => "kk",
            "aze" => "az",
            "lat" => "la",
            "urd" => "ur",
            "ben" => "bn",
            "pan" => "pa",
            "tam" => "ta",
            "tel" => "te",
            "nep" => "ne",
            "sin" => "si",
            "may" | "msa" => "ms",
            "ind" => "id",
            "tha" => "th",
            "tgl" | "fil" => "tl",
            "mon" => "mn",
            "pus" => "ps",
            "kur" => "ku",
            "uzb" => "uz",
            "tgk" => "tg",
            "kir" => "ky",
            "tuk" => "tk",
            "alb" | "sqi" => "sq",
            "mac" | "mkd" => "mk",
            "bos" => "bs",
            "gle" => "ga",
            "wel" | "cym" => "cy",
            "mlt" => "mt",
            "ltz" => "lb",
            "cat" => "ca",
            "baq" | "eus" => "eu",
            "glg" => "gl",
            "yid" => "yi",
            "epo" => "eo",
            "swa" => "sw",
            "amh" => "am",
            "som" => "so",
            "hau" => "ha",
            "yor" => "yo",
            "afr" => "af",
            "zul" => "zu",
            other => other,
        };
        Self::from_code(two)
    }

    /// Every known language, Estonian first.
    pub fn all() -> &'static [Language] {
        &ALL
    }

    /// Same as [`str::parse`], for call sites that read better this way.
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        s.parse()
    }

    /// Whether `candidate` (folded, single-spaced words) names this language.
    fn is_named(self, candidate: &str) -> bool {
        let names = self.names();
        candidate == names.code
            || [names.en, names.et]
                .iter()
                .chain(names.aliases)
                .any(|name| fold(name) == candidate)
    }
}

impl fmt::Display for Language {
    /// The English name, which parses back to the same language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_en())
    }
}

impl FromStr for Language {
    type Err = ParseError;

    /// Matches the whole text (minus a trailing "keel"/"language" word)
    /// against names, so "vene keeles" is Russian but "vene köök" is not.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let folded = fold(s);
        let all: Vec<&str> = words(&folded).collect();
        let full = all.join(" ");
        let stripped = match all.split_last() {
            Some((last, rest)) if !rest.is_empty() && LANGUAGE_WORDS.contains(last) => {
                rest.join(" ")
            }
            _ => full.clone(),
        };
        ALL.into_iter()
            .find(|language| language.is_named(&full) || language.is_named(&stripped))
            .ok_or_else(|| ParseError::Language(s.to_owned()))
    }
}

mod names;
#[cfg(test)]
mod tests;
