//! 成文日期 as 公文 print it: "2024年6月30日" or in Chinese numerals "二〇二四年三月五日"
//! (GB/T 9704 prints Arabic numerals since 2012; older documents and seals use Chinese ones).

use mingbai_core::IsoDate;

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | 'O' | '0' => 0,
        '一' | '1' => 1,
        '二' | '2' => 2,
        '三' | '3' => 3,
        '四' | '4' => 4,
        '五' | '5' => 5,
        '六' | '6' => 6,
        '七' | '7' => 7,
        '八' | '8' => 8,
        '九' | '9' => 9,
        _ => c.to_digit(10).or_else(|| full_width_digit(c))?,
    })
}

fn full_width_digit(c: char) -> Option<u32> {
    ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)
}

/// A year written digit by digit: "2024", "二〇二四", "２０２４".
fn year(text: &str) -> Option<i32> {
    let digits: Option<Vec<u32>> = text.chars().map(chinese_digit).collect();
    let digits = digits?;
    (digits.len() == 4).then(|| digits.iter().fold(0, |acc, d| acc * 10 + *d as i32))
}

/// A month or day: Arabic ("6", "06"), or Chinese ("六", "十二", "二十", "三十一").
fn small_number(text: &str) -> Option<u32> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit() || full_width_digit(c).is_some()) {
        return text.chars().try_fold(0u32, |acc, c| Some(acc * 10 + chinese_digit(c)?)).filter(|n| *n < 100);
    }
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', unit] => Some(10 + chinese_digit(*unit).filter(|d| *d > 0)?),
        [tens, '十'] => Some(chinese_digit(*tens).filter(|d| *d > 0)? * 10),
        [tens, '十', unit] => Some(chinese_digit(*tens).filter(|d| *d > 0)? * 10 + chinese_digit(*unit).filter(|d| *d > 0)?),
        [one] => chinese_digit(*one).filter(|d| *d > 0),
        _ => None,
    }
}

/// Reads a date at the start of `text` ("2024年6月30日…"); returns it and the rest of the text.
pub fn parse_date_prefix(text: &str) -> Option<(IsoDate, &str)> {
    let (y, rest) = text.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let (d, rest) = rest.split_once('日')?;
    let y = year(y.trim())?;
    let m = small_number(m.trim())?;
    let d = small_number(d.trim())?;
    let date = IsoDate::from_ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
    Some((date, rest))
}

/// A line that is exactly a date.
pub fn parse_date_line(text: &str) -> Option<IsoDate> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    match parse_date_prefix(&compact) {
        Some((date, "")) => Some(date),
        _ => None,
    }
}

/// Where a date begins inside `text` (for "济南市天桥区人民政府办公室2022年6月16日印发").
pub fn find_date(text: &str) -> Option<(usize, IsoDate)> {
    text.char_indices().find_map(|(i, c)| {
        chinese_digit(c)?;
        let (date, _) = parse_date_prefix(&text[i..])?;
        Some((i, date))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_chinese_numerals() {
        let d = |s: &str| parse_date_line(s).map(|d| d.to_string());
        assert_eq!(d("2024年6月30日").as_deref(), Some("2024-06-30"));
        assert_eq!(d("2024 年 6 月 30 日").as_deref(), Some("2024-06-30"));
        assert_eq!(d("二〇二四年三月五日").as_deref(), Some("2024-03-05"));
        assert_eq!(d("二○二二年十二月三十一日").as_deref(), Some("2022-12-31"));
        assert_eq!(d("二〇二五年七月二十日").as_deref(), Some("2025-07-20"));
        assert_eq!(d("２０２４年６月１日").as_deref(), Some("2024-06-01"));
        assert_eq!(d("2024年2月30日"), None);
        assert_eq!(d("2024年6月30日印发"), None);
        assert_eq!(d("二〇二四年十三月五日"), None);
    }

    #[test]
    fn date_inside_text() {
        let (at, date) = find_date("济南市天桥区人民政府办公室2022年6月16日印发").unwrap();
        assert_eq!(date.to_string(), "2022-06-16");
        assert_eq!(&"济南市天桥区人民政府办公室2022年6月16日印发"[..at], "济南市天桥区人民政府办公室");
    }
}
