//! Full-text queries in SQLite's FTS5 syntax, for PostgreSQL.
//!
//! Users type one syntax on both databases: words, `"quoted phrases"`,
//! `word*` and `"a phra"*` prefixes, `a + b` phrases, `AND`, `OR`, `NOT`,
//! parentheses, and column filters (`title:word`, `{title text}:word`,
//! `-title:word`). SQLite reads it with FTS5; on PostgreSQL [`tsquery`]
//! parses it the way FTS5 does (implicit AND binds tightest, then `NOT`,
//! `AND`, `OR`; an empty phrase is dropped) and writes the `to_tsquery`
//! text over the `simple` configuration, each column being a weight of the
//! stored `tsvector`. `NEAR(…)` and `^` (first token of a column) have no
//! PostgreSQL counterpart and are refused with a message.

/// The searchable columns of a table and the `tsvector` weight each is stored under.
pub(crate) type Columns = &'static [(&'static str, char)];

/// Columns of the document search (`documents.tsv`).
pub(crate) const DOCUMENT_COLUMNS: Columns = &[("title", 'A'), ("text", 'B')];

/// Columns of the claim search (`attributions.tsv`).
pub(crate) const CLAIM_COLUMNS: Columns = &[("content_text", 'A'), ("source_text", 'B')];

/// The `to_tsquery('simple', …)` text for an FTS5-style query, `None` when
/// it can match nothing (only empty phrases), or why it does not parse.
pub(crate) fn tsquery(query: &str, columns: Columns) -> Result<Option<String>, String> {
    let tokens = lex(query)?;
    let mut p = Parser {
        tokens,
        at: 0,
        columns,
    };
    let all = (1u32 << columns.len()) - 1;
    let expr = p.or(all)?;
    if let Some(t) = p.tokens.get(p.at) {
        return Err(format!("syntax error near {}", t.shown()));
    }
    Ok(match expr {
        Expr::Empty => None,
        e => Some(e.write(columns, all)),
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Quoted(String),
    And,
    Or,
    Not,
    Open,
    Close,
    OpenBrace,
    CloseBrace,
    Colon,
    Minus,
    Star,
    Plus,
    Caret,
}

impl Token {
    fn shown(&self) -> String {
        match self {
            Token::Word(w) => format!("\"{w}\""),
            Token::Quoted(q) => format!("\"\"{q}\"\""),
            Token::And => "\"AND\"".into(),
            Token::Or => "\"OR\"".into(),
            Token::Not => "\"NOT\"".into(),
            Token::Open => "\"(\"".into(),
            Token::Close => "\")\"".into(),
            Token::OpenBrace => "\"{\"".into(),
            Token::CloseBrace => "\"}\"".into(),
            Token::Colon => "\":\"".into(),
            Token::Minus => "\"-\"".into(),
            Token::Star => "\"*\"".into(),
            Token::Plus => "\"+\"".into(),
            Token::Caret => "\"^\"".into(),
        }
    }
}

/// A character FTS5 takes into a bareword.
fn bare(c: char) -> bool {
    !c.is_ascii() || c.is_ascii_alphanumeric() || c == '_' || c == '\u{1a}'
}

fn lex(query: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut chars = query.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let single = match c {
            '(' => Some(Token::Open),
            ')' => Some(Token::Close),
            '{' => Some(Token::OpenBrace),
            '}' => Some(Token::CloseBrace),
            ':' => Some(Token::Colon),
            '-' => Some(Token::Minus),
            '*' => Some(Token::Star),
            '+' => Some(Token::Plus),
            '^' => Some(Token::Caret),
            _ => None,
        };
        if let Some(t) = single {
            chars.next();
            out.push(t);
            continue;
        }
        if c == '"' {
            chars.next();
            let mut s = String::new();
            loop {
                match chars.next() {
                    None => return Err("unterminated string".into()),
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        s.push('"');
                    }
                    Some('"') => break,
                    Some(ch) => s.push(ch),
                }
            }
            out.push(Token::Quoted(s));
            continue;
        }
        if !bare(c) {
            return Err(format!("syntax error near \"{c}\""));
        }
        let mut w = String::new();
        while let Some(&ch) = chars.peek() {
            if !bare(ch) {
                break;
            }
            w.push(ch);
            chars.next();
        }
        out.push(match w.as_str() {
            "AND" => Token::And,
            "OR" => Token::Or,
            "NOT" => Token::Not,
            _ => Token::Word(w),
        });
    }
    Ok(out)
}

/// One token of a phrase.
#[derive(Debug, Clone, PartialEq)]
struct Term {
    text: String,
    prefix: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    /// Tokens in a row, in the columns of the mask.
    Phrase(Vec<Term>, u32),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>, Box<Expr>),
    /// A phrase without a token: FTS5 leaves it out.
    Empty,
}

impl Expr {
    fn and(a: Expr, b: Expr) -> Expr {
        match (a, b) {
            (Expr::Empty, x) | (x, Expr::Empty) => x,
            (a, b) => Expr::And(Box::new(a), Box::new(b)),
        }
    }

