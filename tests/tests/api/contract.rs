//! The running server's introspection holds every type, field and argument of the public
//! contract (data/contract/api-contract.graphql) with the same types.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp};

/// type name → member name → (type, arguments name → type). Enum values have no type.
type Shape = BTreeMap<String, BTreeMap<String, (String, BTreeMap<String, String>)>>;

/// Drops descriptions and comments, which may contain braces and colons.
fn strip(sdl: &str) -> String {
    let mut out = String::new();
    let mut rest = sdl;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("\"\"\"") {
            rest = after.find("\"\"\"").map_or("", |end| &after[end + 3..]);
        } else if let Some(after) = rest.strip_prefix('"') {
            rest = after.find('"').map_or("", |end| &after[end + 1..]);
        } else if rest.starts_with('#') {
            rest = rest.find('\n').map_or("", |end| &rest[end..]);
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn parse_contract(sdl: &str) -> Shape {
    let text = strip(sdl);
    let mut shape = Shape::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('{') {
        let header: Vec<&str> = rest[..open].split_whitespace().collect();
        let close = rest[open..]
            .find('}')
            .map(|c| c + open)
            .expect("closing brace");
        let body = &rest[open + 1..close];
        let name = header
            .iter()
            .rposition(|w| matches!(*w, "type" | "input" | "enum"))
            .and_then(|i| header.get(i + 1))
            .expect("type name")
            .to_string();
        let is_enum = header.contains(&"enum");
        let mut members = BTreeMap::new();
        if is_enum {
            for value in body.split_whitespace() {
                members.insert(value.to_owned(), (String::new(), BTreeMap::new()));
            }
        } else {
            let mut body = body.to_owned();
            // One member per top-level comma or newline; arguments stay with their field.
            let mut depth = 0;
            let mut current = String::new();
            let mut parts = Vec::new();
            for c in body.drain(..) {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                if depth == 0 && (c == ',' || c == '\n') {
                    parts.push(std::mem::take(&mut current));
                } else {
                    current.push(c);
                }
            }
            parts.push(current);
            for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
                let (head, ty) = match part.find('(') {
                    Some(_) => {
                        let end = part.rfind(')').expect("closing paren");
                        let ty = part[end + 1..].trim_start_matches([' ', ':']).trim();
                        (&part[..end + 1], ty)
                    }
                    None => {
                        let (n, t) = part.split_once(':').expect("member with a type");
                        (n, t.trim())
                    }
                };
                let ty = ty.split('=').next().unwrap_or_default().trim().to_owned();
                let (field, args) = match head.split_once('(') {
                    Some((field, args)) => (field.trim(), args.trim_end_matches(')')),
                    None => (head.trim(), ""),
                };
                let args = args
                    .split(',')
                    .filter_map(|a| a.split_once(':'))
                    .map(|(n, t)| {
                        (
                            n.trim().to_owned(),
                            t.split('=').next().unwrap_or_default().trim().to_owned(),
                        )
                    })
                    .collect();
                members.insert(field.to_owned(), (ty, args));
            }
        }
        shape.insert(name, members);
        rest = &rest[close + 1..];
    }
    shape
}

fn render(ty: &Value) -> String {
    match ty["kind"].as_str() {
        Some("NON_NULL") => format!("{}!", render(&ty["ofType"])),
        Some("LIST") => format!("[{}]", render(&ty["ofType"])),
        _ => ty["name"].as_str().unwrap_or_default().to_owned(),
    }
}

const TYPE_REF: &str = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

#[tokio::test]
async fn introspection_shows_every_contract_type_field_and_argument() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/contract/api-contract.graphql"
    );
    let contract =
        parse_contract(&std::fs::read_to_string(path).expect("the contract in data/contract"));
    assert!(
        contract.len() > 40,
        "parsed {} contract types",
        contract.len()
    );

    let app = TestApp::spawn(Backend::Sqlite).await;
    let query = format!(
        "{{ __schema {{ types {{ name kind
            fields {{ name type {{ {TYPE_REF} }} args {{ name type {{ {TYPE_REF} }} }} }}
            inputFields {{ name type {{ {TYPE_REF} }} }}
            enumValues {{ name }} }} }} }}"
    );
    let data = app.gql_as(&app.viewer.clone(), &query, json!({})).await;
    let mut live = Shape::new();
    for t in data["__schema"]["types"].as_array().expect("types") {
        let mut members = BTreeMap::new();
        for f in t["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(t["inputFields"].as_array().into_iter().flatten())
        {
            let args = f["args"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| {
                    (
                        a["name"].as_str().unwrap_or_default().to_owned(),
                        render(&a["type"]),
                    )
                })
                .collect();
            members.insert(
                f["name"].as_str().unwrap_or_default().to_owned(),
                (render(&f["type"]), args),
            );
        }
        for v in t["enumValues"].as_array().into_iter().flatten() {
            members.insert(
                v["name"].as_str().unwrap_or_default().to_owned(),
                (String::new(), BTreeMap::new()),
            );
        }
        live.insert(t["name"].as_str().unwrap_or_default().to_owned(), members);
    }

    let mut missing = Vec::new();
    for (ty, members) in &contract {
        let Some(live_members) = live.get(ty) else {
            missing.push(format!("type {ty}"));
            continue;
        };
        for (member, (member_ty, args)) in members {
            match live_members.get(member) {
                None => missing.push(format!("{ty}.{member}")),
                Some((live_ty, live_args)) => {
                    if live_ty != member_ty {
                        missing.push(format!("{ty}.{member}: {live_ty} instead of {member_ty}"));
                    }
                    for (arg, arg_ty) in args {
                        if live_args.get(arg) != Some(arg_ty) {
                            missing.push(format!(
                                "{ty}.{member}({arg}: {arg_ty}) is {:?}",
                                live_args.get(arg)
                            ));
                        }
                    }
                }
            }
        }
    }
    for scalar in ["JSON", "DateTime"] {
        if !live.contains_key(scalar) {
            missing.push(format!("scalar {scalar}"));
        }
    }
    assert!(missing.is_empty(), "not as the contract says: {missing:#?}");
    app.cleanup().await;
}

#[test]
fn the_contract_parser_reads_fields_arguments_and_enums() {
    let shape = parse_contract(
        "\"doc { : }\"\ntype Query {\n  a(first: Int = 20, after: String): Conn!\n  \"x\"\n  b: [String!]!\n}\nenum E { X Y }\ninput I { n: Int!, m: String }",
    );
    assert_eq!(shape["Query"]["a"].0, "Conn!");
    assert_eq!(shape["Query"]["a"].1["first"], "Int");
    assert_eq!(shape["Query"]["b"].0, "[String!]!");
    assert_eq!(shape["E"].len(), 2);
    assert_eq!(shape["I"]["m"].0, "String");
}
