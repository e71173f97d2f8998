//! A small JSON reader into `serde_json::Value`, for every JSON text the browser reads (library
//! files, config.json, the search worker's replies, what the device stored).
//!
//! Why not `serde_json::from_str`: its reader is generic over serde visitors and pulls serde's
//! deserializer machinery into the app's wasm (tens of KB of the 200 KB shell budget), and its
//! error messages are English ("expected `,` or `]`"), while people see ours in Chinese. The
//! values are the same as serde_json's (tests compare the two on real and damaged files).

use serde_json::{Map, Number, Value};

/// Arrays and objects nested this deep are refused (serde_json's limit too: 127 levels read), so
/// hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where (1-based line and column, columns counted in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// In Chinese, for people: "此处应为逗号或“]”".
    pub message: String,
    pub line: usize,
    pub column: usize,
    /// The text ended too early (often a download cut short).
    pub eof: bool,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}（第 {} 行第 {} 列）", self.message, self.line, self.column)
    }
}

/// Reads one JSON value; whitespace may surround it, nothing else may follow it.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut reader = Reader { text, bytes: text.as_bytes(), at: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("JSON 值之后还有多余的内容"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, message: &str) -> JsonError {
        self.error_at(self.at, message, false)
    }

    fn error_at(&self, at: usize, message: &str, eof: bool) -> JsonError {
        let before = &self.text[..floor_char_boundary(self.text, at)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        JsonError { message: message.to_string(), line, column, eof }
    }

    fn end(&self) -> JsonError {
        self.error_at(self.bytes.len(), "文件不完整（可能传输中断）", true)
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after whitespace, not consumed.
    fn peek(&mut self) -> Result<u8, JsonError> {
        self.skip_space();
        self.bytes.get(self.at).copied().ok_or_else(|| self.end())
    }

    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        match self.peek()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => Ok(Value::String(self.string()?)),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'n' => self.word("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.error("此处应为一个值（对象、数组、字符串、数字、true、false 或 null）")),
        }
    }

    fn nest(&self, depth: usize) -> Result<(), JsonError> {
        if depth >= MAX_DEPTH {
            return Err(self.error(&format!("嵌套层数过多（最多 {} 层）", MAX_DEPTH - 1)));
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.nest(depth)?;
        self.at += 1; // [
        let mut items = Vec::new();
        if self.peek()? == b']' {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("此处应为逗号或“]”")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.nest(depth)?;
        self.at += 1; // {
        let mut map = Map::new();
        if self.peek()? == b'}' {
            self.at += 1;
            return Ok(Value::Object(map));
        }
        loop {
            if self.peek()? != b'"' {
                return Err(self.error("此处应为用双引号括起的键名"));
            }
            let key = self.string()?;
            if self.peek()? != b':' {
                return Err(self.error("此处应为冒号“:”"));
            }
            self.at += 1;
            let value = self.value(depth)?;
            // A repeated key keeps its last value, as in serde_json.
            map.insert(key, value);
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.error("此处应为逗号或“}”")),
            }
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        let end = self.at + word.len();
        match self.bytes.get(self.at..end.min(self.bytes.len())) {
            Some(have) if have == word.as_bytes() => {
                self.at = end;
                Ok(value)
            }
            Some(have) if word.as_bytes().starts_with(have) => Err(self.end()),
            _ => Err(self.error("此处应为一个值（对象、数组、字符串、数字、true、false 或 null）")),
        }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // "
        let mut out = String::new();
        loop {
            // Copy the plain run up to the next quote, backslash or control character at once.
            let start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(&self.text[start..self.at]);
            match self.bytes.get(self.at) {
                None => return Err(self.end()),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.bytes.get(self.at) {
                        None => return Err(self.end()),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            out.push(self.unicode_escape()?);
                            continue;
                        }
                        Some(_) => return Err(self.error("字符串中有无效的转义（\\ 后只能是 \" \\ / b f n r t u）")),
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                Some(_) => return Err(self.error("字符串中有未转义的控制字符（如换行）")),
            }
        }
    }

    /// After `\u`: four hex digits, and for a surrogate pair the `\uXXXX` that completes it.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            return char::from_u32(first).ok_or_else(|| self.error("字符串中有不成对的 \\u 代理项"));
        }
        let rest = &self.bytes[self.at..];
        if !rest.starts_with(b"\\u") {
            return Err(if b"\\u".starts_with(rest) { self.end() } else { self.error("字符串中有不成对的 \\u 代理项") });
        }
        self.at += 2;
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return Err(self.error("字符串中有不成对的 \\u 代理项"));
        }
        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        char::from_u32(code).ok_or_else(|| self.error("字符串中有不成对的 \\u 代理项"))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        // Fewer than four characters left: the text was cut (serde_json says so too).
        if self.at + 4 > self.bytes.len() {
            return Err(self.end());
        }
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.bytes.get(self.at) {
                None => return Err(self.end()),
                Some(&b) => (b as char).to_digit(16).ok_or_else(|| self.error("\\u 之后应为四位十六进制数"))?,
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.at;
        let negative = self.bytes[self.at] == b'-';
        if negative {
            self.at += 1;
        }
        let digits = |r: &mut Self| {
            let from = r.at;
            while let Some(b'0'..=b'9') = r.bytes.get(r.at) {
                r.at += 1;
            }
            r.at - from
        };
        let int_start = self.at;
        match digits(self) {
            0 if self.at >= self.bytes.len() => return Err(self.end()),
            0 => return Err(self.error("数字格式错误")),
            n if n > 1 && self.bytes[int_start] == b'0' => {
                return Err(self.error_at(int_start + 1, "数字格式错误（整数部分不能以 0 开头）", false))
            }
            _ => {}
        }
        let mut float = false;
        if self.bytes.get(self.at) == Some(&b'.') {
            float = true;
            self.at += 1;
            if digits(self) == 0 {
                return Err(if self.at >= self.bytes.len() { self.end() } else { self.error("数字格式错误（小数点后应有数字）") });
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            float = true;
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(if self.at >= self.bytes.len() { self.end() } else { self.error("数字格式错误（指数部分应有数字）") });
            }
        }
        let literal = &self.text[start..self.at];
        if !float {
            // Integers as serde_json keeps them: u64 when not negative, else i64, else f64.
            if negative {
                // "-0" stays a float (-0.0), as in serde_json.
                if let Ok(n) = literal.parse::<i64>().map_err(drop).and_then(|n| if n == 0 { Err(()) } else { Ok(n) }) {
                    return Ok(Value::Number(n.into()));
                }
            } else if let Ok(n) = literal.parse::<u64>() {
                return Ok(Value::Number(n.into()));
            }
        }
        match literal.parse::<f64>().ok().and_then(Number::from_f64) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(self.error_at(start, "数字超出范围", false)),
        }
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests;
