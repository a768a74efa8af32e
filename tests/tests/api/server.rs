use crate::helpers::{Backend, TestApp};

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
