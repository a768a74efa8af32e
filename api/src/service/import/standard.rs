//! Storing an occupational standard and a competence fragment.

use chrono::{NaiveDate, Utc};
use domain::document::{CompetenceDoc, StandardDoc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait};

use entity::{
    competence, competence_item, partial_qualification, partial_qualification_competence, standard,
};

use super::position;
use crate::error::ApiResult;
use crate::service::json::to_string_list;
use crate::service::requirements::{Owner, blank, insert_tree};

fn date(d: Option<domain::document::Date>) -> Option<NaiveDate> {
    d.and_then(|d| NaiveDate::from_ymd_opt(d.year, d.month, d.day))
}

fn level(l: Option<u8>) -> Option<i32> {
    l.map(i32::from)
}

async fn insert_competence<C: ConnectionTrait>(
    txn: &C,
    standard_id: Option<i64>,
    document_id: Option<i64>,
    position: i32,
    title: String,
    c: &CompetenceDoc,
) -> ApiResult<competence::Model> {
    let row = competence::ActiveModel {
        standard_id: Set(standard_id),
        document_id: Set(document_id),
        position: Set(position),
        code: Set(c.code.clone()),
        title: Set(title),
        ekr_level: Set(level(c.ekr_level)),
        kind: Set(c.kind.as_str().to_owned()),
        ecf_codes: Set(to_string_list(&c.ecf_codes)),
        assessment: Set(c.assessment.clone()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let items: Vec<competence_item::ActiveModel> = c
        .indicators
        .iter()
        .map(|t| ("INDICATOR", t))
        .chain(c.knowledge.iter().map(|t| ("KNOWLEDGE", t)))
        .enumerate()
        .map(|(i, (kind, text))| competence_item::ActiveModel {
            competence_id: Set(row.id),
            kind: Set(kind.to_owned()),
            position: Set(i32::try_from(i).unwrap_or(i32::MAX)),
            text: Set(text.clone()),
            ..Default::default()
        })
        .collect();
    if !items.is_empty() {
        competence_item::Entity::insert_many(items)
            .exec(txn)
            .await?;
    }
    Ok(row)
}

pub(super) async fn store_standard<C: ConnectionTrait>(
    txn: &C,
    document_id: i64,
    s: &StandardDoc,
    warnings: &mut Vec<String>,
) -> ApiResult<standard::Model> {
    let title = if s.title.trim().is_empty() {
        warnings.push("the standard has no title; stored as 'Kutsestandard'".to_owned());
        "Kutsestandard".to_owned()
    } else {
        s.title.trim().to_owned()
    };
    let std = standard::ActiveModel {
        document_id: Set(Some(document_id)),
        search_key: Set(domain::text::fold(&title)),
        title: Set(title),
        title_en: Set(s.title_en.clone()),
        ekr_level: Set(level(s.ekr_level)),
        eqf_level: Set(level(s.eqf_level)),
        registry_code: Set(s.registry_code.clone()),
        isco_code: Set(s.isco_code.clone()),
        version: Set(s.version.clone()),
        valid_from: Set(date(s.valid_from)),
        valid_until: Set(date(s.valid_until)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;

    let mut by_code = std::collections::HashMap::new();
    let mut stored = Vec::new();
    for (i, c) in s.competences.iter().enumerate() {
        let title = c
            .title
            .clone()
            .or_else(|| c.code.clone())
            .unwrap_or_else(|| format!("Kompetents {}", i + 1));
        let row = insert_competence(txn, Some(std.id), None, position(i), title, c).await?;
        if let Some(code) = &c.code {
            by_code.insert(code.clone(), row.id);
        }
        stored.push(row);
    }
    for (i, pq) in s.partial_qualifications.iter().enumerate() {
        let row = partial_qualification::ActiveModel {
            standard_id: Set(std.id),
            position: Set(position(i)),
            title: Set(pq.title.clone()),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        let mut members = Vec::new();
        for (j, code) in pq.competence_codes.iter().enumerate() {
            match by_code.get(code) {
                Some(id) if !members.iter().any(|(m, _)| m == id) => members.push((*id, j)),
                Some(_) => {}
                None => warnings.push(format!(
                    "partial qualification '{}' names competence {code}, which the standard does not have",
                    pq.title
                )),
            }
        }
        let rows: Vec<_> = members
            .into_iter()
            .map(|(id, j)| partial_qualification_competence::ActiveModel {
                partial_qualification_id: Set(row.id),
                competence_id: Set(id),
                position: Set(position(j)),
            })
            .collect();
        if !rows.is_empty() {
            partial_qualification_competence::Entity::insert_many(rows)
                .exec(txn)
                .await?;
        }
    }
    let mut next = 0;
    insert_tree(
        txn,
        Owner::Standard(std.id),
        &s.requirements,
        None,
        &mut next,
    )
    .await?;
    for (c, doc) in stored.iter().zip(&s.competences) {
        let description = match &c.code {
            Some(code) => format!("{code} {}", c.title),
            None => c.title.clone(),
        };
        let mut row = blank(
            Owner::Standard(std.id),
            "COMPETENCE",
            false,
            domain::score::weights::competence_weight(doc.kind),
            description,
        );
        row.competence_id = Set(Some(c.id));
        row.position = Set(next);
        next += 1;
        row.insert(txn).await?;
    }
    Ok(std)
}

pub(super) async fn store_fragment<C: ConnectionTrait>(
    txn: &C,
    document_id: i64,
    c: &CompetenceDoc,
    recognised: Option<i64>,
    warnings: &mut Vec<String>,
) -> ApiResult<(competence::Model, String)> {
    let known = match recognised {
        Some(id) => competence::Entity::find_by_id(id).one(txn).await?,
        None => None,
    };
    if let Some(known) = known {
        let title = known.title.clone();
        // The register's page may add how the competence is assessed; keep that, change
        // nothing else.
        let known = match (&known.assessment, &c.assessment) {
            (None, Some(assessment)) => {
                competence::ActiveModel {
                    id: Set(known.id),
                    assessment: Set(Some(assessment.clone())),
                    ..Default::default()
                }
                .update(txn)
                .await?
            }
            _ => known,
        };
        return Ok((known, title));
    }
    let first = c
        .indicators
        .first()
        .or(c.knowledge.first())
        .map(|t| t.chars().take(100).collect::<String>())
        .unwrap_or_default();
    let title = c
        .title
        .clone()
        .unwrap_or_else(|| format!("Kompetents: {first}"));
    warnings.push(
        "no known competence has these indicators and knowledge; stored as a standalone \
         competence without a standard"
            .to_owned(),
    );
    let row = insert_competence(txn, None, Some(document_id), 0, title.clone(), c).await?;
    Ok((row, title))
}