    fn or(a: Expr, b: Expr) -> Expr {
        match (a, b) {
            (Expr::Empty, x) | (x, Expr::Empty) => x,
            (a, b) => Expr::Or(Box::new(a), Box::new(b)),
        }
    }

    fn not(a: Expr, b: Expr) -> Expr {
        match (a, b) {
            (Expr::Empty, _) => Expr::Empty,
            (a, Expr::Empty) => a,
            (a, b) => Expr::Not(Box::new(a), Box::new(b)),
        }
    }

    fn write(&self, columns: Columns, all: u32) -> String {
        match self {
            Expr::Phrase(terms, mask) => {
                let weights: String = if *mask == all {
                    String::new()
                } else {
                    columns
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, (_, w))| *w)
                        .collect()
                };
                let parts: Vec<String> = terms
                    .iter()
                    .map(|t| {
                        let star = if t.prefix { "*" } else { "" };
                        let label = if star.is_empty() && weights.is_empty() {
                            String::new()
                        } else {
                            format!(":{star}{weights}")
                        };
                        format!("'{}'{label}", t.text.replace('\'', "''"))
                    })
                    .collect();
                if parts.len() == 1 {
                    parts.into_iter().next().unwrap_or_default()
                } else {
                    format!("({})", parts.join(" <-> "))
                }
            }
            Expr::And(a, b) => format!("({} & {})", a.write(columns, all), b.write(columns, all)),
            Expr::Or(a, b) => format!("({} | {})", a.write(columns, all), b.write(columns, all)),
            Expr::Not(a, b) => format!("({} & !{})", a.write(columns, all), b.write(columns, all)),
            Expr::Empty => String::new(),
        }
    }
}

