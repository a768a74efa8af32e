//! The experience fields of a kernel: for each, which interned row texts are in it, resolved
//! once per text when the kernel is compiled or sees new texts (the rows' profiles are read
//! back from their compact form only here).

use crate::score::experience;
use crate::score::row::{CompactRow, RowProfile};

/// One experience field and which interned texts are in it.
#[derive(Debug, Clone)]
pub(super) struct Field {
    pub(super) field: experience::Field,
    pub(super) texts: Vec<bool>,
    /// Per interned text, the parts of a graded field it is in (empty when not graded).
    pub(super) masks: Vec<u64>,
    /// Per interned text of a graded field: whether it holds the post's title.
    pub(super) titles: Vec<bool>,
}

/// What `fields` say of each of `texts`, as fields of the same kinds holding these texts only.
pub(super) fn resolve(fields: &[Field], texts: &[CompactRow]) -> Vec<Field> {
    let mut out: Vec<Field> = fields
        .iter()
        .map(|f| Field {
            field: f.field.clone(),
            texts: Vec::with_capacity(texts.len()),
            masks: Vec::new(),
            titles: Vec::new(),
        })
        .collect();
    for compact in texts {
        let row = RowProfile::expand(compact);
        for field in &mut out {
            if field.field.is_graded() {
                // The text's parts are read once; whether it counts and holds the title
                // follow from them.
                let mask = field.field.part_mask(&row);
                field
                    .texts
                    .push(experience::counts_in_graded(&field.field, mask));
                field.masks.push(mask);
                field
                    .titles
                    .push(experience::holds_title_in(&field.field, &row, || mask));
            } else {
                field.texts.push(experience::counts(&field.field, &row));
            }
        }
    }
    out
}
