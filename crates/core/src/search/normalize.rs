//! Text normalisation shared by indexing and querying, so both sides see the same characters.

/// Full-width → half-width, ideographic space → space, ASCII lower-case, and the compatibility
/// forms people paste from PDFs (〇 stays: it is a real character). A light NFKC for our data.
pub fn normalize(text: &str) -> String {
    text.chars().map(normalize_char).collect()
}

pub fn normalize_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c).to_ascii_lowercase(),
        'A'..='Z' => c.to_ascii_lowercase(),
        _ => c,
    }
}

/// Han ideographs (the basic block and extension A), the characters we n-gram.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Letters and digits that make up ASCII words and numbers.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// A 文号 reduced to its parts: `槐政办发〔2024〕2号`, `槐政办发[2024]2号` and `槐政办发2024 2号`
/// all become `槐政办发|2024|2`. Returns `None` when the text has no such shape.
pub fn doc_number_key(text: &str) -> Option<String> {
    let text = normalize(text);
    let chars: Vec<char> = text.chars().collect();
    // Find a four-digit year preceded by Han characters (the issuer code).
    let mut i = 0;
    while i + 4 <= chars.len() {
        let is_year = chars[i..i + 4].iter().all(char::is_ascii_digit)
            && (i + 4 == chars.len() || !chars[i + 4].is_ascii_digit())
            && (i == 0 || !chars[i - 1].is_ascii_digit());
        if is_year {
            let prefix: String = chars[..i].iter().rev().skip_while(|c| !is_han(**c)).take_while(|c| is_han(**c)).collect();
            let prefix: String = prefix.chars().rev().collect();
            let rest = &chars[i + 4..];
            let number: String =
                rest.iter().skip_while(|c| !c.is_ascii_digit()).take_while(|c| c.is_ascii_digit()).collect();
            // Between year and number only brackets, spaces, or the 年/第 people type.
            let gap_ok = rest.iter().take_while(|c| !c.is_ascii_digit()).all(|c| !is_han(*c) || matches!(c, '年' | '第'));
            if prefix.chars().count() >= 2 && !number.is_empty() && gap_ok {
                let year: String = chars[i..i + 4].iter().collect();
                let number = number.trim_start_matches('0');
                return Some(format!("{prefix}|{year}|{}", if number.is_empty() { "0" } else { number }));
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_case() {
        assert_eq!(normalize("ＡＢＣ１２３　养老"), "abc123 养老");
        assert_eq!(normalize("YLBX"), "ylbx");
    }

    #[test]
    fn doc_numbers_match_however_typed() {
        let key = Some("槐政办发|2024|2".to_string());
        assert_eq!(doc_number_key("槐政办发〔2024〕2号"), key);
        assert_eq!(doc_number_key("槐政办发〔2024〕2 号"), key);
        assert_eq!(doc_number_key("槐政办发2024 2号"), key);
        assert_eq!(doc_number_key("槐政办发[2024]2"), key);
        assert_eq!(doc_number_key("槐政办发（2024）02号"), key);
        assert_eq!(doc_number_key("济历城政办字〔2025〕13号"), Some("济历城政办字|2025|13".to_string()));
        assert_eq!(doc_number_key("济历城政办字2025年13号"), Some("济历城政办字|2025|13".to_string()));
        assert_eq!(doc_number_key("临政办字2024年第9号"), Some("临政办字|2024|9".to_string()));
        assert_eq!(doc_number_key("2024年工作要点"), None);
        assert_eq!(doc_number_key("养老保险"), None);
    }
}
