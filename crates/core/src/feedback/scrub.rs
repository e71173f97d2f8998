//! Masks personal data in a search query before it leaves the device (feedback signals carry the
//! scrubbed query only). Hand-written character scanning, no regex engine in the wasm:
//!
//! - e-mail addresses → `〔邮箱〕`
//! - digit groups (ASCII or full-width digits, with single spaces/dashes inside, a leading `+`,
//!   a trailing X on ID-card numbers): 18-digit and 15-digit ID-card numbers with a plausible
//!   birth date → `〔身份证号〕`; mobile numbers (1[3-9] + 9 digits, also after +86/0086/86) and
//!   numbers with an area code (0531-8888 6666) → `〔电话〕`; any other group of 7 or more digits
//!   (bank cards, account and case numbers, local landlines) → `〔数字〕`. Shorter groups stay:
//!   years, amounts, 文号 numbers and article numbers are not personal. A date typed as
//!   2024-01-15 stays too.
//! - names after 我叫/名叫/姓名/名字是/名字叫 (2–3 Han characters); after 我是/本人/叫做 only when
//!   they start with a common surname, are not a common word (我是高校毕业生 stays), do not end
//!   like what people say they are (江苏人, 程序员, 钟点工 stay) and end clearly (punctuation, the
//!   end, or 想/要/申/办/问…); the one character after 我姓 → `〔姓名〕`
//! - addresses after 住址/地址/家住/住在 that contain a digit and a house marker (号, 室, 楼, 单元…)
//!   → `〔地址〕`
//!
//! Masking errs on the side of privacy: an 8-digit amount is masked too.

pub const ID_CARD: &str = "〔身份证号〕";
pub const PHONE: &str = "〔电话〕";
pub const DIGITS: &str = "〔数字〕";
pub const EMAIL: &str = "〔邮箱〕";
pub const NAME: &str = "〔姓名〕";
pub const ADDRESS: &str = "〔地址〕";

/// Digit groups shorter than this stay as typed.
const MIN_MASKED_DIGITS: usize = 7;

/// A stretch of the input (char positions, end exclusive) and what replaces it.
struct Span {
    start: usize,
    end: usize,
    marker: &'static str,
}

/// The text with personal data replaced by markers.
pub fn scrub(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<Span> = Vec::new();
    emails(&chars, &mut spans);
    addresses(&chars, &mut spans);
    digit_groups(&chars, &mut spans);
    names(&chars, &mut spans);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    for span in &spans {
        out.extend(&chars[i..span.start]);
        out.push_str(span.marker);
        i = span.end;
    }
    out.extend(&chars[i..]);
    out
}

/// Adds a span unless it overlaps one already found; keeps them in order (no sort code in the wasm).
fn add(spans: &mut Vec<Span>, start: usize, end: usize, marker: &'static str) {
    if start < end && !spans.iter().any(|s| s.start < end && start < s.end) {
        let at = spans.iter().position(|s| s.start > start).unwrap_or(spans.len());
        spans.insert(at, Span { start, end, marker });
    }
}

fn covered(spans: &[Span], i: usize) -> bool {
    spans.iter().any(|s| s.start <= i && i < s.end)
}

fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// Whether `c` is one of the characters of `set` (a plain scan: smaller in the wasm than `str::contains`).
fn one_of(set: &str, c: char) -> bool {
    set.chars().any(|x| x == c)
}

fn is_han(c: char) -> bool {
    crate::search::normalize::is_han(c)
}

/// ASCII (or full-width) letters and digits, folded to ASCII.
fn ascii_fold(c: char) -> char {
    crate::search::normalize::normalize_char(c)
}