/// The tokens of a word or quoted string as FTS5's `unicode61` tokenizer
/// cuts them: runs of letters and digits.
fn terms(text: &str) -> Vec<Term> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| Term {
            text: t.to_string(),
            prefix: false,
        })
        .collect()
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    columns: Columns,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn peek_at(&self, k: usize) -> Option<&Token> {
        self.tokens.get(self.at + k)
    }

    fn eat(&mut self, t: &Token) -> bool {
        if self.peek() == Some(t) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn near(&self) -> String {
        match self.peek() {
            Some(t) => format!("syntax error near {}", t.shown()),
            None => "syntax error near \"\"".into(),
        }
    }

    fn or(&mut self, mask: u32) -> Result<Expr, String> {
        let mut e = self.and(mask)?;
        while self.eat(&Token::Or) {
            let r = self.and(mask)?;
            e = Expr::or(e, r);
        }
        Ok(e)
    }

    fn and(&mut self, mask: u32) -> Result<Expr, String> {
        let mut e = self.not(mask)?;
        while self.eat(&Token::And) {
            let r = self.not(mask)?;
            e = Expr::and(e, r);
        }
        Ok(e)
    }

    fn not(&mut self, mask: u32) -> Result<Expr, String> {
        let mut e = self.sequence(mask)?;
        while self.eat(&Token::Not) {
            let r = self.sequence(mask)?;
            e = Expr::not(e, r);
        }
        Ok(e)
    }

    /// Items side by side: an implicit AND.
    fn sequence(&mut self, mask: u32) -> Result<Expr, String> {
        let mut e = self.item(mask)?;
        while matches!(
            self.peek(),
            Some(
                Token::Word(_)
                    | Token::Quoted(_)
                    | Token::Open
                    | Token::OpenBrace
                    | Token::Minus
                    | Token::Caret
            )
        ) {
            let r = self.item(mask)?;
            e = Expr::and(e, r);
        }
        Ok(e)
    }

    fn item(&mut self, mask: u32) -> Result<Expr, String> {
        let mask = match self.column_filter()? {
            Some(m) => mask & m,
            None => mask,
        };
        match self.peek() {
            Some(Token::Open) => {
                self.at += 1;
                let e = self.or(mask)?;
                if !self.eat(&Token::Close) {
                    return Err(self.near());
                }
                Ok(e)
            }
            Some(Token::Caret) => {
                Err("^ (the first token of a column) is not supported on PostgreSQL".into())
            }
            Some(Token::Word(w)) if w == "NEAR" && self.peek_at(1) == Some(&Token::Open) => {
                Err("NEAR(…) is not supported on PostgreSQL".into())
            }
            Some(Token::Word(_) | Token::Quoted(_)) => self.phrase(mask),
            _ => Err(self.near()),
        }
    }

    /// A column filter before an item (`col:`, `{a b}:`, `-col:`) as a mask, if there is one.
    fn column_filter(&mut self) -> Result<Option<u32>, String> {
        let minus = self.peek() == Some(&Token::Minus);
        let start = self.at + usize::from(minus);
        let (names, end) = match self.tokens.get(start) {
            Some(Token::Word(w)) if minus || self.tokens.get(start + 1) == Some(&Token::Colon) => {
                (vec![w.clone()], start + 1)
            }
            Some(Token::OpenBrace) => {
                let mut names = Vec::new();
                let mut i = start + 1;
                while let Some(Token::Word(w)) = self.tokens.get(i) {
                    names.push(w.clone());
                    i += 1;
                }
                if self.tokens.get(i) != Some(&Token::CloseBrace) {
                    self.at = i;
                    return Err(self.near());
                }
                (names, i + 1)
            }
            _ if minus => {
                self.at = start;
                return Err(self.near());
            }
            _ => return Ok(None),
        };
        let mut m = 0u32;
        for name in &names {
            let i = self
                .columns
                .iter()
                .position(|(c, _)| c.eq_ignore_ascii_case(name))
                .ok_or_else(|| format!("no such column: {name}"))?;
            m |= 1 << i;
        }
        self.at = end;
        if !self.eat(&Token::Colon) {
            return Err(self.near());
        }
        let all = (1u32 << self.columns.len()) - 1;
        Ok(Some(if minus { all & !m } else { m }))
    }

    /// Words or strings joined by `+`, each with an optional `*`.
    fn phrase(&mut self, mask: u32) -> Result<Expr, String> {
        let mut all = Vec::new();
        loop {
            let mut part = match self.peek() {
                Some(Token::Word(w) | Token::Quoted(w)) => terms(w),
                _ => return Err(self.near()),
            };
            self.at += 1;
            if self.eat(&Token::Star)
                && let Some(last) = part.last_mut()
            {
                last.prefix = true;
            }
            all.extend(part);
            if !self.eat(&Token::Plus) {
                break;
            }
        }
        Ok(if all.is_empty() {
            Expr::Empty
        } else {
            Expr::Phrase(all, mask)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Result<Option<String>, String> {
        tsquery(s, DOCUMENT_COLUMNS)
    }

    #[test]
    fn precedence_follows_fts5() {
        assert_eq!(
            q("one two OR three").unwrap().unwrap(),
            "(('one' & 'two') | 'three')"
        );
        assert_eq!(
            q("one OR two NOT three").unwrap().unwrap(),
            "('one' | ('two' & !'three'))"
        );
        assert_eq!(
            q("one NOT two three").unwrap().unwrap(),
            "('one' & !('two' & 'three'))"
        );
        assert_eq!(
            q("one OR two AND three").unwrap().unwrap(),
            "('one' | ('two' & 'three'))"
        );
        assert_eq!(
            q("(one OR two) NOT three").unwrap().unwrap(),
            "(('one' | 'two') & !'three')"
        );
    }

    #[test]
    fn phrases_prefixes_and_columns() {
        assert_eq!(q("\"New York\"").unwrap().unwrap(), "('New' <-> 'York')");
        assert_eq!(q("new+york").unwrap().unwrap(), "('new' <-> 'york')");
        assert_eq!(q("\"new yo\"*").unwrap().unwrap(), "('new' <-> 'yo':*)");
        assert_eq!(q("ne *").unwrap().unwrap(), "'ne':*");
        assert_eq!(q("title:one two").unwrap().unwrap(), "('one':A & 'two')");
        assert_eq!(q("-title:one").unwrap().unwrap(), "'one':B");
        assert_eq!(q("{title text}:one*").unwrap().unwrap(), "'one':*");
        assert_eq!(
            q("title:(one OR tw*)").unwrap().unwrap(),
            "('one':A | 'tw':*A)"
        );
        assert_eq!(q("\"one-two\"").unwrap().unwrap(), "('one' <-> 'two')");
        assert_eq!(q("it''s").unwrap_err(), "syntax error near \"'\"");
        assert_eq!(q("\"o'brien\"").unwrap().unwrap(), "('o' <-> 'brien')");
        assert_eq!(
            tsquery("source_text:agency", CLAIM_COLUMNS)
                .unwrap()
                .unwrap(),
            "'agency':B"
        );
    }

    #[test]
    fn empty_phrases_are_left_out() {
        assert_eq!(q("\".\"").unwrap(), None);
        assert_eq!(q("one \".\"").unwrap().unwrap(), "'one'");
        assert_eq!(q("one OR \".\"").unwrap().unwrap(), "'one'");
        assert_eq!(q("\".\" NOT one").unwrap(), None);
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!(q("\"open").unwrap_err(), "unterminated string");
        assert_eq!(q("").unwrap_err(), "syntax error near \"\"");
        assert_eq!(q("one AND").unwrap_err(), "syntax error near \"\"");
        assert_eq!(q("NOT one").unwrap_err(), "syntax error near \"NOT\"");
        assert_eq!(q("a.b").unwrap_err(), "syntax error near \".\"");
        assert_eq!(q("one:two").unwrap_err(), "no such column: one");
        assert_eq!(q("one-two").unwrap_err(), "no such column: two");
        assert!(q("NEAR(a b)").unwrap_err().contains("NEAR"));
        assert!(q("^one").unwrap_err().contains('^'));
        assert_eq!(q("*").unwrap_err(), "syntax error near \"*\"");
    }
}
