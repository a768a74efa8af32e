//! Skeleton: replaced by the real requirement extractor.

use crate::document::RequirementDoc;

/// Every requirement stated in `text` (a block of requirement lines or sentences).
pub fn requirements(_text: &str) -> Vec<RequirementDoc> {
    Vec::new()
}
