//! JSON Schemas generated from the format types, one per library file. The committed copies in
//! `schema/` are checked against these by a test, so the published schema never drifts.

use crate::types::*;
use schemars::{schema_for, Schema};

/// `(file name, schema)` for every file of the format, in a stable order.
pub fn all_schemas() -> Vec<(&'static str, Schema)> {
    vec![
        ("manifest.schema.json", schema_for!(Manifest)),
        ("policies.schema.json", schema_for!(Vec<Policy>)),
        ("cards.schema.json", schema_for!(Vec<Card>)),
        ("qa.schema.json", schema_for!(Vec<Qa>)),
        ("notices.schema.json", schema_for!(Vec<Notice>)),
        ("topics.schema.json", schema_for!(Vec<Topic>)),
        ("taxonomy.schema.json", schema_for!(Taxonomy)),
        ("synonyms.schema.json", schema_for!(Vec<Synonym>)),
    ]
}

/// Pretty JSON text of a schema, as committed (trailing newline included).
pub fn to_text(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
