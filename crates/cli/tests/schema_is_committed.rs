//! The committed JSON Schemas in `schema/` must equal what the Rust types generate.
//! Regenerate with `cargo run -p mingbai-cli -- schema --out schema`.

use mingbai_core::schema::{all_schemas, to_text};
use std::path::PathBuf;

#[test]
fn committed_schema_matches_the_types() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema");
    for (name, schema) in all_schemas() {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            committed == to_text(&schema),
            "schema/{name} differs from the Rust types: run `cargo run -p mingbai-cli -- schema --out schema`"
        );
    }
}

#[test]
fn schema_requires_what_the_types_require() {
    let policies = all_schemas().into_iter().find(|(n, _)| *n == "policies.schema.json").unwrap().1;
    let text = to_text(&policies);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let required = &value["$defs"]["Policy"]["required"];
    for field in ["id", "title", "issuer", "status"] {
        assert!(required.as_array().unwrap().iter().any(|f| f == field), "{field} not required: {required}");
    }
}
