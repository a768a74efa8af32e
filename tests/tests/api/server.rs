use serde_json::json;

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
async fn fields_of_later_issues_answer_not_implemented() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for query in [
        r#"{ auditLog { totalCount } }"#,
        r#"{ exportCandidate(id: "1") }"#,
    ] {
        let error = app.gql_error(&app.admin.clone(), query, json!({})).await;
        assert_eq!(
            error["extensions"]["code"], "NOT_IMPLEMENTED",
            "{query}: {error}"
        );
    }
    let error = app
        .gql_error(
            &app.recruiter.clone(),
            "{ auditLog { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(
        error["extensions"]["code"], "FORBIDDEN",
        "the audit log is for admins"
    );
    app.cleanup().await;
}
