//! An experience row as experience fields read it: the whole row, and each role it names.
//!
//! People write a row as a role followed by where or for whom ("müüja-klienditeenindaja,
//! mööblipood", "Sales and warehouse assistant in a furniture chain (Kyiv)"), often two roles
//! joined ("müüja-laotöötaja", "Head of Customer Support / klienditoe juht"). Matched whole, the
//! employer and the second role dilute the share of the row's words found in a task, so a row
//! saying more covered less of the job than a bare "müüja" (labelled profiles: a shop-and-
//! warehouse worker of seven years scored below a sales clerk). Each role is therefore also
//! matched on its own; what the whole row matches still counts.

use crate::similarity::Profile;

/// An experience row's profile, whole and by role.
///
/// Its profiles keep no trigrams: rows are compared by their keys and words only, and the index
/// keeps a profile for every distinct row text (two or three per candidate on real profiles,
/// where each row names its own employer), so the trigrams were most of a million
/// candidates' memory.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProfile {
    whole: Profile,
    /// The roles, when the row names more than one or adds where or for whom; empty otherwise.
    roles: Vec<Profile>,
}

impl RowProfile {
    /// An experience row as written.
    pub fn of_row(text: &str) -> Self {
        let whole = Profile::new(text);
        let texts = role_texts(text);
        let roles = if texts.len() == 1 && texts[0] == text.trim() {
            Vec::new()
        } else {
            texts
                .iter()
                .map(|t| role(t))
                .filter(|p| !p.is_empty() && *p != whole)
                .map(|p| p.without_trigrams())
                .collect()
        };
        Self {
            whole: whole.without_trigrams(),
            roles,
        }
    }

    /// A text read whole, without roles (a field of study: "BA in Business Administration" is
    /// not a role followed by a place).
    pub fn whole(profile: Profile) -> Self {
        Self {
            whole: profile.without_trigrams(),
            roles: Vec::new(),
        }
    }

    /// The whole row's profile.
    pub fn profile(&self) -> &Profile {
        &self.whole
    }

    /// Whether one of the roles is wholly in `part` (without the words that only say "work"
    /// or "worker"): "laotöötaja" is in a task about the warehouse. Stricter than the whole
    /// row, which is in a part by half its words: a short role shares half its words with
    /// too much ("müügiesindaja" is not "Müüja - laotöötaja"). A role naming two concepts or
    /// more is wholly in a part when its concepts are, whatever its unknown words
    /// ("operations", "SaaS") are.
    pub fn has_role_in(&self, part: &Profile) -> bool {
        self.roles.iter().any(|role| {
            role.coverage_in(part) >= 1.0
                || (role.concept_count() >= MIN_ROLE_CONCEPTS
                    && role.concept_coverage_in(part) >= 1.0)
        })
    }
}

/// Where the role ends and the place, employer or detail begins.
const PLACE_MARKERS: &[&str] = &[" at ", " @ ", " in ", " for ", " within "];

/// What joins two roles named in one row. A joining word after a cut-off compound
/// ("müügi- ja teeninduskonsultant") joins two words of one role instead.
const JOINS: &[&str] = &[
    " - ", " – ", " — ", "/", "&", "+", " and ", " ja ", " või ", " or ",
];

/// Concepts a role must name, besides its rank, to be read by what it is about: "Customer
/// support manager" is customer support ("klient", "tugi") at a manager's rank, in a task
/// about customer support whatever "manager" or "operations" are; "Team lead" alone keeps
/// its rank, since "team" says nothing of a field.
const MIN_ROLE_CONCEPTS: usize = 2;

/// A role as it is matched: without the words that only say "work", and without its rank
/// when what is left names enough concepts.
fn role(text: &str) -> Profile {
    let role = Profile::new(text).without(crate::analysis::is_generic_key);
    let field = role.without(crate::analysis::is_rank_key);
    if field.concept_count() >= MIN_ROLE_CONCEPTS && field.key_count() < role.key_count() {
        field
    } else {
        role
    }
}

