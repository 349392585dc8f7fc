//! Where a database is: a SQLite file, or a PostgreSQL database named by a
//! `postgres://` URL. A URL is only ever shown with its password replaced
//! by `***` ([`redact`]), in messages, logs and `Debug` output alike.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where a database is.
///
/// ```
/// use hearsay_store::Location;
/// let at: Location = "postgres://ana:secret@db.example/news".parse().unwrap();
/// assert_eq!(at.to_string(), "postgres://ana:***@db.example/news");
/// assert_eq!("news.db".parse::<Location>().unwrap(), Location::File("news.db".into()));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file.
    File(PathBuf),
    /// A PostgreSQL database.
    Postgres(PgUrl),
}

/// A `postgres://` (or `postgresql://`) URL, as the `postgres` crate reads it
/// (`postgres://user:password@host:port/database?sslmode=…&options=…`).
#[derive(Clone, PartialEq, Eq)]
pub struct PgUrl {
    url: String,
}

impl PgUrl {
    /// The URL with its password, for connecting only.
    pub(crate) fn secret(&self) -> &str {
        &self.url
    }
}

impl fmt::Display for PgUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact(&self.url))
    }
}

impl fmt::Debug for PgUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PgUrl({self})")
    }
}

impl Location {
    /// A URL starting `postgres://` or `postgresql://` is a PostgreSQL
    /// database; anything else is a file path.
    pub fn parse(s: &str) -> Location {
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            Location::Postgres(PgUrl { url: s.to_string() })
        } else {
            Location::File(PathBuf::from(s))
        }
    }

    /// What the location holds, found out without writing anything (see
    /// [`inspect`](crate::inspect) for files; a PostgreSQL database is
    /// hearsay's when its current schema has the `hearsay_schema` table).
    pub fn inspect(&self) -> Result<crate::DatabaseFile, crate::StoreError> {
        match self {
            Location::File(p) => crate::inspect(p),
            Location::Postgres(u) => crate::pg::inspect(u),
        }
    }

    /// The file, when it is one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(p) => Some(p),
            Location::Postgres(_) => None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File(p) => write!(f, "{}", p.display()),
            Location::Postgres(u) => u.fmt(f),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File(p) => write!(f, "File({p:?})"),
            Location::Postgres(u) => write!(f, "Postgres({u})"),
        }
    }
}

impl std::str::FromStr for Location {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Location::parse(s))
    }
}

impl From<&str> for Location {
    fn from(s: &str) -> Self {
        Location::parse(s)
    }
}

impl From<&Path> for Location {
    fn from(p: &Path) -> Self {
        Location::File(p.to_path_buf())
    }
}

impl From<&PathBuf> for Location {
    fn from(p: &PathBuf) -> Self {
        Location::File(p.clone())
    }
}

impl From<PathBuf> for Location {
    fn from(p: PathBuf) -> Self {
        Location::File(p)
    }
}

impl From<&Location> for Location {
    fn from(l: &Location) -> Self {
        l.clone()
    }
}

/// `text` with the password of every `scheme://user:password@host` URL in it,
/// and every `password=…` parameter, replaced by `***`.
///
/// ```
/// use hearsay_store::redact;
/// assert_eq!(
///     redact("postgres://ana:s3cr@t@db:5432/news?sslmode=require&password=x"),
///     "postgres://ana:***@db:5432/news?sslmode=require&password=***"
/// );
/// assert_eq!(redact("no url here"), "no url here");
/// ```
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (before, after) = rest.split_at(at + 3);
        out.push_str(before);
        // The URL runs to the next space; its user part to its last '@' (a
        // password may hold '@', '/' or '?'). An '@' further on, in a query
        // parameter, only hides more than the password: never less.
        let end = after.find(char::is_whitespace).unwrap_or(after.len());
        let url = &after[..end];
        match url
            .rfind('@')
            .and_then(|a| url[..a].find(':').map(|c| (c, a)))
        {
            Some((colon, user_end)) => {
                out.push_str(&url[..colon]);
                out.push_str(":***");
                out.push_str(&url[user_end..]);
            }
            None => out.push_str(url),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    redact_parameters(&out)
}

/// Every `password=VALUE` (up to `&`, a space or the end) made `password=***`.
fn redact_parameters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("password=") {
        let starts_word =
            at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let (before, after) = rest.split_at(at + "password=".len());
        out.push_str(before);
        if starts_word {
            let end = after
                .find(|c: char| c == '&' || c.is_whitespace())
                .unwrap_or(after.len());
            out.push_str("***");
            rest = &after[end..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        for (url, shown) in [
            ("postgres://u:pw@h/db", "postgres://u:***@h/db"),
            ("postgresql://u:pw@h:5432", "postgresql://u:***@h:5432"),
            ("postgres://u@h/db", "postgres://u@h/db"),
            (
                "postgres://h/db?password=pw",
                "postgres://h/db?password=***",
            ),
            ("postgres://u:p/w?x@h/db", "postgres://u:***@h/db"),
            ("postgres://u:p@w@h/db", "postgres://u:***@h/db"),
            (
                "cannot reach postgres://u:pw@h/db now",
                "cannot reach postgres://u:***@h/db now",
            ),
        ] {
            assert_eq!(redact(url), shown, "{url}");
            if url.starts_with("postgres") {
                let at = Location::parse(url);
                assert!(!format!("{at} {at:?}").contains("pw"), "{url}");
            }
        }
        assert_eq!(redact("user_password=pw"), "user_password=pw");
    }

    #[test]
    fn paths_and_urls() {
        assert_eq!(Location::parse("a/b.db"), Location::File("a/b.db".into()));
        assert!(matches!(
            Location::parse("postgres://h/db"),
            Location::Postgres(_)
        ));
        assert_eq!(Location::parse("postgres://h/db").file(), None);
    }
}