fn emails(chars: &[char], spans: &mut Vec<Span>) {
    let local = |c: char| ascii_fold(c).is_ascii_alphanumeric() || matches!(ascii_fold(c), '.' | '_' | '%' | '+' | '-');
    let domain = |c: char| ascii_fold(c).is_ascii_alphanumeric() || matches!(ascii_fold(c), '.' | '-');
    for at in 0..chars.len() {
        if !matches!(chars[at], '@' | '＠') {
            continue;
        }
        let mut start = at;
        while start > 0 && local(chars[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < chars.len() && domain(chars[end]) {
            end += 1;
        }
        // Trailing dots are punctuation, not the domain.
        while end > at + 1 && ascii_fold(chars[end - 1]) == '.' {
            end -= 1;
        }
        let host: String = chars[at + 1..end].iter().map(|c| ascii_fold(*c)).collect();
        let has_tld = host.rsplit_once('.').is_some_and(|(name, tld)| !name.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
        if start < at && has_tld {
            add(spans, start, end, EMAIL);
        }
    }
}

/// Separators allowed between the chunks of one number: people write 138 1234 5678, 0531-88886666.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '-' | '－' | '—' | '–' | ')' | '）')
}

fn digit_groups(chars: &[char], spans: &mut Vec<Span>) {
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_none() || covered(spans, i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits: Vec<u8> = Vec::new();
        let mut chunks: Vec<usize> = Vec::new();
        let mut dash_or_space_only = true;
        let mut closing_paren = false;
        let mut end;
        loop {
            let chunk_start = digits.len();
            while i < chars.len() && !covered(spans, i) {
                let Some(d) = digit(chars[i]) else { break };
                digits.push(d);
                i += 1;
            }
            chunks.push(digits.len() - chunk_start);
            end = i;
            // Up to two separator characters, then more digits: the same number.
            let mut j = i;
            while j < chars.len() && j < i + 2 && is_separator(chars[j]) {
                j += 1;
            }
            if j > i && j < chars.len() && digit(chars[j]).is_some() && !covered(spans, j) {
                if chars[i..j].iter().any(|c| matches!(c, ')' | '）')) {
                    closing_paren = true;
                    dash_or_space_only = false;
                }
                i = j;
                continue;
            }
            break;
        }
        i = end;
        let has_x = digits.len() == 17 && end < chars.len() && matches!(chars[end], 'X' | 'x' | 'Ｘ' | 'ｘ');
        if has_x {
            end += 1;
            i = end;
        }
        let plus = start > 0 && matches!(chars[start - 1], '+' | '＋');
        let paren = closing_paren && start > 0 && matches!(chars[start - 1], '(' | '（');
        let span_start = if plus || paren { start - 1 } else { start };
        let marker = if has_x {
            Some(ID_CARD)
        } else if digits.len() < MIN_MASKED_DIGITS
            || (dash_or_space_only && is_date(&digits, &chunks))
            || is_standard_number(chars, start, &digits, &chunks)
        {
            None
        } else {
            Some(classify(&digits, plus || paren))
        };
        if let Some(marker) = marker {
            add(spans, span_start, end, marker);
        }
    }
}

fn classify(digits: &[u8], phone_hint: bool) -> &'static str {
    let is_mobile = |d: &[u8]| d.len() == 11 && d[0] == 1 && (3..=9).contains(&d[1]);
    let len = digits.len();
    if is_mobile(digits)
        || (digits.starts_with(&[8, 6]) && is_mobile(&digits[2..]))
        || (digits.starts_with(&[0, 0, 8, 6]) && is_mobile(&digits[4..]))
    {
        return PHONE;
    }
    if (len == 18 && plausible_date(&digits[6..14], false)) || (len == 15 && plausible_date(&digits[6..12], true)) {
        return ID_CARD;
    }
    if phone_hint || (digits[0] == 0 && (10..=12).contains(&len)) {
        return PHONE;
    }
    DIGITS
}

/// YYYYMMDD (or YYMMDD) with a year 1900–2099, a month and a day.
fn plausible_date(d: &[u8], short: bool) -> bool {
    let n = |r: &[u8]| r.iter().fold(0u32, |acc, d| acc * 10 + u32::from(*d));
    let (year, rest) = if short { (1900 + n(&d[..2]), &d[2..]) } else { (n(&d[..4]), &d[4..]) };
    (1900..=2099).contains(&year) && (1..=12).contains(&n(&rest[..2])) && (1..=31).contains(&n(&rest[2..4]))
}

/// 2024-01-15, 2024 1 5: a date, not a number to hide.
fn is_date(digits: &[u8], chunks: &[usize]) -> bool {
    chunks.len() == 3 && chunks[0] == 4 && (1..=2).contains(&chunks[1]) && (1..=2).contains(&chunks[2]) && {
        let year = digits[..4].iter().fold(0u32, |acc, d| acc * 10 + u32::from(*d));
        (1900..=2099).contains(&year)
    }
}

/// GB/T 9704-2012, ISO 9001-2015: a standard's number and year after its letters.
fn is_standard_number(chars: &[char], start: usize, digits: &[u8], chunks: &[usize]) -> bool {
    let before = chars[..start].iter().rev().find(|c| **c != ' ');
    let year = digits[digits.len() - 4..].iter().fold(0u32, |acc, d| acc * 10 + u32::from(*d));
    chunks.len() == 2 && chunks[0] <= 5 && chunks[1] == 4 && (1950..=2099).contains(&year) && before.is_some_and(|c| c.is_ascii_alphabetic() || *c == '/')
}

/// Phrases after which a name follows: (phrase, strong). A strong phrase says so itself; after a
/// weak one (我是, 本人, 叫做) a name needs a common surname and a clear end (see `names`).
const NAME_TRIGGERS: &[(&str, bool)] = &[
    ("我叫", true),
    ("名叫", true),
    ("姓名", true),
    ("名字是", true),
    ("名字叫", true),
    ("我是", false),
    ("本人", false),
    ("叫做", false),
];

/// After a weak phrase, what may follow a name: not a Han character, or one of these
/// (本人刘德华申请…); 的 only after 叫做 (一位叫做周秀英的老人).
const AFTER_NAME: &str = "想要申办问咨请需从已就";
/// Last characters of what people say they are, not of names (江苏人, 程序员, 钟点工, 低保户…).
const NOT_NAME_ENDINGS: &str = "人员工户者师家族兵农商匠手众属";

/// The most common Chinese surnames (single characters; 欧阳 and 司马 start with 欧 and 司).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔常汤康易乔赖文施洪辛柯庄葛牛樊齐季耿单关翟殷焦邢尚司温祝鲁左岳舒甘聂";

/// Two-character surnames: their names run to four characters (欧阳娜娜).
const COMPOUND_SURNAMES: &[&str] = &["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "夏侯", "尉迟"];

/// Words that start with a surname character but are what people say they are (我是高校毕业生).
const NOT_NAMES: &[&str] = &[
    "高校", "高龄", "高中", "高职", "单亲", "单位", "常住", "方面", "金融", "万元", "文件", "任何", "关于", "江西", "江苏",
    "江北", "周末", "周边", "孙子", "孙女", "黄金", "马上", "石化", "白领", "什么", "谁", "个体", "外地", "本地", "残疾",
    "退休", "退役", "失业", "农民", "学生", "老人", "常年", "曾经", "程序", "孕妇", "党员", "户籍", "名下", "申请", "办理", "需要", "签字", "到场",
    "身份", "亲自", "要求", "姓名", "于是", "向谁", "齐全", "季度", "康复", "易地", "武警", "钱款", "温州", "左右", "甘肃",
];

/// A character that ends a name: what people type right after their name.
fn ends_name(c: char) -> bool {
    !is_han(c) || one_of("的想要在是和与及有没能可会去来了吗呢吧啊办领问咨查请需怎如为从今现已还也都就家住户年岁男女，。", c)
}

fn names(chars: &[char], spans: &mut Vec<Span>) {
    let text_at = |i: usize, word: &str| word.chars().enumerate().all(|(k, w)| chars.get(i + k) == Some(&w));
    for i in 0..chars.len() {
        if text_at(i, "我姓") {
            if let Some(c) = chars.get(i + 2) {
                if one_of(SURNAMES, *c) {
                    add(spans, i + 2, i + 3, NAME);
                }
            }
            continue;
        }
        let Some((trigger, strong)) = NAME_TRIGGERS.iter().find(|(t, _)| text_at(i, t)) else { continue };
        let mut q = i + trigger.chars().count();
        while q < chars.len() && (matches!(chars[q], ':' | '：' | ' ' | '\u{3000}') || (*strong && matches!(chars[q], '是' | '为'))) {
            q += 1;
        }
        let (Some(first), Some(second)) = (chars.get(q), chars.get(q + 1)) else { continue };
        if !is_han(*first) || ends_name(*first) || ends_name(*second) {
            continue;
        }
        if NOT_NAMES.iter().any(|w| text_at(q, w)) || (!strong && !one_of(SURNAMES, *first)) {
            continue;
        }
        let longest = if COMPOUND_SURNAMES.iter().any(|w| text_at(q, w)) { 4 } else { 3 };
        let end = if *strong {
            let mut end = q + 2;
            while end < q + longest && chars.get(end).is_some_and(|c| !ends_name(*c)) {
                end += 1;
            }
            end
        } else {
            // The shortest run of Han characters that ends clearly and does not end like 江苏人.
            let de_ok = *trigger == "叫做";
            let clear_end = |end: usize| match chars.get(end) {
                None => true,
                Some(c) => !is_han(*c) || one_of(AFTER_NAME, *c) || (de_ok && *c == '的'),
            };
            let han_run = chars[q..].iter().take(longest).take_while(|c| is_han(**c)).count();
            let Some(end) = (q + 2..=q + han_run).find(|end| clear_end(*end) && !one_of(NOT_NAME_ENDINGS, chars[end - 1])) else {
                continue;
            };
            end
        };
        add(spans, q, end, NAME);
    }
}

const ADDRESS_TRIGGERS: &[&str] = &["住址", "地址", "家住", "住在"];
/// The last of these in an address ends it (经十路123号 | 想问…).
const HOUSE_MARKERS: &str = "号室元栋幢楼弄户";

fn addresses(chars: &[char], spans: &mut Vec<Span>) {
    for i in 0..chars.len() {
        let Some(trigger) = ADDRESS_TRIGGERS.iter().find(|t| t.chars().enumerate().all(|(k, w)| chars.get(i + k) == Some(&w))) else {
            continue;
        };
        let mut q = i + trigger.chars().count();
        while q < chars.len() && matches!(chars[q], ':' | '：' | ' ' | '\u{3000}' | '是' | '在') {
            q += 1;
        }
        let mut end = q;
        while end < chars.len() && end < q + 40 && !chars[end].is_whitespace() && !one_of("，。,；;！？!?、", chars[end]) {
            end += 1;
        }
        let Some(last_marker) = (q..end).rev().find(|k| one_of(HOUSE_MARKERS, chars[*k])) else { continue };
        if chars[q..last_marker].iter().any(|c| digit(*c).is_some()) {
            add(spans, q, last_marker + 1, ADDRESS);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An 18-digit number with a valid GB 11643 check digit.
    fn id18(first17: &str) -> String {
        const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        let sum: u32 = first17.chars().zip(WEIGHTS).map(|(c, w)| c.to_digit(10).unwrap() * w).sum();
        format!("{first17}{}", ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][(sum % 11) as usize])
    }

    fn check(table: &[(&str, &str)]) {
        let failures: Vec<String> = table
            .iter()
            .filter(|(input, want)| scrub(input) != *want)
            .map(|(input, want)| format!("{input:?}\n   got  {:?}\n   want {want:?}", scrub(input)))
            .collect();
        assert!(failures.is_empty(), "{} of {} wrong:\n{}", failures.len(), table.len(), failures.join("\n"));
    }

    #[test]
    fn id_card_numbers() {
        let checked = id18("37010219900101123");
        let with_x = format!("{}X", "37010219850312001");
        let lower_x = with_x.to_lowercase();
        let spaced = format!("{} {} {}", &checked[..6], &checked[6..14], &checked[14..]);
        let dashed = format!("{}-{}-{}", &checked[..6], &checked[6..14], &checked[14..]);
        let full_width: String = checked.chars().map(|c| char::from_u32(c as u32 + 0xfee0).unwrap()).collect();
        let cases = [
            (format!("身份证{checked}"), "身份证〔身份证号〕".to_string()),
            (format!("{with_x}怎么补办"), "〔身份证号〕怎么补办".to_string()),
            (format!("号码{lower_x}查社保"), "号码〔身份证号〕查社保".to_string()),
            (format!("身份证号 {spaced} 低保"), "身份证号 〔身份证号〕 低保".to_string()),
            (format!("{dashed}"), "〔身份证号〕".to_string()),
            (format!("我的{full_width}能办吗"), "我的〔身份证号〕能办吗".to_string()),
            ("老身份证370102800101123还能用吗".to_string(), "老身份证〔身份证号〕还能用吗".to_string()),
            ("身份证号：110105196912310019".to_string(), "身份证号：〔身份证号〕".to_string()),
            ("370102 200012 310011".to_string(), "〔身份证号〕".to_string()),
            ("37010219900101123X的社保".to_string(), "〔身份证号〕的社保".to_string()),
        ];
        let table: Vec<(&str, &str)> = cases.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        check(&table);
    }

    #[test]
    fn phone_numbers() {
        check(&[
            ("我的电话13812345678", "我的电话〔电话〕"),
            ("138 1234 5678 回电", "〔电话〕 回电"),
            ("138-1234-5678", "〔电话〕"),
            ("+86 13912345678", "〔电话〕"),
            ("+8613912345678", "〔电话〕"),
            ("008615012345678找我", "〔电话〕找我"),
            ("86-199-1234-5678", "〔电话〕"),
            ("手机１５８１２３４５６７８", "手机〔电话〕"),
            ("座机0531-88886666", "座机〔电话〕"),
            ("0531 8888 6666", "〔电话〕"),
            ("（0531）88886666", "〔电话〕"),
            ("(010)12345678转", "〔电话〕转"),
            ("010-12345678", "〔电话〕"),
            ("电话是05338123456", "电话是〔电话〕"),
            ("+86 531 8888 6666", "〔电话〕"),
            ("打17012345678", "打〔电话〕"),
        ]);
    }

    #[test]
    fn long_digit_runs() {
        check(&[
            ("银行卡6222021234567890123丢了", "银行卡〔数字〕丢了"),
            ("卡号 6222 0212 3456 7890", "卡号 〔数字〕"),
            ("6217-0000-1234-5678-901", "〔数字〕"),
            ("账号１２３４５６７８９０", "账号〔数字〕"),
            ("社保卡号1234567", "社保卡号〔数字〕"),
            ("编号 88886666 的申请", "编号 〔数字〕 的申请"),
            ("受理号2024120600123", "受理号〔数字〕"),
            ("工单12345678901234567890123456", "工单〔数字〕"),
            ("户号 0012345", "户号 〔数字〕"),
            ("12345678元", "〔数字〕元"),
        ]);
    }

    #[test]
    fn email_addresses() {
        check(&[
            ("邮箱zhangsan@163.com", "邮箱〔邮箱〕"),
            ("发到 li.si_88@qq.com 谢谢", "发到 〔邮箱〕 谢谢"),
            ("wang+policy@example.gov.cn。", "〔邮箱〕。"),
            ("Abc-D@Mail.Example.COM", "〔邮箱〕"),
            ("邮件：ｚｈａｎｇ＠ｑｑ．ｃｏｍ", "邮件：〔邮箱〕"),
            ("13812345678@139.com", "〔邮箱〕"),
            ("联系a@b.cn或电话", "联系〔邮箱〕或电话"),
            ("x_y.z@sub-domain.org.cn,", "〔邮箱〕,"),
            ("我的邮箱是user1@foxmail.com能收到吗", "我的邮箱是〔邮箱〕能收到吗"),
        ]);
    }

    #[test]
    fn names_after_phrases() {
        check(&[
            ("我叫张三，想问低保", "我叫〔姓名〕，想问低保"),
            ("我叫王小明想申请补贴", "我叫〔姓名〕想申请补贴"),
            ("姓名：李四 身份证", "姓名：〔姓名〕 身份证"),
            ("姓名是赵六六", "姓名是〔姓名〕"),
            ("本人刘德华申请公租房", "本人〔姓名〕申请公租房"),
            ("我是陈静，退休了", "我是〔姓名〕，退休了"),
            ("名字是欧阳娜娜", "名字是〔姓名〕"),
            ("我爸爸名叫孙建国", "我爸爸名叫〔姓名〕"),
            ("老人叫做周秀英的", "老人叫做〔姓名〕的"),
            ("我姓王，问公积金", "我姓〔姓名〕，问公积金"),
            ("我叫 马丽 要办医保", "我叫 〔姓名〕 要办医保"),
            ("名字叫何一", "名字叫〔姓名〕"),
            ("我是雷锋", "我是〔姓名〕"),
            ("本人王建民想问", "本人〔姓名〕想问"),
            ("一位叫做孙秀兰的老人", "一位叫做〔姓名〕的老人"),
        ]);
    }

    #[test]
    fn addresses_with_house_numbers() {
        check(&[
            ("我家住在经十路123号想问低保", "我家住在〔地址〕想问低保"),
            ("住址：道德街小区5号楼2单元301室，", "住址：〔地址〕，"),
            ("地址是槐荫区张庄路8号", "地址是〔地址〕"),
            ("家住西客站片区3栋", "家住〔地址〕"),
        ]);
    }

    #[test]
    fn policy_text_stays_as_typed() {
        let unchanged = [
            "槐政办发〔2024〕2号",
            "济历城政办字〔2025〕13号",
            "临政办字2024年第9号",
            "2024年政务公开工作要点",
            "补贴500元怎么领",
            "一次性补贴3000元",
            "10000元以下",
            "60岁以上老人",
            "第12条",
            "12345热线",
            "打12345",
            "2024-01-15的通知",
            "2024 1 5",
            "我是高校毕业生",
            "我是退役军人",
            "我是单亲妈妈能领什么",
            "本人申请需要什么材料",
            "本人户籍在外地",
            "这个政策叫做什么",
            "办事大厅地址在哪",
            "住在老小区怎么改造",
            "养老保险",
            "ylbx",
            "dibao 申请",
            "五险一金",
            "2023年度第3季度",
            "0531",
            "12345 6",
            "GB/T 44191-2024",
            "GB/T 9704-2012 格式",
            "政府信息公开条例第二十条",
            "我是外地人",
            "我叫什么不重要",
            "我是江苏人",
            "我是金华人，能办吗",
            "本人程序员，能申请人才补贴吗",
            "我是钟点工",
            "我是石油工人",
            "本人向单位申请",
            "本人常年在外地",
            "本人何时能领",
            "我是曾经的低保户",
            "我是文化站的",
            "我是夏天失业的",
            "我是武汉来的",
            "我是秦皇岛人",
            "我是黄河边的人",
            "我是林业职工",
            "email 怎么写",
            "@12345",
        ];
        let table: Vec<(&str, &str)> = unchanged.iter().map(|t| (*t, *t)).collect();
        check(&table);
    }

    /// Random text built from the characters that matter: no panic, and never a run of seven or
    /// more digits left.
    #[test]
    fn random_text_never_keeps_a_long_digit_run() {
        let alphabet: Vec<char> = "0123456789０１９Xx+-— ()（）@.a我叫是本人姓名住址号楼王李张高校，".chars().collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            let out = scrub(&text);
            let mut run = 0;
            for c in out.chars() {
                run = if digit(c).is_some() { run + 1 } else { 0 };
                assert!(run < MIN_MASKED_DIGITS, "{text:?} → {out:?}");
            }
        }
    }

    #[test]
    fn everything_together_and_odd_input() {
        let text = format!("我叫张伟，身份证{}，电话138 1234 5678，邮箱zw@qq.com，卡号6222021234567890", id18("37010219900101123"));
        assert_eq!(scrub(&text), "我叫〔姓名〕，身份证〔身份证号〕，电话〔电话〕，邮箱〔邮箱〕，卡号〔数字〕");
        for odd in ["", "@", "@@.", "+", "我叫", "姓名：", "住址：", "1-", "-1", "x@", "@y.cn", "我姓"] {
            let _ = scrub(odd);
        }
        assert_eq!(scrub(&"9".repeat(10_000)), DIGITS);
    }
}
