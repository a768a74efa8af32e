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
