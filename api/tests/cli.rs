//! The `sobivus` command line, run as a user runs it.

use std::process::Command;

fn sobivus() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sobivus"))
}

#[test]
fn the_printed_schema_is_the_checked_in_schema() {
    let output = sobivus().arg("schema").output().expect("sobivus runs");
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).expect("utf-8");
    let checked_in = include_str!("../schema.graphql");
    assert!(
        printed == checked_in,
        "api/schema.graphql is stale: run `sobivus schema > api/schema.graphql`"
    );
}

#[test]
fn token_create_prints_the_token_on_its_last_line_and_stores_only_a_hash() {
    let path = std::env::temp_dir().join(format!("sobivus-cli-{}.db", std::process::id()));
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let output = sobivus()
        .args(["token", "create", "--role", "viewer", "--name", "ci"])
        .env("DATABASE_URL", &url)
        .output()
        .expect("sobivus runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let token = stdout.lines().last().expect("a line").trim().to_owned();
    assert!(token.starts_with("sbv_") && token.len() > 40, "{stdout}");
    let stored = std::fs::read(&path).expect("database file");
    let needle = token.as_bytes();
    assert!(
        !stored.windows(needle.len()).any(|w| w == needle),
        "the token itself is not stored"
    );
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[test]
fn an_unknown_role_is_refused_with_the_choices() {
    let output = sobivus()
        .args(["token", "create", "--role", "owner"])
        .env("DATABASE_URL", "sqlite::memory:")
        .output()
        .expect("sobivus runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("admin, recruiter, viewer or integration"),
        "{stderr}"
    );
}

#[test]
fn help_documents_every_command() {
    let output = sobivus().arg("--help").output().expect("sobivus runs");
    let help = String::from_utf8_lossy(&output.stdout);
    for command in ["serve", "schema", "token"] {
        assert!(help.contains(command), "{help}");
    }
    let output = sobivus()
        .args(["serve", "--help"])
        .output()
        .expect("sobivus runs");
    let help = String::from_utf8_lossy(&output.stdout);
    for flag in [
        "--database-url",
        "--redis-url",
        "--port",
        "--bind",
        "--demo",
    ] {
        assert!(help.contains(flag), "{help}");
    }
}

#[test]
fn import_reads_many_files_prints_a_summary_and_fails_when_one_fails() {
    let dir = std::env::temp_dir().join(format!("sobivus-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.join("db.sqlite").display());
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/seeds");
    let standard = format!("{seeds}/kutsestandard-kvaliteedijuht-tase-7.txt");
    let job = format!("{seeds}/ametijuhend-nounik-klienditeenindus.txt");
    let garbage = dir.join("garbage.txt");
    std::fs::write(&garbage, "Tere! Homme on ilus ilm ja me läheme randa.").expect("write");

    let ok = sobivus()
        .args(["import", &standard, &job])
        .env("DATABASE_URL", &url)
        .output()
        .expect("sobivus runs");
    let summary = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "{summary}\n{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        summary.contains("OCCUPATIONAL_STANDARD") && summary.contains("JOB_DESCRIPTION"),
        "{summary}"
    );
    assert!(
        summary.contains("2 files: 2 imported, 0 unchanged, 0 failed"),
        "{summary}"
    );
    assert!(
        String::from_utf8_lossy(&ok.stderr).contains("2/2"),
        "a progress bar"
    );

    let again = sobivus()
        .args(["import", &standard, garbage.to_str().expect("path")])
        .env("DATABASE_URL", &url)
        .output()
        .expect("sobivus runs");
    let summary = String::from_utf8_lossy(&again.stdout);
    assert!(!again.status.success(), "a failed file fails the command");
    assert!(
        summary.contains("unchanged") && summary.contains("failed"),
        "{summary}"
    );
    assert!(summary.contains("no parser recognises"), "{summary}");
    let _ = std::fs::remove_dir_all(&dir);
}
