//! Every format type survives JSON → Rust → JSON → Rust unchanged, on real fixture files.

use mingbai_core::parse::{parse_entries, parse_object, Decode};
use mingbai_core::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/base/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("fixture")
}

fn round_trip_list<T: Serialize + DeserializeOwned + Decode + PartialEq + Debug>(name: &str) -> usize {
    let (entries, problems) = parse_entries::<T>(name, &fixture(name));
    assert!(problems.is_empty(), "{problems:?}");
    let text = serde_json::to_string(&entries).unwrap();
    let again: Vec<T> = serde_json::from_str(&text).unwrap();
    assert_eq!(entries, again);
    entries.len()
}

fn round_trip_object<T: Serialize + DeserializeOwned + Decode + PartialEq + Debug>(name: &str) {
    let value: T = parse_object(name, &fixture(name)).unwrap();
    let again: T = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
    assert_eq!(value, again);
}

#[test]
fn every_type_round_trips() {
    assert_eq!(round_trip_list::<Policy>("policies.json"), 3);
    assert_eq!(round_trip_list::<Card>("cards.json"), 2);
    assert_eq!(round_trip_list::<Qa>("qa.json"), 3);
    assert_eq!(round_trip_list::<Notice>("notices-1.json"), 2);
    assert_eq!(round_trip_list::<Topic>("topics.json"), 1);
    assert_eq!(round_trip_list::<Synonym>("synonyms.json"), 2);
    round_trip_object::<Taxonomy>("taxonomy.json");
    let manifest = parse_manifest("manifest.json", &fixture("manifest.json")).unwrap();
    let again = parse_manifest("manifest.json", &serde_json::to_string(&manifest).unwrap()).unwrap();
    assert_eq!(manifest, again);
}

#[test]
fn a_manifest_file_list_may_be_one_name_or_shards() {
    let one = r#"{"format":"mingbai-library","version":1,"name":"x","files":{"policies":"p.json","qa":["a.json","b.json"]}}"#;
    let manifest = parse_manifest("manifest.json", one).unwrap();
    let builder = LibraryBuilder::new(manifest);
    let names: Vec<String> = builder.planned_files().into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["p.json", "a.json", "b.json"]);
}

#[test]
fn dates_keep_their_original_text() {
    let (notices, _) = parse_entries::<Notice>("n.json", &fixture("notices-1.json"));
    assert_eq!(notices[1].published.as_str(), "2024-07-02T10:00:00+08:00");
    assert!(serde_json::to_string(&notices[1]).unwrap().contains("2024-07-02T10:00:00+08:00"));
}
