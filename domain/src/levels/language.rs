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

/// How one language is named; `NAMES[l as usize]` describes language `l`.
struct Names {
    language: Language,
    code: &'static str,
    en: &'static str,
    et: &'static str,
    aliases: &'static [&'static str],
}

const fn names(
    language: Language,
    code: &'static str,
    en: &'static str,
    et: &'static str,
    aliases: &'static [&'static str],
) -> Names {
    Names {
        language,
        code,
        en,
        et,
        aliases,
    }
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

use Language as L;

/// Kept in declaration order so lookups can index by discriminant.
const NAMES: &[Names] = &[
    names(
        L::Estonian,
        "et",
        "Estonian",
        "eesti",
        &[
            "riigikeel",
            "riigikeelt",
            "riigikeele",
            "riigikeeles",
            "state language",
            "official language",
            "эстонский",
            "эстонского",
            "эстонском",
            "эстонским",
            "государственный",
            "государственного",
        ],
    ),
    names(
        L::English,
        "en",
        "English",
        "inglise",
        &["английский", "английского", "английском", "английским"],
    ),
    names(
        L::Russian,
        "ru",
        "Russian",
        "vene",
        &["русский", "русского", "русском", "русским"],
    ),
    names(
        L::Finnish,
        "fi",
        "Finnish",
        "soome",
        &["финский", "финского", "финском"],
    ),
    names(L::German, "de", "German", "saksa", &[]),
    names(L::French, "fr", "French", "prantsuse", &[]),
    names(L::Swedish, "sv", "Swedish", "rootsi", &[]),
    names(L::Latvian, "lv", "Latvian", "läti", &[]),
    names(L::Lithuanian, "lt", "Lithuanian", "leedu", &[]),
    names(L::Ukrainian, "uk", "Ukrainian", "ukraina", &[]),
    names(L::Polish, "pl", "Polish", "poola", &[]),
    names(L::Spanish, "es", "Spanish", "hispaania", &[]),
    names(L::Italian, "it", "Italian", "itaalia", &[]),
    names(L::Portuguese, "pt", "Portuguese", "portugali", &[]),
    names(L::Norwegian, "no", "Norwegian", "norra", &[]),
    names(L::Danish, "da", "Danish", "taani", &[]),
    names(L::Dutch, "nl", "Dutch", "hollandi", &["niderlandi"]),
    names(L::Chinese, "zh", "Chinese", "hiina", &["mandarin"]),
    names(L::Japanese, "ja", "Japanese", "jaapani", &[]),
    names(L::Korean, "ko", "Korean", "korea", &[]),
    names(L::Arabic, "ar", "Arabic", "araabia", &[]),
    names(L::Turkish, "tr", "Turkish", "türgi", &[]),
    names(L::Hungarian, "hu", "Hungarian", "ungari", &[]),
    names(L::Czech, "cs", "Czech", "tšehhi", &[]),
    names(L::Slovak, "sk", "Slovak", "slovaki", &["slovakkia"]),
    names(L::Greek, "el", "Greek", "kreeka", &[]),
    names(
        L::Belarusian,
        "be",
        "Belarusian",
        "valgevene",
        &["belarussian"],
    ),
    names(L::Hebrew, "he", "Hebrew", "heebrea", &[]),
    names(L::Hindi, "hi", "Hindi", "hindi", &[]),
    names(L::Georgian, "ka", "Georgian", "gruusia", &[]),
    names(L::Armenian, "hy", "Armenian", "armeenia", &[]),
    names(L::Romanian, "ro", "Romanian", "rumeenia", &[]),
    names(L::Bulgarian, "bg", "Bulgarian", "bulgaaria", &[]),
    names(L::Croatian, "hr", "Croatian", "horvaadi", &[]),
    names(L::Serbian, "sr", "Serbian", "serbia", &[]),
    names(L::Slovenian, "sl", "Slovenian", "sloveeni", &["slovene"]),
    names(L::Icelandic, "is", "Icelandic", "islandi", &[]),
    names(L::Persian, "fa", "Persian", "pärsia", &["farsi"]),
    names(L::Vietnamese, "vi", "Vietnamese", "vietnami", &[]),
    names(L::Kazakh, "kk", "Kazakh", "kasahhi", &[]),
    names(L::Azerbaijani, "az", "Azerbaijani", "aserbaidžaani", &[]),
    names(L::Latin, "la", "Latin", "ladina", &[]),
    names(L::Urdu, "ur", "Urdu", "urdu", &[]),
    names(L::Bengali, "bn", "Bengali", "bengali", &["bangla"]),
    names(L::Punjabi, "pa", "Punjabi", "pandžabi", &["panjabi"]),
    names(L::Tamil, "ta", "Tamil", "tamili", &[]),
    names(L::Telugu, "te", "Telugu", "telugu", &[]),
    names(L::Nepali, "ne", "Nepali", "nepali", &[]),
    names(L::Sinhala, "si", "Sinhala", "singali", &["sinhalese"]),
    names(L::Malay, "ms", "Malay", "malai", &[]),
    names(L::Indonesian, "id", "Indonesian", "indoneesia", &[]),
    names(L::Thai, "th", "Thai", "tai", &[]),
    names(L::Tagalog, "tl", "Tagalog", "tagalogi", &["filipino"]),
    names(L::Mongolian, "mn", "Mongolian", "mongoli", &[]),
    names(L::Pashto, "ps", "Pashto", "puštu", &[]),
    names(L::Kurdish, "ku", "Kurdish", "kurdi", &[]),
    names(L::Uzbek, "uz", "Uzbek", "usbeki", &[]),
    names(L::Tajik, "tg", "Tajik", "tadžiki", &[]),
    names(L::Kyrgyz, "ky", "Kyrgyz", "kirgiisi", &["kirghiz"]),
    names(L::Turkmen, "tk", "Turkmen", "türkmeeni", &[]),
    names(L::Albanian, "sq", "Albanian", "albaania", &[]),
    names(L::Macedonian, "mk", "Macedonian", "makedoonia", &[]),
    names(L::Bosnian, "bs", "Bosnian", "bosnia", &[]),
    names(L::Irish, "ga", "Irish", "iiri", &[]),
    names(L::Welsh, "cy", "Welsh", "kõmri", &[]),
    names(L::Maltese, "mt", "Maltese", "malta", &[]),
    names(L::Luxembourgish, "lb", "Luxembourgish", "letseburgi", &[]),
    names(L::Catalan, "ca", "Catalan", "katalaani", &[]),
    names(L::Basque, "eu", "Basque", "baski", &[]),
    names(L::Galician, "gl", "Galician", "galeegi", &[]),
    names(L::Yiddish, "yi", "Yiddish", "jidiši", &[]),
    names(L::Esperanto, "eo", "Esperanto", "esperanto", &[]),
    names(L::Swahili, "sw", "Swahili", "suahiili", &[]),
    names(L::Amharic, "am", "Amharic", "amhara", &[]),
    names(L::Somali, "so", "Somali", "somaali", &[]),
    names(L::Hausa, "ha", "Hausa", "hausa", &[]),
    names(L::Yoruba, "yo", "Yoruba", "joruba", &[]),
    names(L::Afrikaans, "af", "Afrikaans", "afrikaani", &[]),
    names(L::Zulu, "zu", "Zulu", "suulu", &[]),
    names(
        L::EstonianSignLanguage,
        "ekk",
        "Estonian Sign Language",
        "eesti viipekeel",
        &["viipekeel"],
    ),
    names(L::Voro, "vro", "Võro", "võru", &["võro"]),
];

/// Every language in declaration order.
const ALL: [Language; 81] = [
    L::Estonian,
    L::English,
    L::Russian,
    L::Finnish,
    L::German,
    L::French,
    L::Swedish,
    L::Latvian,
    L::Lithuanian,
    L::Ukrainian,
    L::Polish,
    L::Spanish,
    L::Italian,
    L::Portuguese,
    L::Norwegian,
    L::Danish,
    L::Dutch,
    L::Chinese,
    L::Japanese,
    L::Korean,
    L::Arabic,
    L::Turkish,
    L::Hungarian,
    L::Czech,
    L::Slovak,
    L::Greek,
    L::Belarusian,
    L::Hebrew,
    L::Hindi,
    L::Georgian,
    L::Armenian,
    L::Romanian,
    L::Bulgarian,
    L::Croatian,
    L::Serbian,
    L::Slovenian,
    L::Icelandic,
    L::Persian,
    L::Vietnamese,
    L::Kazakh,
    L::Azerbaijani,
    L::Latin,
    L::Urdu,
    L::Bengali,
    L::Punjabi,
    L::Tamil,
    L::Telugu,
    L::Nepali,
    L::Sinhala,
    L::Malay,
    L::Indonesian,
    L::Thai,
    L::Tagalog,
    L::Mongolian,
    L::Pashto,
    L::Kurdish,
    L::Uzbek,
    L::Tajik,
    L::Kyrgyz,
    L::Turkmen,
    L::Albanian,
    L::Macedonian,
    L::Bosnian,
    L::Irish,
    L::Welsh,
    L::Maltese,
    L::Luxembourgish,
    L::Catalan,
    L::Basque,
    L::Galician,
    L::Yiddish,
    L::Esperanto,
    L::Swahili,
    L::Amharic,
    L::Somali,
    L::Hausa,
    L::Yoruba,
    L::Afrikaans,
    L::Zulu,
    L::EstonianSignLanguage,
    L::Voro,
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

#[cfg(test)]
mod tests;
