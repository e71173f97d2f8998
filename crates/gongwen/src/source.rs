//! What a reader hands the layout parser: the document as a sequence of text lines and tables,
//! each with the line (or paragraph) number it came from, so problems can name "file › 第N行".

/// A line (or Word/HTML paragraph) of text, already repaired by `clean::normalise`.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub no: usize,
    pub text: String,
}

/// A table: rows of cells; a merged cell is repeated in each row it covers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub no: usize,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Text(Line),
    Table(Table),
}

impl Block {
    pub fn line_no(&self) -> usize {
        match self {
            Block::Text(l) => l.no,
            Block::Table(t) => t.no,
        }
    }
    pub fn text(&self) -> Option<&str> {
        match self {
            Block::Text(l) => Some(&l.text),
            Block::Table(_) => None,
        }
    }
}

/// A problem found while reading, with the line it concerns (0 = the whole document).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub error: bool,
    pub message: String,
}

impl Problem {
    pub fn error(line: usize, message: impl Into<String>) -> Problem {
        Problem { line, error: true, message: message.into() }
    }
    pub fn warning(line: usize, message: impl Into<String>) -> Problem {
        Problem { line, error: false, message: message.into() }
    }
}

/// The readable text of a document, and what was dropped on the way.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub blocks: Vec<Block>,
    pub problems: Vec<Problem>,
}
