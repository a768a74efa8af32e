use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::helpers::{Backend, TestApp, start_loading};

#[tokio::test]
async fn health_readiness_and_graphiql_answer() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let app = TestApp::spawn(backend).await;
        for (path, expected) in [("/healthz", "ok"), ("/readyz", "ready")] {
            let response = app
                .client
                .get(format!("{}{path}", app.address))
                .send()
                .await
                .expect("get");
            assert_eq!(response.status().as_u16(), 200);
            assert_eq!(response.text().await.expect("body"), expected);
        }
        let page = app
            .client
            .get(format!("{}/graphiql", app.address))
            .send()
            .await
            .expect("get");
        assert_eq!(page.status().as_u16(), 200);
        assert!(
            page.text()
                .await
                .expect("body")
                .to_lowercase()
                .contains("graphiql")
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn metrics_count_requests_by_operation_and_show_index_outbox_and_subscribers() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    crate::helpers::add_candidate(&app, "Mari Maasikas").await;
    let opening = crate::helpers::import_opening(&app).await;
    for _ in 0..3 {
        app.gql("{ me { role } }", serde_json::json!({})).await;
    }
    app.gql(
        "query Ranking($o: ID!) { matches(openingId: $o) { totalCount } }",
        serde_json::json!({ "o": opening }),
    )
    .await;
    app.post(
        Some(&app.viewer),
        "{ tokens { id } }",
        serde_json::json!({}),
    )
    .await;
    let text = app
        .client
        .get(format!("{}/metrics", app.address))
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("text");
    for expected in [
        "sobivus_graphql_requests_total{operation=\"me\",outcome=\"ok\"} 3",
        "sobivus_graphql_requests_total{operation=\"Ranking\",outcome=\"ok\"} 1",
        "sobivus_graphql_requests_total{operation=\"tokens\",outcome=\"error\"} 1",
        "sobivus_graphql_request_duration_seconds_count{operation=\"me\"} 3",
        "sobivus_match_duration_seconds_count 1",
        "sobivus_index_candidates 1",
        "sobivus_subscribers 0",
        "# TYPE sobivus_outbox_lag_seconds gauge",
        "# TYPE sobivus_webhook_failures_total counter",
        "sobivus_remap_running 0",
        "sobivus_remap_candidates_done 0",
    ] {
        assert!(text.contains(expected), "missing {expected} in\n{text}");
    }
    app.cleanup().await;
}

/// A server listens before its match index is built: `/readyz` says how far (or why it
/// cannot), GraphQL refuses with NOT_READY and a Retry-After, and both turn ready once the
/// index is complete — here an index that cannot be built until a bad stored value is mended.
#[tokio::test]
async fn a_server_whose_index_is_not_built_says_so_and_refuses_graphql_until_it_is() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    crate::helpers::add_candidate(&app, "Mari Maasikas").await;
    let broken = "UPDATE candidate_language SET level = 'Z9'";
    app.db.execute_unprepared(broken).await.expect("update");

    let second = start_loading(&app.database_url).await;
    let readyz = |address: String| {
        let client = app.client.clone();
        async move {
            let response = client
                .get(format!("{address}/readyz"))
                .send()
                .await
                .expect("readyz");
            (
                response.status().as_u16(),
                response.text().await.expect("body"),
            )
        }
    };
    let mut status = readyz(second.clone()).await;
    for _ in 0..50 {
        if status.1.contains("could not be built") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        status = readyz(second.clone()).await;
    }
    assert_eq!(status.0, 503, "{status:?}");
    assert!(
        status.1.contains("server log") && status.1.contains("retrying"),
        "{status:?}"
    );

    let refused = app
        .client
        .post(format!("{second}/graphql"))
        .bearer_auth(&app.recruiter)
        .json(&json!({ "query": "{ openings { totalCount } }" }))
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status().as_u16(), 503);
    assert_eq!(
        refused
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("5")
    );
    let body: serde_json::Value = refused.json().await.expect("JSON");
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "NOT_READY",
        "{body}"
    );

    let mended = "UPDATE candidate_language SET level = 'C1'";
    app.db.execute_unprepared(mended).await.expect("update");
    for _ in 0..100 {
        status = readyz(second.clone()).await;
        if status.0 == 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(status, (200, "ready".to_owned()));
    let answered = app
        .client
        .post(format!("{second}/graphql"))
        .bearer_auth(&app.recruiter)
        .json(&json!({ "query": "{ matches(openingId: \"1\") { totalCount } }" }))
        .send()
        .await
        .expect("post");
    assert_eq!(answered.status().as_u16(), 200);
    app.cleanup().await;
}
