//! Test oracle for `decode`: a serde `Deserializer` over a parsed `serde_json::Value` that
//! remembers where an error happened, behaving like serde_json's own `&Value` deserializer wrapped
//! in `serde_path_to_error` (which the loader used before). The hand-written decoders must give
//! exactly what the serde derives give through it: same values, same messages, same paths.

use serde::de::{self, DeserializeSeed, Unexpected, Visitor};
use super::decode::{unexpected, DeError, Segment};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};

/// Deserializes `T` from `value`.
pub(crate) fn from_value<T: de::DeserializeOwned>(value: &Value) -> Result<T, DeError> {
    T::deserialize(ValueDe(value))
}

#[derive(Clone, Copy)]
struct ValueDe<'a>(&'a Value);

impl<'de> de::Deserializer<'de> for ValueDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or(0.0)),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visit_array(items, visitor),
            Value::Object(map) => visit_object(map, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let (variant, value) = match self.0 {
            Value::Object(map) => {
                let mut iter = map.iter();
                match (iter.next(), iter.next()) {
                    (Some((variant, value)), None) => (variant.as_str(), Some(value)),
                    _ => return Err(de::Error::invalid_value(Unexpected::Map, &"map with a single key")),
                }
            }
            Value::String(variant) => (variant.as_str(), None),
            other => return Err(de::Error::invalid_type(unexpected(other), &"string or map")),
        };
        visitor.visit_enum(EnumDe { variant, value })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

fn visit_array<'de, V: Visitor<'de>>(items: &'de [Value], visitor: V) -> Result<V::Value, DeError> {
    let len = items.len();
    let mut seq = SeqDe { iter: items.iter().enumerate() };
    let out = visitor.visit_seq(&mut seq)?;
    if seq.iter.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in array"))
    }
}

fn visit_object<'de, V: Visitor<'de>>(map: &'de Map<String, Value>, visitor: V) -> Result<V::Value, DeError> {
    let len = map.len();
    let mut access = MapDe { iter: map.iter(), value: None };
    let out = visitor.visit_map(&mut access)?;
    if access.iter.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in map"))
    }
}

struct SeqDe<'a> {
    iter: std::iter::Enumerate<std::slice::Iter<'a, Value>>,
}

impl<'de> de::SeqAccess<'de> for SeqDe<'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, DeError> {
        match self.iter.next() {
            Some((index, value)) => seed.deserialize(ValueDe(value)).map(Some).map_err(|e| e.at(Segment::Index(index))),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct MapDe<'a> {
    iter: serde_json::map::Iter<'a>,
    value: Option<(&'a str, &'a Value)>,
}

impl<'de> de::MapAccess<'de> for MapDe<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        match self.iter.next() {
            Some((key, value)) => {
                self.value = Some((key.as_str(), value));
                let key = de::value::BorrowedStrDeserializer::<DeError>::new(key.as_str());
                seed.deserialize(key).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.value.take() {
            Some((key, value)) => seed.deserialize(ValueDe(value)).map_err(|e| e.at(Segment::Key(key.to_string()))),
            None => Err(de::Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct EnumDe<'a> {
    variant: &'a str,
    value: Option<&'a Value>,
}

impl<'de> de::EnumAccess<'de> for EnumDe<'de> {
    type Error = DeError;
    type Variant = VariantDe<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, VariantDe<'de>), DeError> {
        let key = de::value::BorrowedStrDeserializer::<DeError>::new(self.variant);
        let variant = seed.deserialize(key)?;
        Ok((variant, VariantDe { variant: self.variant, value: self.value }))
    }
}

struct VariantDe<'a> {
    variant: &'a str,
    value: Option<&'a Value>,
}

impl<'a> VariantDe<'a> {
    fn inside(&self, e: DeError) -> DeError {
        e.at(Segment::Key(self.variant.to_string()))
    }
}

impl<'de> de::VariantAccess<'de> for VariantDe<'de> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        match self.value {
            None | Some(Value::Null) => Ok(()),
            Some(other) => Err(self.inside(de::Error::invalid_type(unexpected(other), &"unit variant"))),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        match self.value {
            Some(value) => seed.deserialize(ValueDe(value)).map_err(|e| self.inside(e)),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant")),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        match self.value {
            Some(Value::Array(items)) => visit_array(items, visitor).map_err(|e| self.inside(e)),
            Some(other) => Err(self.inside(de::Error::invalid_type(unexpected(other), &"tuple variant"))),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, DeError> {
        match self.value {
            Some(Value::Object(map)) => visit_object(map, visitor).map_err(|e| self.inside(e)),
            Some(Value::Array(items)) => visit_array(items, visitor).map_err(|e| self.inside(e)),
            Some(other) => Err(self.inside(de::Error::invalid_type(unexpected(other), &"struct variant"))),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        name: String,
        #[serde(default)]
        n: u8,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
        #[serde(default)]
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        A,
    }

    fn err(json: &str) -> (String, String) {
        let value: Value = serde_json::from_str(json).unwrap();
        let e = from_value::<Outer>(&value).unwrap_err();
        (e.path(), e.message().to_string())
    }

    #[test]
    fn paths_and_messages_match_serde_json() {
        assert_eq!(err(r#"{"items":[{"name":"x"},{"name":5}]}"#), ("items[1].name".into(), "invalid type: integer `5`, expected a string".into()));
        assert_eq!(err(r#"{"items":[{"name":"x","n":300}]}"#), ("items[0].n".into(), "invalid value: integer `300`, expected u8".into()));
        assert_eq!(err(r#"{"items":[{}]}"#), ("items[0]".into(), "missing field `name`".into()));
        assert_eq!(err(r#"{"items":[],"kind":"b"}"#), ("kind".into(), "unknown variant `b`, expected `a`".into()));
        assert_eq!(err(r#"{"items":{}}"#), ("items".into(), "invalid type: map, expected a sequence".into()));
        assert_eq!(err(r#"[]"#), ("".into(), "invalid length 0, expected struct Outer with 2 elements".into()));
        assert_eq!(err(r#"{"items":[{"name":"x","n":1.5}]}"#), ("items[0].n".into(), "invalid type: floating point `1.5`, expected u8".into()));
        let value: Value = serde_json::from_str(r#"{"items":[],"kind":null}"#).unwrap();
        assert!(from_value::<Outer>(&value).is_ok());
    }
}
