//! Cell values as spreadsheets hold them, and the normalising every importer needs: full-width
//! ASCII, header keys, several values in one cell, and dates written in any of the ways staff
//! write them (date cells, serial numbers, 2024年6月30日, 2024.6.30, 2024/6/30, 二〇二四年六月三十日).

use mingbai_core::IsoDate;

/// One cell, as read from XLSX/XLS/ODS or CSV.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A date cell: the spreadsheet's serial day number (1900 date system).
    Date(f64),
}

impl Cell {
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: numbers without a trailing `.0`, date cells as ISO dates.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').to_string(),
            Cell::Number(n) => number_text(*n),
            Cell::Date(serial) => serial_date(*serial).map(|d| d.as_str().to_string()).unwrap_or_else(|| number_text(*serial)),
        }
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Full-width ASCII (ＡＢＣ１２３：－) becomes ASCII and the ideographic space a space. Used for
/// ids, numbers, dates, choices and headers; free text keeps its Chinese punctuation as written.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// The comparable form of a header: half-width, no spaces or required-markers, lower case.
pub fn header_key(text: &str) -> String {
    let mut key: String = half_width(text).chars().filter(|c| !c.is_whitespace() && !matches!(c, '*' | '※')).collect();
    for suffix in ["(必填)", "(选填)", "(可选)", "(示例)"] {
        if let Some(stripped) = key.strip_suffix(suffix) {
            key = stripped.to_string();
        }
    }
    key.to_lowercase()
}

/// The comparable form of a question or title, for merging duplicates and deriving ids:
/// half-width, lower case, without spaces and punctuation.
pub fn text_key(text: &str) -> String {
    half_width(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Several values in one cell: split on line breaks when there are any, else on ；、;.
pub fn split_list(text: &str) -> Vec<String> {
    let parts: Vec<&str> = if text.contains('\n') {
        text.split('\n').collect()
    } else {
        text.split(['；', ';', '、']).collect()
    };
    parts.into_iter().map(|p| p.trim_matches(|c: char| c.is_whitespace())).filter(|p| !p.is_empty()).map(str::to_string).collect()
}

/// Paragraphs: one per line, blank lines dropped.
pub fn split_lines(text: &str) -> Vec<String> {
    text.split('\n').map(|p| p.trim_end_matches('\r').trim()).filter(|p| !p.is_empty()).map(str::to_string).collect()
}

/// The calendar date of a spreadsheet serial day number (1900 date system; serial 60 is the
/// 29 February 1900 that Excel counts but that never was).
pub fn serial_date(serial: f64) -> Option<IsoDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let mut days = serial.floor() as i64;
    if days < 61 {
        days += 1; // before the phantom leap day the epoch is one day later
    }
    // Serial 61 is 1900-03-01; 1899-12-30 is day -25569 from 1970-01-01.
    IsoDate::from_day_number(days - 25_569)
}


/// The serial day number of a date (inverse of [`serial_date`], for writing date cells).
pub fn date_serial(date: &IsoDate) -> f64 {
    (date.day_number() + 25_569) as f64
}

/// A date cell, serial number or date text → ISO date. Text dates with a time and offset
/// (`2024-07-01T09:00:00+08:00`) are kept whole.
pub fn parse_date(cell: &Cell) -> Result<IsoDate, String> {
    match cell {
        Cell::Date(serial) | Cell::Number(serial) => {
            serial_date(*serial).ok_or_else(|| format!("“{}”不是日期", number_text(*serial)))
        }
        Cell::Text(text) => parse_date_text(text),
        Cell::Empty => Err("日期为空".to_string()),
    }
}

fn parse_date_text(text: &str) -> Result<IsoDate, String> {
    let wrong = || format!("“{}”不是可识别的日期（请写成 2024-06-30 或 2024年6月30日）", text.trim());
    let plain = half_width(text.trim());
    if let Ok(date) = IsoDate::parse(&plain) {
        return Ok(date);
    }
    // A serial number typed as text.
    if plain.chars().all(|c| c.is_ascii_digit()) && (3..=6).contains(&plain.len()) {
        return plain.parse::<f64>().ok().and_then(serial_date).ok_or_else(wrong);
    }
    let digits = chinese_numerals_to_digits(&plain).ok_or_else(wrong)?;
    // Drop a time part after the date ("2024/6/30 10:00").
    let date_part = digits.split_whitespace().next().unwrap_or("");
    let parts: Vec<&str> =
        date_part.split(['-', '/', '.', '年', '月', '日', '号']).filter(|p| !p.is_empty()).collect();
    if parts.len() != 3 || !date_part.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(wrong());
    }
    let number = |p: &str| p.parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (number(parts[0]), number(parts[1]), number(parts[2])) else { return Err(wrong()) };
    if !(1000..=9999).contains(&y) {
        return Err(wrong());
    }
    IsoDate::from_ymd(y as i32, m.min(255) as u8, d.min(255) as u8)
        .ok_or_else(|| format!("“{}”不是真实存在的日期", text.trim()))
}

