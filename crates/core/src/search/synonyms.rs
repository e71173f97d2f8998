//! Plain-language search (通俗语言搜索): everyday words → the official terms documents use.
//! The library's synonyms.json comes first; a built-in starter list fills the common gaps.

use crate::browse::sort_any;
use super::normalize::normalize;
use crate::types::Synonym;

/// Official term ← everyday words. Kept short and uncontroversial; libraries add their own.
const STARTER: &[(&str, &[&str])] = &[
    ("基本养老金", &["退休金", "养老钱"]),
    ("养老保险", &["养老金", "退休金", "养老钱"]),
    ("最低生活保障", &["低保", "吃低保", "低保金"]),
    ("基本医疗保险", &["医保", "看病报销"]),
    ("社会保险", &["社保", "五险"]),
    ("住房公积金", &["公积金"]),
    ("失业保险金", &["失业金", "失业补助"]),
    ("高校毕业生", &["大学生", "应届生", "毕业生"]),
    ("退役军人", &["老兵", "转业军人", "复员军人", "退伍", "当过兵", "当兵的"]),
    ("失业人员", &["下岗", "没工作", "失业的人", "被裁", "裁员", "裁了", "辞退", "丢了工作", "丢工作"]),
    ("老年人", &["老人", "老年", "上年纪"]),
    ("残疾人", &["残障人士", "残疾"]),
    ("依申请公开", &["申请公开", "申请信息公开"]),
    ("政府信息公开", &["信息公开", "政务信息"]),
    ("12345政务服务便民热线", &["市民热线", "政府热线", "便民热线"]),
    ("营商环境", &["做生意环境"]),
    ("惠企政策", &["企业补贴", "扶持企业"]),
    ("保障性住房", &["保障房", "公租房", "政府的房子"]),
    ("特困人员", &["特困户", "五保户"]),
    ("灵活就业", &["打零工", "零工"]),
    ("收费", &["花钱", "交钱", "要钱"]),
    ("老旧小区", &["老小区", "旧小区", "小区太旧", "旧房改造", "老房改造", "老房子改造"]),
    ("住房租赁", &["租房", "租房子"]),
    ("购房", &["买房", "买房子"]),
    ("创业", &["开公司", "开店", "做生意"]),
    ("以旧换新", &["换新", "旧换新"]),
    ("养老补贴", &["高龄津贴", "高龄补贴", "老人补贴", "老年人补贴", "老年补贴"]),
    ("惠农", &["种地补贴", "种田补贴", "种地", "种田"]),
    ("补贴", &["津贴"]),
    ("政策解读", &["解读", "讲政策", "政策讲解"]),
    ("12345", &["打电话", "电话号码", "热线电话"]),
];

/// One replacement made for the user: shown as "已按“最低生活保障”搜索“低保”".
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Expansion {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Default)]
pub struct Synonyms {
    /// (everyday word, official term), longest words first so 吃低保 wins over 低保. A word may
    /// map to several terms (the library's first); search uses those the library contains.
    pairs: Vec<(String, String)>,
}

impl Synonyms {
    pub fn build(library: &[Synonym]) -> Synonyms {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let starter = STARTER.iter().map(|(term, aliases)| (term.to_string(), aliases.iter().map(|a| a.to_string()).collect::<Vec<_>>()));
        let from_library = library.iter().map(|s| (s.term.clone(), s.aliases.clone()));
        for (term, aliases) in from_library.chain(starter) {
            let term = normalize(&term);
            for alias in aliases {
                let alias = normalize(&alias);
                if alias.chars().count() >= 2 && alias != term && !pairs.iter().any(|(a, t)| *a == alias && *t == term) {
                    pairs.push((alias, term.clone()));
                }
            }
        }
        sort_any(&mut pairs, |a, b| b.0.chars().count().cmp(&a.0.chars().count()));
        Synonyms { pairs }
    }

    /// The official terms for everyday words in `query`: for each word the first term that
    /// `usable` accepts (the library uses it) and that the query does not already contain.
    pub fn expand(&self, query: &str, usable: impl Fn(&str) -> bool) -> Vec<Expansion> {
        let mut found: Vec<Expansion> = Vec::new();
        let mut covered = query.to_string();
        for (alias, term) in &self.pairs {
            if covered.contains(alias.as_str())
                && !query.contains(term.as_str())
                && !found.iter().any(|e| e.to == *term)
                && usable(term)
            {
                found.push(Expansion { from: alias.clone(), to: term.clone() });
                covered = covered.replace(alias.as_str(), " ");
            }
        }
        found
    }

    /// Every (everyday word, term) pair, for the dictionary and suggestions.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_words_map_to_official_terms() {
        let s = Synonyms::build(&[Synonym { term: "依申请公开".into(), aliases: vec!["要信息".into()] }]);
        let e = s.expand("吃低保怎么申请", |_| true);
        assert_eq!(e, vec![Expansion { from: "吃低保".into(), to: "最低生活保障".into() }]);
        assert_eq!(s.expand("我想要信息", |_| true)[0].to, "依申请公开");
        assert!(s.expand("最低生活保障 低保", |_| true).is_empty(), "term already present");
        // A term the library never uses gives way to the next one for the same word.
        assert_eq!(s.expand("退休金", |t| t != "基本养老金")[0].to, "养老保险");
    }
}
