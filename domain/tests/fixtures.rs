//! The fixtures under `data/` are the project's own copies of what was first handed over in
//! `../shared/`: when that folder is present beside the clone, the copies must still equal it
//! (a changed original is noticed, not silently diverged from). A clone alone skips the check.

use std::path::Path;

const COPIES: &[(&str, &str)] = &[
    ("data/seeds/expected.json", "seeds/expected.json"),
    ("data/eval/dev-candidates.json", "eval/dev-candidates.json"),
    ("data/contract/api-contract.graphql", "api-contract.graphql"),
    (
        "data/seeds/ametijuhend-nounik-klienditeenindus.txt",
        "seeds/ametijuhend-nounik-klienditeenindus.txt",
    ),
    (
        "data/seeds/ametijuhend-talitusejuhataja-konekeskus.txt",
        "seeds/ametijuhend-talitusejuhataja-konekeskus.txt",
    ),
    (
        "data/seeds/kutseregister-kompetents-kliendisuhete-susteemi-ohjamine.txt",
        "seeds/kutseregister-kompetents-kliendisuhete-susteemi-ohjamine.txt",
    ),
    (
        "data/seeds/kutsestandard-it-juht-tase-7.txt",
        "seeds/kutsestandard-it-juht-tase-7.txt",
    ),
    (
        "data/seeds/kutsestandard-kvaliteedijuht-tase-7.txt",
        "seeds/kutsestandard-kvaliteedijuht-tase-7.txt",
    ),
];

#[test]
fn the_fixtures_in_data_equal_the_originals_in_shared_when_those_are_present() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let shared = root.join("../shared");
    for (copy, original) in COPIES {
        let ours = std::fs::read(root.join(copy)).unwrap_or_else(|e| panic!("{copy}: {e}"));
        let Ok(theirs) = std::fs::read(shared.join(original)) else {
            continue;
        };
        assert!(ours == theirs, "{copy} differs from ../shared/{original}");
    }
}
