use serde_json::json;

use crate::helpers::{BACKENDS, CREATE_CANDIDATE, TestApp, candidate_input};

#[tokio::test]
async fn a_request_without_a_token_gets_401_with_a_graphql_error() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let (status, body) = app.post(None, "{ me { name } }", json!({})).await;
        assert_eq!(status, 401);
        assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");

        let (status, body) = app
            .post(Some("sbv_not-a-token"), "{ me { name } }", json!({}))
            .await;
        assert_eq!(status, 401, "{body}");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_viewer_reads_candidates_without_personal_data() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let created = app
            .gql(
                CREATE_CANDIDATE,
                json!({ "input": candidate_input("Mari Maasikas") }),
            )
            .await;
        let id = created["createCandidate"]["id"].clone();
        let query = "query($id: ID!) { candidate(id: $id) { name email phone education languages { level } } }";

        let viewer = app
            .gql_as(&app.viewer.clone(), query, json!({ "id": id }))
            .await;
        let seen = &viewer["candidate"];
        assert_eq!(seen["name"], json!(null));
        assert_eq!(seen["email"], json!(null));
        assert_eq!(seen["phone"], json!(null));
        assert_eq!(
            seen["education"], "master's degree",
            "non-personal fields stay visible"
        );

        let integration = app
            .gql_as(&app.integration.clone(), query, json!({ "id": id }))
            .await;
        assert_eq!(integration["candidate"]["name"], json!(null));

        let recruiter = app.gql(query, json!({ "id": id })).await;
        assert_eq!(recruiter["candidate"]["name"], "Mari Maasikas");
        assert_eq!(recruiter["candidate"]["email"], "mari.maasikas@example.ee");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn read_only_roles_cannot_write_or_search_by_name() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        for token in [app.viewer.clone(), app.integration.clone()] {
            let error = app
                .gql_error(
                    &token,
                    CREATE_CANDIDATE,
                    json!({ "input": candidate_input("X Y") }),
                )
                .await;
            assert_eq!(error["extensions"]["code"], "FORBIDDEN", "{error}");
            let error = app
                .gql_error(
                    &token,
                    r#"{ candidates(search: "mari") { totalCount } }"#,
                    json!({}),
                )
                .await;
            assert_eq!(error["extensions"]["code"], "FORBIDDEN", "{error}");
        }
        let count = app.gql("{ candidates { totalCount } }", json!({})).await;
        assert_eq!(count["candidates"]["totalCount"], 0, "nothing was written");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_caller_sees_its_own_role() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let me = app
        .gql_as(
            &app.viewer.clone(),
            "{ me { name role seesPersonalData canWrite } }",
            json!({}),
        )
        .await;
    assert_eq!(
        me["me"],
        json!({ "name": "test-viewer", "role": "VIEWER", "seesPersonalData": false, "canWrite": false })
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let token = api::auth::issue_token(
        &app.db,
        &app.services.token_key,
        api::auth::Role::Admin,
        "short",
        Some(0),
    )
    .await
    .expect("token");
    let (status, _) = app.post(Some(&token), "{ me { name } }", json!({})).await;
    assert_eq!(status, 401);
    app.cleanup().await;
}
