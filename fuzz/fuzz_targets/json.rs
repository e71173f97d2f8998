//! The app's JSON reader (`mingbai_core::json`) against serde_json, the reader it replaced, on
//! arbitrary text: both accept or both refuse, accepted texts give the same values, and "the text
//! ended early" is reported exactly when serde_json reports it. No panic, bounded depth.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// Equal, except that floats may differ in their last bits: serde_json's default float reader is
/// "best effort" (its `float_roundtrip` feature is off), ours is Rust's correctly rounded one.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            x == y || (x - y).abs() <= 1e-14 * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours = mingbai_core::json::parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(same(a, b), "different values"),
        (Err(a), Err(b)) => assert_eq!(a.eof, b.is_eof(), "eof: ours {a}, serde_json {b}"),
        // Near f64::MAX the best-effort reader may round up to infinity where ours does not.
        (Ok(_), Err(b)) if b.to_string().starts_with("number out of range") => {}
        _ => panic!("ours {ours:?}, serde_json {theirs:?}"),
    }
});