/// The roles a row names: the text before its first comma, bracket or place marker, split at
/// the words and signs that join roles, and at a hyphen between two words of three letters or
/// more ("müüja-laotöötaja"; not "IT-juht", "e-kaubandus").
pub(super) fn role_texts(text: &str) -> Vec<String> {
    let end = PLACE_MARKERS
        .iter()
        .filter_map(|marker| find_ignoring_case(text, 0, marker))
        .chain(text.find([',', '(', ';', ':', '|', '[', '\n']))
        .min()
        .unwrap_or(text.len());
    let mut pieces = vec![hyphens_split(&text[..end])];
    for join in JOINS {
        pieces = pieces
            .into_iter()
            .flat_map(|piece| split_ignoring_case(&piece, join))
            .collect();
    }
    pieces
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Where `pattern` occurs in `text` at or after byte `from`, ignoring ASCII case. Every
/// pattern here starts with an ASCII byte, which never occurs inside a multi-byte character,
/// so the position found is a char boundary.
fn find_ignoring_case(text: &str, from: usize, pattern: &str) -> Option<usize> {
    text.as_bytes()
        .get(from..)?
        .windows(pattern.len())
        .position(|w| w.eq_ignore_ascii_case(pattern.as_bytes()))
        .map(|at| at + from)
}

/// The text with a hyphen joining two words of three letters or more turned into " - ".
fn hyphens_split(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let letters_before = chars[..i].iter().rev().take_while(|c| c.is_alphabetic());
        let letters_after = chars[i + 1..].iter().take_while(|c| c.is_alphabetic());
        if c == '-' && letters_before.count() >= 3 && letters_after.count() >= 3 {
            out.push_str(" - ");
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` split at `join` (ignoring ASCII case), except where a spaced join follows a cut-off
/// compound ("müügi- ja …").
fn split_ignoring_case(text: &str, join: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let (mut start, mut from) = (0, 0);
    while let Some(at) = find_ignoring_case(text, from, join) {
        if join.starts_with(' ') && text[..at].trim_end().ends_with('-') {
            from = at + 1;
            continue;
        }
        pieces.push(text[start..at].to_owned());
        start = at + join.len();
        from = start;
    }
    pieces.push(text[start..].to_owned());
    pieces
}

/// A [`RowProfile`] in one string, as the match index keeps one per distinct row text: about a
/// fifth of the memory of the profile's vectors and sets of strings, which with a distinct text
/// per row (real rows name their employer) were most of a million candidates' memory. Turned
/// back into the profile only when a kernel resolves its fields for new texts.
#[derive(Debug, Clone)]
pub(crate) enum CompactRow {
    /// Words and keys joined by [`ITEM`], the two lists by [`LIST`], the whole row and each
    /// role by [`PROFILE`].
    Joined(Box<str>),
    /// A profile holding an empty item or one of the separators (text analysis makes
    /// neither): kept as is.
    Whole(Box<RowProfile>),
}

const ITEM: char = '\u{1f}';
const LIST: char = '\u{1e}';
const PROFILE: char = '\u{1d}';

impl RowProfile {
    pub(crate) fn compact(&self) -> CompactRow {
        let mut joined = String::new();
        for (i, profile) in std::iter::once(&self.whole).chain(&self.roles).enumerate() {
            let (words, keys) = profile.words_and_keys();
            if words
                .iter()
                .chain(keys)
                .any(|w| w.is_empty() || w.contains([ITEM, LIST, PROFILE]))
            {
                return CompactRow::Whole(Box::new(self.clone()));
            }
            if i > 0 {
                joined.push(PROFILE);
            }
            push_joined(&mut joined, words);
            joined.push(LIST);
            push_joined(&mut joined, keys);
        }
        CompactRow::Joined(joined.into_boxed_str())
    }

    pub(crate) fn expand(compact: &CompactRow) -> RowProfile {
        let joined = match compact {
            CompactRow::Joined(joined) => joined,
            CompactRow::Whole(profile) => return (**profile).clone(),
        };
        let mut profiles = joined.split(PROFILE).map(|profile| {
            let (words, keys) = profile.split_once(LIST).unwrap_or((profile, ""));
            let items = |list: &str| {
                list.split(ITEM)
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            };
            Profile::from_words_and_keys(items(words), items(keys).into_iter().collect())
        });
        let whole = profiles
            .next()
            .unwrap_or_else(|| Profile::from_words_and_keys(Vec::new(), Default::default()));
        RowProfile {
            whole,
            roles: profiles.collect(),
        }
    }
}

fn push_joined<'a>(joined: &mut String, items: impl IntoIterator<Item = &'a String>) {
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            joined.push(ITEM);
        }
        joined.push_str(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_read_as_its_roles_without_where_or_for_whom() {
        assert_eq!(
            role_texts("müüja-klienditeenindaja, mööblipood"),
            ["müüja", "klienditeenindaja"]
        );
        assert_eq!(
            role_texts("Sales and warehouse assistant in a furniture chain (Kyiv)"),
            ["Sales", "warehouse assistant"]
        );
        assert_eq!(
            role_texts("Head of Customer Support / klienditoe juht, fintech (matrix)"),
            ["Head of Customer Support", "klienditoe juht"]
        );
        assert_eq!(role_texts("laotöötaja (tõstukijuhiluba)"), ["laotöötaja"]);
        assert_eq!(role_texts("Müüja - laotöötaja"), ["Müüja", "laotöötaja"]);
        assert_eq!(role_texts("IT-juht"), ["IT-juht"]);
        assert_eq!(
            role_texts("e-kaubanduse spetsialist"),
            ["e-kaubanduse spetsialist"]
        );
        assert_eq!(role_texts("Õpetaja, Tartu"), ["Õpetaja"]);
        assert_eq!(
            role_texts("müügi- ja teeninduskonsultant, telefonimüük"),
            ["müügi- ja teeninduskonsultant"]
        );
    }

    #[test]
    fn a_role_counts_where_all_of_it_is_found() {
        let task = Profile::new("Kaupade komplekteerimine, väljastamine laost");
        assert!(RowProfile::of_row("laotöötaja (tõstukijuhiluba)").has_role_in(&task));
        let title = Profile::new("Müüja - laotöötaja");
        assert!(RowProfile::of_row("müüja-klienditeenindaja, mööblipood").has_role_in(&title));
        assert!(!RowProfile::of_row("müügiesindaja, joogid (HoReCa)").has_role_in(&title));
        assert!(!RowProfile::of_row("Sales manager, building materials").has_role_in(&title));
    }

    #[test]
    fn a_row_naming_one_role_alone_has_no_roles_of_its_own() {
        assert!(RowProfile::of_row("infoturbejuht").roles.is_empty());
        assert_eq!(RowProfile::of_row("müüja-laotöötaja, JYSK").roles.len(), 2);
        assert!(
            RowProfile::whole(Profile::new("BA in Business Administration"))
                .roles
                .is_empty()
        );
    }

    #[test]
    fn a_role_is_read_by_its_field_without_its_rank() {
        let task = Profile::new("Telefoniteeninduse töötajate klienditoe andmine");
        for row in [
            "Customer support manager, bank (matrix organisation)",
            "Head of Customer Support / klienditoe juht, fintech (matrix)",
            "Customer support operations manager, SaaS company",
        ] {
            assert!(RowProfile::of_row(row).has_role_in(&task), "{row}");
        }
        // "Team lead" says nothing of a field without its rank: it keeps it, and a task about
        // a team is not its field.
        let team = Profile::new("Meeskonna töö planeerimine");
        assert!(!RowProfile::of_row("Team lead, call centre").has_role_in(&team));
    }

    #[test]
    fn a_row_profile_is_the_same_after_it_is_compacted() {
        for row in [
            "müüja-laotöötaja, JYSK",
            "Customer support manager, bank",
            "infoturbejuht",
            "laotöötaja (tõstukijuhiluba)",
            "Planeerimis- ja majandusosakonna juhataja, Tallinna Linnavalitsus",
            "",
            "MS Office, SQL; Python (pandas) — analüütik / arendaja",
        ] {
            let profile = RowProfile::of_row(row);
            assert_eq!(RowProfile::expand(&profile.compact()), profile, "{row}");
        }
        let study = RowProfile::whole(Profile::new("BA in Business Administration"));
        assert_eq!(RowProfile::expand(&study.compact()), study);
    }
}
