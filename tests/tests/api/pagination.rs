use serde_json::json;

use crate::helpers::{BACKENDS, CREATE_CANDIDATE, TestApp};

#[tokio::test]
async fn pages_follow_each_other_with_stable_cursors() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        for n in 0..25 {
            app.gql(
                CREATE_CANDIDATE,
                json!({ "input": { "name": format!("Kandidaat {n:02}") } }),
            )
            .await;
        }
        let query = r#"query($after: String) { candidates(first: 10, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name } } } }"#;
        let mut after = json!(null);
        let mut names = Vec::new();
        let mut pages = 0;
        loop {
            let page = app.gql(query, json!({ "after": after })).await;
            let conn = &page["candidates"];
            assert_eq!(conn["totalCount"], 25);
            for edge in conn["edges"].as_array().expect("edges") {
                names.push(edge["node"]["name"].as_str().unwrap_or_default().to_owned());
            }
            pages += 1;
            let last = conn["edges"]
                .as_array()
                .and_then(|e| e.last())
                .map(|e| e["cursor"].clone());
            assert_eq!(conn["pageInfo"]["endCursor"], last.unwrap_or(json!(null)));
            if conn["pageInfo"]["hasNextPage"] == json!(false) {
                break;
            }
            after = conn["pageInfo"]["endCursor"].clone();
        }
        assert_eq!(pages, 3);
        let expected: Vec<String> = (0..25).map(|n| format!("Kandidaat {n:02}")).collect();
        assert_eq!(names, expected, "every candidate once, in order");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn more_than_a_hundred_per_page_or_a_forged_cursor_is_bad_user_input() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let error = app
        .gql_error(
            &app.viewer.clone(),
            "{ standards(first: 101) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT");
    assert!(
        error["message"]
            .as_str()
            .unwrap_or_default()
            .contains("101")
    );
    let error = app
        .gql_error(
            &app.viewer.clone(),
            r#"{ openings(after: "garbage") { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_eq!(error["extensions"]["field"], "after");
    app.cleanup().await;
}