/// 二〇二四年六月三十日 → 2024年6月30日; text without Chinese numerals comes back unchanged.
fn chinese_numerals_to_digits(text: &str) -> Option<String> {
    fn digit(c: char) -> Option<u32> {
        "〇一二三四五六七八九".chars().position(|x| x == c).map(|p| p as u32).or(if c == '零' || c == 'Ｏ' || c == 'O' { Some(0) } else { None })
    }
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if digit(c).is_some() || c == '十' {
            let start = i;
            while i < chars.len() && (digit(chars[i]).is_some() || chars[i] == '十') {
                i += 1;
            }
            let run: Vec<char> = chars[start..i].to_vec();
            if run.contains(&'十') {
                // Month or day: 十, 十二, 二十, 二十三, 三十一.
                let position = run.iter().position(|&x| x == '十')?;
                let tens = if position == 0 { 1 } else { digit(run[0])? };
                let ones = match run.get(position + 1) {
                    Some(&x) => digit(x)?,
                    None => 0,
                };
                if run.len() > position + 2 || position > 1 {
                    return None;
                }
                out.push_str(&(tens * 10 + ones).to_string());
            } else if run.len() >= 3 {
                // A year, digit by digit.
                for x in run {
                    out.push(char::from_digit(digit(x)?, 10)?);
                }
            } else {
                let mut value = 0;
                for x in run {
                    value = value * 10 + digit(x)?;
                }
                out.push_str(&value.to_string());
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> String {
        parse_date(&Cell::Text(text.into())).map(|d| d.as_str().to_string()).unwrap_or_else(|e| e)
    }

    #[test]
    fn dates_in_every_written_form() {
        for text in ["2024-06-30", "2024年6月30日", "2024.6.30", "2024/6/30", "二〇二四年六月三十日", "２０２４年６月３０日", "2024/6/30 10:00", "45473"] {
            assert_eq!(date(text), "2024-06-30", "{text}");
        }
        assert_eq!(date("二〇二五年十月一日"), "2025-10-01");
        assert_eq!(date("二〇二五年十二月二十一日"), "2025-12-21");
        assert!(date("2023-02-29").contains("不是"));
        assert!(date("明天").contains("不是可识别的日期"));
        assert_eq!(parse_date(&Cell::Date(45473.0)).unwrap().as_str(), "2024-06-30");
        assert_eq!(serial_date(1.0).unwrap().as_str(), "1900-01-01");
        assert_eq!(serial_date(61.0).unwrap().as_str(), "1900-03-01");
        let d = IsoDate::parse("2024-06-30").unwrap();
        assert_eq!(serial_date(date_serial(&d)).unwrap(), d);
    }

    #[test]
    fn lists_split_on_chinese_separators_or_lines() {
        assert_eq!(split_list("a；b、c;d"), ["a", "b", "c", "d"]);
        assert_eq!(split_list("养老、医疗\n失业"), ["养老、医疗", "失业"]);
        assert_eq!(header_key(" 问　题* "), "问题");
        assert_eq!(half_width("ＱＡ－００１"), "QA-001");
    }
}
