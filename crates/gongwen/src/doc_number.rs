//! 文号 (发文字号): 机关代字 + 年份 in hexagonal brackets + 序号, e.g. 槐政办发〔2024〕2号.
//! Extractions and web pages print the brackets as [ ], ［ ］, （ ）, ( ) or 【 】; all become 〔 〕.

/// Reads a line that is a 文号 and returns it normalised, or None.
pub fn parse_doc_number(line: &str) -> Option<String> {
    // 上行文 print the 签发人 on the same line: "济政发〔2024〕1号    签发人：张三".
    let line = line.split("签发人").next().unwrap_or(line);
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let open = t.find(['〔', '[', '［', '（', '(', '【', '﹝'])?;
    let agency = &t[..open];
    let after_open = &t[open..];
    let open_len = after_open.chars().next()?.len_utf8();
    let rest = &after_open[open_len..];
    let close = rest.find(['〕', ']', '］', '）', ')', '】', '﹞'])?;
    let year = &rest[..close];
    let close_len = rest[close..].chars().next()?.len_utf8();
    let serial = rest[close + close_len..].strip_suffix('号')?;
    let agency_ok = !agency.is_empty() && agency.chars().count() <= 16 && agency.chars().all(|c| c.is_alphanumeric());
    let year_ok = year.len() == 4 && year.chars().all(|c| c.is_ascii_digit());
    let serial_ok = !serial.is_empty() && serial.len() <= 5 && serial.chars().all(|c| c.is_ascii_digit());
    (agency_ok && year_ok && serial_ok).then(|| format!("{agency}〔{year}〕{serial}号"))
}

#[cfg(test)]
mod tests {
    use super::parse_doc_number;

    #[test]
    fn bracket_forms() {
        for form in ["槐政办发〔2024〕2号", "槐政办发[2024]2号", "槐政办发［2024］2号", "槐政办发（2024）2号",
                     "槐政办发(2024)2号", "槐政办发【2024】2号", " 槐政办发〔2024〕2 号", "槐政办发 〔 2024 〕 2 号"] {
            assert_eq!(parse_doc_number(form).as_deref(), Some("槐政办发〔2024〕2号"), "{form}");
        }
        assert_eq!(parse_doc_number("示政发〔2024〕1号　　签发人：张三").as_deref(), Some("示政发〔2024〕1号"));
        for text in ["（一）围绕高质量发展推进信息公开", "2024年6月30日", "第2号", "〔2024〕2号", "槐政办发〔24〕2号"] {
            assert_eq!(parse_doc_number(text), None, "{text}");
        }
    }
}
