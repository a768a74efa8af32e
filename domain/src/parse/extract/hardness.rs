//! Whether a requirement is a knock-out or a wish.
//!
//! Job descriptions and ads list requirements under headings that already mean "required"
//! ("Ametikohale esitatavad nõuded", "Nõuded kandidaadile"), so a requirement is hard unless the
//! text softens it: "soovitavalt", "eelistatavalt", "eelise annab", "kasuks tuleb". A stated
//! minimum ("vähemalt", "nõutud", "nõutav", "peab", "kasutab … tasemel") therefore needs no
//! rule of its own: it is hard like every unsoftened requirement. Markers inside brackets do not
//! soften the requirement they stand in; they name what is preferred within it
//! ("kõrgharidus (soovitavalt magistrikraad)").

use super::tokens::Tokens;

/// Folded word beginnings that turn a requirement into a preference.
const SOFT_STEMS: &[&str] = &[
    "soovitus",
    "soovitav",
    "soovitat",
    "eelis",
    "kasuks",
    "pluss",
    "lisavaartus",
    "voiks",
    "preferabl",
    "preferred",
    "advantage",
    "benefici",
    "desirabl",
    "nice",
    "boonus",
    "bonus",
    "merit",
    "abiks",
    "oleks",
    "sisseelamine",
    "желательн",
    "приветств",
    "плюс",
    "преимуществ",
];

/// Whether the folded word `word` softens a requirement.
pub(crate) fn is_soft_word(word: &str) -> bool {
    SOFT_STEMS.iter().any(|stem| word.starts_with(stem)) || word == "plus"
}

/// Indices of the softening words in tokens `from..to`: outside brackets, or alone in a
/// bracket of their own ("inglise keel (soovitav)"), which softens what it follows as a
/// marker outside would.
pub(crate) fn soft_markers(tokens: &Tokens<'_>, from: usize, to: usize) -> Vec<usize> {
    (from..to.min(tokens.len()))
        .filter(|&i| tokens.list[i].depth == 0 || alone_in_brackets(tokens, i))
        .filter(|&i| tokens.word(i).is_some_and(is_soft_word))
        .collect()
}

/// Whether the word at `i` is the only word inside its bracket.
fn alone_in_brackets(tokens: &Tokens<'_>, i: usize) -> bool {
    let open = |k: usize| tokens.list[k].is_punct('(') || tokens.list[k].is_punct('[');
    let close = |k: usize| tokens.list[k].is_punct(')') || tokens.list[k].is_punct(']');
    i > 0 && i + 1 < tokens.len() && open(i - 1) && close(i + 1)
}

/// Whether any softening word stands outside brackets in tokens `from..to`.
pub(crate) fn softened(tokens: &Tokens<'_>, from: usize, to: usize) -> bool {
    !soft_markers(tokens, from, to).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_softening_phrase_is_recognised() {
        for phrase in [
            "soovitavalt",
            "soovitatav",
            "eelistatavalt",
            "eelistatud",
            "Eelise annab",
            "on eeliseks",
            "kasuks tuleb",
            "on plussiks",
            "preferably",
            "is an advantage",
            "on boonuseks",
            "is a bonus",
            "vene keele oskus on meile suureks abiks",
            "Väga hea oleks, kui sul on kogemus",
            "Sisseelamine on kiirem, kui tunned Excelit",
            "будет плюсом",
            "vene keel - soovituslik",
            "inglise keel erialase kirjanduse lugemise tasemel (soovitav)",
            "желательно",
        ] {
            let tokens = Tokens::new(phrase);
            assert!(softened(&tokens, 0, tokens.len()), "{phrase}");
        }
    }

    #[test]
    fn stated_minimums_do_not_soften() {
        for phrase in [
            "vähemalt",
            "nõutud",
            "nõutav",
            "peab",
            "kasutab tasemel",
            "eesti",
        ] {
            let tokens = Tokens::new(phrase);
            assert!(!softened(&tokens, 0, tokens.len()), "{phrase}");
        }
    }

    #[test]
    fn a_marker_inside_brackets_does_not_soften_the_sentence() {
        let tokens = Tokens::new("Kõrgharidus (soovitavalt magistrikraad)");
        assert!(!softened(&tokens, 0, tokens.len()));
    }
}
