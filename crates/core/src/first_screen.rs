//! The first-screen block of a large library: the few entries the home page shows (current
//! notices, hot questions, latest cards, topics), written by `mingbai index` beside the search
//! index head. With it the app's first screen downloads a few kilobytes instead of whole kinds
//! (docs/search-index.md, "First screen"). The files use the ordinary entry-array format of their
//! kind, so the app loads them with the same validator as any library file.

use crate::{FileRole, IsoDate, Library, Topic};
use serde::Serialize;

/// How many of each kind the home page shows. The block holds exactly what the home page
/// would pick from the whole library (a few more notices, so that the home page still has
/// current ones when some expire after the index was built).
pub const HOME_NOTICES: usize = 5;
pub const HOME_HOT_QUESTIONS: usize = 6;
pub const HOME_CARDS: usize = 4;
pub const HOME_TOPICS: usize = 8;
const BLOCK_NOTICES: usize = 12;

/// The kinds the block previews (the taxonomy is small and always loaded whole).
pub const PREVIEW_ROLES: [FileRole; 4] = [FileRole::Cards, FileRole::Qa, FileRole::Notices, FileRole::Topics];

/// The block file of `role` beside the index head: `index/head.json` → `index/first-qa.json`.
pub fn first_screen_file(index_head: &str, role: FileRole) -> Option<String> {
    if !PREVIEW_ROLES.contains(&role) {
        return None;
    }
    let dir = match index_head.rfind('/') {
        Some(slash) => &index_head[..=slash],
        None => "",
    };
    Some(format!("{dir}first-{}.json", role.key()))
}

/// The block's files (name inside the index folder, role, JSON bytes), from a whole library.
/// `today` decides which notices, questions and cards are current (`None`: every notice counts as current).
pub fn first_screen_files(library: &Library, today: Option<&IsoDate>) -> Vec<(String, FileRole, Vec<u8>)> {
    let notices = match today {
        Some(today) => library.current_notices(today),
        None => library.all_notices(),
    };
    let notices: Vec<_> = notices.into_iter().take(BLOCK_NOTICES).collect();
    let hot = library.current_hot_questions(HOME_HOT_QUESTIONS, today);
    let cards = library.current_cards(HOME_CARDS, today);
    let topics = home_topics(library);
    fn json<T: Serialize>(entries: &[&T]) -> Vec<u8> {
        // Serialising validated entries cannot fail (no maps with non-string keys).
        serde_json::to_vec(entries).unwrap_or_else(|_| b"[]".to_vec())
    }
    let mut files = Vec::new();
    for role in PREVIEW_ROLES {
        let bytes = match role {
            FileRole::Cards => json(&cards),
            FileRole::Qa => json(&hot),
            FileRole::Notices => json(&notices),
            _ => json(&topics),
        };
        if let Some(name) = first_screen_file("", role) {
            files.push((name, role, bytes));
        }
    }
    files
}

/// The topics the home page lists: the first [`HOME_TOPICS`] in library order.
pub fn home_topics(library: &Library) -> Vec<&Topic> {
    library.topics.iter().take(HOME_TOPICS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_files_sit_beside_the_head() {
        assert_eq!(first_screen_file("index/head.json", FileRole::Qa).as_deref(), Some("index/first-qa.json"));
        assert_eq!(first_screen_file("head.json", FileRole::Notices).as_deref(), Some("first-notices.json"));
        assert_eq!(first_screen_file("a/b/head.json", FileRole::Topics).as_deref(), Some("a/b/first-topics.json"));
        assert_eq!(first_screen_file("index/head.json", FileRole::Policies), None);
        assert_eq!(first_screen_file("index/head.json", FileRole::Taxonomy), None);
    }
}
