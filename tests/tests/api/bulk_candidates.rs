//! `sobivus candidates import/export`: a candidate database moves in and out; bad lines are
//! reported with their number and skipped; what is imported is ranked and announced like a
//! candidate created through the API.

use serde_json::json;

use crate::helpers::{Backend, TestApp, import_opening};

const GOOD: [&str; 3] = [
    r#"{"name":"Mari Maasikas","email":"mari@example.ee","education":"magistrikraad","languages":[{"language":"eesti","level":"emakeel"},{"language":"inglise","level":"C1"}],"experience":[{"years":11,"description":"klienditeeninduse osakonna juhataja"}],"digital":[{"area":"infotöötlus","level":"vilunud"}],"competences":["klienditeeninduse korraldamine","meeskonna juhtimine"]}"#,
    r#"{"name":"Jaan Jõgi","languages":[{"language":"Estonian","level":"C2"}],"competences":["laohaldus"]}"#,
    r#"{"name":"Anna Ivanova","phone":"+372 5555 1234","languages":[{"language":"vene","level":"native"},{"language":"eesti","level":"B2"}]}"#,
];

fn scratch_file(name: &str, content: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sobivus-bulk-{}", crate::helpers::unique_name()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("file");
    path
}

#[tokio::test]
async fn good_lines_are_imported_bad_ones_reported_by_number_and_the_matches_see_them() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let opening = import_opening(&app).await;
    let lines = [
        GOOD[0],
        GOOD[1],
        r#"{"name":"Vigane Keeletase","languages":[{"language":"eesti","level":"väga hästi ja rohkemgi"}]}"#,
        "",
        "this is not json",
        GOOD[2],
    ];
    let path = scratch_file("kandidaadid.jsonl", &lines.join("\n"));
    let imported = api::cli_candidates::import(&app.services, &path)
        .await
        .expect("import runs");
    assert_eq!(imported.written, 3);
    let bad: Vec<u64> = imported.bad.iter().map(|(line, _)| *line).collect();
    assert_eq!(bad, [3, 5], "{:?}", imported.bad);
    assert!(
        imported.bad[0].1.contains("languages[0].level") && imported.bad[0].1.contains("rohkemgi"),
        "{:?}",
        imported.bad[0]
    );
    let matches = app
        .gql(
            "query($id: ID!) { matches(openingId: $id, first: 10) { edges { node { candidate { name } } } } }",
            json!({ "id": opening }),
        )
        .await;
    let names: Vec<&str> = matches["matches"]["edges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["node"]["candidate"]["name"].as_str())
        .collect();
    assert_eq!(names.len(), 3, "{matches}");
    assert_eq!(
        names[0], "Mari Maasikas",
        "the head of a customer service unit ranks first"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_export_imports_back_as_it_was_as_csv_and_as_json_lines() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let path = scratch_file("sisse.jsonl", &GOOD.join("\n"));
    api::cli_candidates::import(&app.services, &path)
        .await
        .expect("import");
    let jsonl = path.with_file_name("valja.jsonl");
    let csv = path.with_file_name("valja.csv");
    assert_eq!(
        api::cli_candidates::export(&app.services, Some(&jsonl))
            .await
            .expect("export"),
        3
    );
    api::cli_candidates::export(&app.services, Some(&csv))
        .await
        .expect("export");
    let exported = std::fs::read_to_string(&jsonl).expect("jsonl");
    assert!(exported.contains(r#""name":"Jaan Jõgi""#), "{exported}");
    for file in [&jsonl, &csv] {
        let other = TestApp::spawn(Backend::Sqlite).await;
        let again = api::cli_candidates::import(&other.services, file)
            .await
            .expect("re-import");
        assert_eq!(
            (again.written, again.bad.len()),
            (3, 0),
            "{file:?}: {:?}",
            again.bad
        );
        let round = file.with_extension("round.jsonl");
        api::cli_candidates::export(&other.services, Some(&round))
            .await
            .expect("export again");
        assert_eq!(
            std::fs::read_to_string(&round).expect("round"),
            exported,
            "{file:?} comes back as it went out"
        );
        other.cleanup().await;
    }
    app.cleanup().await;
}

#[tokio::test]
async fn an_import_answers_before_the_remap_of_thousands_of_candidates_and_the_remap_completes() {
    const CANDIDATES: usize = 3000;
    let app = TestApp::spawn(Backend::Sqlite).await;
    // Phrases vary between candidates, as in real data, so the remap has work for each.
    let phrases = [
        "sisemiste auditite läbiviimine",
        "kvaliteedijuhtimise süsteemi arendamine",
        "klienditeeninduse korraldamine",
        "protsesside parendamine",
        "riskide hindamine",
        "meeskonna juhtimine",
        "internal audit",
        "root cause analysis",
    ];
    let lines: Vec<String> = (0..CANDIDATES)
        .map(|i| {
            let mut own = vec![phrases[i % phrases.len()]];
            let second = phrases[(i / 3 + 1) % phrases.len()];
            if second != own[0] {
                own.push(second);
            }
            json!({
                "name": format!("Kandidaat {i}"),
                "languages": [{ "language": "eesti", "level": "C1" }],
                "competences": own,
            })
            .to_string()
        })
        .collect();
    let path = scratch_file("palju.jsonl", &lines.join("\n"));
    let imported = api::cli_candidates::import(&app.services, &path)
        .await
        .expect("import runs");
    assert_eq!(imported.written, CANDIDATES, "{:?}", imported.bad);

    let status = "{ remapStatus { pending running candidatesDone } }";
    let started = std::time::Instant::now();
    let data = app
        .gql(
            "mutation($t: String!) { importDocument(text: $t) { created } }",
            json!({ "t": crate::helpers::seed("kutsestandard-kvaliteedijuht-tase-7.txt") }),
        )
        .await;
    let answered = started.elapsed();
    assert_eq!(data["importDocument"]["created"], true, "{data}");
    let right_after = app.gql_as(&app.admin.clone(), status, json!({})).await;
    let busy = right_after["remapStatus"]["pending"] == json!(true)
        || right_after["remapStatus"]["running"] == json!(true);
    assert!(
        busy,
        "the request did not wait for the whole remap: {right_after}"
    );
    let mut seen_done = 0;
    let mut last = right_after;
    for _ in 0..1200 {
        let remap = &last["remapStatus"];
        if remap["running"] == json!(true) {
            seen_done = seen_done.max(remap["candidatesDone"].as_u64().unwrap_or(0));
        }
        if remap["pending"] == json!(false) && remap["running"] == json!(false) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        last = app.gql_as(&app.admin.clone(), status, json!({})).await;
    }
    let total = started.elapsed();
    assert_eq!(
        last["remapStatus"]["running"], false,
        "remap finished: {last}"
    );
    assert_eq!(
        last["remapStatus"]["pending"], false,
        "remap finished: {last}"
    );
    assert!(
        answered < total,
        "answered in {answered:?}, the remap took {total:?}"
    );
    // After the remap a phrase of the new standard's field maps to one of its competences.
    let found = app
        .gql(
            "{ candidates(first: 1, search: \"Kandidaat 0\") { edges { node { competences { phrase competence { code } } } } } }",
            json!({}),
        )
        .await;
    let mapped = found["candidates"]["edges"][0]["node"]["competences"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|c| c["competence"]["code"] != json!(null));
    assert!(
        mapped,
        "phrases mapped after the remap: {found} (seen done {seen_done})"
    );
    app.cleanup().await;
}
