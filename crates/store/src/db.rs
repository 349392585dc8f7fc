//! One way of talking to either database, so that every statement of the
//! store is written once.
//!
//! Statements use SQLite's placeholders (`?` and `?N`). On SQLite they run
//! through rusqlite's statement cache; on PostgreSQL the placeholders become
//! `$N` and each statement is prepared once per connection. Rows are read
//! through one [`Row`], values bound through one [`Param`]. Where the two
//! dialects differ, [`Db`] writes the fragment (`COLLATE NOCASE` or `lower`,
//! `LIKE` or `ILIKE`, the clock, temporary tables, JSON arrays).

use crate::StoreError;
use std::cell::RefCell;
use std::collections::HashMap;

/// Statements a PostgreSQL connection keeps prepared; past this many the
/// cache starts again (statements built at run time must not pile up in a
/// long-lived server).
const STATEMENT_CACHE: usize = 256;

/// Most rows one multi-row `INSERT` writes on PostgreSQL.
pub(crate) const MANY: usize = 128;

/// A connection of either kind, owned by a store.
pub(crate) enum Conn {
    /// A SQLite file (or memory).
    Sqlite(rusqlite::Connection),
    /// A PostgreSQL session (boxed: a client is three times a SQLite connection).
    Postgres(Box<PgConn>),
}

impl Conn {
    /// The connection to run statements on.
    pub(crate) fn db(&self) -> Db<'_> {
        match self {
            Conn::Sqlite(c) => Db::Sqlite(c),
            Conn::Postgres(c) => Db::Postgres(c),
        }
    }
}

/// A PostgreSQL session and its prepared statements. The client needs `&mut`
/// for every call while the store's queries take `&self`: a `RefCell`, held
/// only for the length of one call.
pub(crate) struct PgConn {
    client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
}

impl PgConn {
    /// Wrap a connected client.
    pub(crate) fn new(client: postgres::Client) -> Self {
        PgConn {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
        }
    }

    /// The prepared form of `sql` (written with SQLite's placeholders).
    fn statement(&self, sql: &str) -> Result<postgres::Statement, StoreError> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let prepared = self.client.borrow_mut().prepare(&placeholders(sql))?;
        let mut cache = self.statements.borrow_mut();
        if cache.len() >= STATEMENT_CACHE {
            cache.clear();
        }
        cache.insert(sql.to_string(), prepared.clone());
        Ok(prepared)
    }

    fn query(&self, sql: &str, params: &[&dyn Param]) -> Result<Vec<postgres::Row>, StoreError> {
        let stmt = self.statement(sql)?;
        let params: Vec<_> = params.iter().map(|p| p.pg()).collect();
        Ok(self.client.borrow_mut().query(&stmt, &params)?)
    }

    fn execute(&self, sql: &str, params: &[&dyn Param]) -> Result<u64, StoreError> {
        let stmt = self.statement(sql)?;
        let params: Vec<_> = params.iter().map(|p| p.pg()).collect();
        Ok(self.client.borrow_mut().execute(&stmt, &params)?)
    }
}

/// A value bound to a statement: anything both drivers can bind (text,
/// integers as `i64`, `f64`, `bool`, and `Option`s of them).
pub(crate) trait Param {
    /// As rusqlite binds it.
    fn sqlite(&self) -> &dyn rusqlite::ToSql;
    /// As `postgres` binds it.
    fn pg(&self) -> &(dyn postgres::types::ToSql + Sync);
}

impl<T: rusqlite::ToSql + postgres::types::ToSql + Sync> Param for T {
    fn sqlite(&self) -> &dyn rusqlite::ToSql {
        self
    }
    fn pg(&self) -> &(dyn postgres::types::ToSql + Sync) {
        self
    }
}

/// Arguments of a statement built at run time.
pub(crate) type Args = Vec<Box<dyn Param>>;

/// The arguments as the slice a statement takes.
pub(crate) fn refs(args: &Args) -> Vec<&dyn Param> {
    args.iter().map(|a| a.as_ref()).collect()
}

/// A row of a result, from either database.
pub(crate) enum Row<'r> {
    /// A SQLite row.
    Sqlite(&'r rusqlite::Row<'r>),
    /// A PostgreSQL row.
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    /// The value of column `i`.
    pub(crate) fn get<T: Cell>(&self, i: usize) -> Result<T, StoreError> {
        match self {
            Row::Sqlite(r) => T::sqlite(r, i),
            Row::Postgres(r) => T::pg(r, i),
        }
    }
}

/// A type a column is read as.
pub(crate) trait Cell: Sized {
    /// From a SQLite row.
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreError>;
    /// From a PostgreSQL row.
    fn pg(row: &postgres::Row, i: usize) -> Result<Self, StoreError>;
}

/// Types both drivers read the same way.
macro_rules! cells {
    ($($t:ty),*) => {$(
        impl Cell for $t {
            fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreError> {
                Ok(row.get(i)?)
            }
            fn pg(row: &postgres::Row, i: usize) -> Result<Self, StoreError> {
                Ok(row.try_get(i)?)
            }
        }
    )*};
}
cells!(String, Option<String>, bool, f64, Option<f64>);

/// A single-precision value stored as `REAL` / `DOUBLE PRECISION` (the
/// conversion from `f32` and back is exact).
impl Cell for Option<f32> {
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreError> {
        Ok(<Option<f64> as Cell>::sqlite(row, i)?.map(|v| v as f32))
    }
    fn pg(row: &postgres::Row, i: usize) -> Result<Self, StoreError> {
        Ok(<Option<f64> as Cell>::pg(row, i)?.map(|v| v as f32))
    }
}

/// An integer of any width PostgreSQL returns (`COUNT` and `BIGINT` columns
/// are 8 bytes, a literal `1` is 4).
fn pg_int(row: &postgres::Row, i: usize) -> Result<Option<i64>, StoreError> {
    use postgres::types::Type;
    let ty = row.columns().get(i).map(|c| c.type_().clone());
    Ok(match ty {
        Some(Type::INT4) => row.try_get::<_, Option<i32>>(i)?.map(i64::from),
        Some(Type::INT2) => row.try_get::<_, Option<i16>>(i)?.map(i64::from),
        _ => row.try_get::<_, Option<i64>>(i)?,
    })
}

impl Cell for i64 {
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreError> {
        Ok(row.get(i)?)
    }
    fn pg(row: &postgres::Row, i: usize) -> Result<Self, StoreError> {
        pg_int(row, i)?.ok_or_else(|| StoreError::Corrupt(format!("column {i} is NULL")))
    }
}

impl Cell for Option<i64> {
    fn sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreError> {
        Ok(row.get(i)?)
    }
    fn pg(row: &postgres::Row, i: usize) -> Result<Self, StoreError> {
        pg_int(row, i)
    }
}

/// The database a statement runs on: a borrowed connection of either kind.
#[derive(Clone, Copy)]
pub(crate) enum Db<'c> {
    /// SQLite.
    Sqlite(&'c rusqlite::Connection),
    /// PostgreSQL.
    Postgres(&'c PgConn),
}

impl<'c> Db<'c> {
    /// Run a statement, returning how many rows it changed.
    pub(crate) fn execute(self, sql: &str, params: &[&dyn Param]) -> Result<u64, StoreError> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let n = stmt.execute(rusqlite::params_from_iter(
                    params.iter().map(|p| p.sqlite()),
                ))?;
                Ok(n as u64)
            }
            Db::Postgres(c) => c.execute(sql, params),
        }
    }

    /// Run an `INSERT` into a table keyed by `seq` and return the new row's
    /// `seq`, or `None` when it inserted nothing (`ON CONFLICT DO NOTHING`).
    pub(crate) fn insert_seq(
        self,
        sql: &str,
        params: &[&dyn Param],
    ) -> Result<Option<i64>, StoreError> {
        match self {
            Db::Sqlite(c) => {
                let inserted = self.execute(sql, params)? > 0;
                Ok(inserted.then(|| c.last_insert_rowid()))
            }
            Db::Postgres(_) => {
                self.query_opt(&format!("{sql} RETURNING seq"), params, |r| r.get(0))
            }
        }
    }

    /// Insert rows: `insert` is `INSERT INTO table (columns)`, `values` the
    /// rows' values one row after the other, `width` to a row, `suffix` what
    /// follows the values (`ON CONFLICT …`, or nothing). SQLite runs one
    /// prepared single-row statement per row (no round trips to save); on
    /// PostgreSQL the rows go in [`MANY`] at a time, then in chunks of the
    /// powers of two below it, so that a table's rows take a few round trips
    /// and at most eight statements are prepared for it.
    pub(crate) fn insert_rows(
        self,
        insert: &str,
        suffix: &str,
        width: usize,
        values: &[&dyn Param],
    ) -> Result<(), StoreError> {
        self.insert_rows_returning(insert, suffix, width, values, None, |_| Ok(()))
            .map(drop)
    }

    /// [`insert_rows`](Self::insert_rows), returning `returning` (columns of
    /// the new rows) made into a `T` by `f` for each row, in no given order.
    pub(crate) fn insert_rows_returning<T>(
        self,
        insert: &str,
        suffix: &str,
        width: usize,
        values: &[&dyn Param],
        returning: Option<&str>,
        mut f: impl FnMut(&Row<'_>) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        debug_assert!(width > 0 && values.len().is_multiple_of(width));
        let rows = values.len() / width;
        let tail = match returning {
            Some(cols) => format!(" {suffix} RETURNING {cols}"),
            None => format!(" {suffix}"),
        };
        let statement = |chunk: usize| {
            let mut sql = String::with_capacity(insert.len() + tail.len() + chunk * width * 5);
            sql.push_str(insert);
            sql.push_str(" VALUES ");
            for r in 0..chunk {
                sql.push_str(if r == 0 { "(" } else { ", (" });
                for c in 0..width {
                    if c > 0 {
                        sql.push_str(", ");
                    }
                    sql.push('?');
                    sql.push_str(&(r * width + c + 1).to_string());
                }
                sql.push(')');
            }
            sql.push_str(&tail);
            sql
        };
        let mut out = Vec::new();
        let mut done = 0;
        let mut built: Option<(usize, String)> = None;
        while done < rows {
            let chunk = match self {
                Db::Sqlite(_) => 1,
                Db::Postgres(_) => {
                    let left = (rows - done).min(MANY);
                    1 << (usize::BITS - 1 - left.leading_zeros())
                }
            };
            if built.as_ref().is_none_or(|(n, _)| *n != chunk) {
                built = Some((chunk, statement(chunk)));
            }
            let sql = built.as_ref().map_or("", |(_, sql)| sql.as_str());
            let args = &values[done * width..(done + chunk) * width];
            if returning.is_some() {
                out.extend(self.query(sql, args, &mut f)?);
            } else {
                self.execute(sql, args)?;
            }
            done += chunk;
        }
        Ok(out)
    }

    /// Every row of a query, each made into a `T` by `f`.
    pub(crate) fn query<T>(
        self,
        sql: &str,
        params: &[&dyn Param],
        mut f: impl FnMut(&Row<'_>) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(
                    params.iter().map(|p| p.sqlite()),
                ))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(f(&Row::Sqlite(r))?);
                }
                Ok(out)
            }
            Db::Postgres(c) => c
                .query(sql, params)?
                .iter()
                .map(|r| f(&Row::Postgres(r)))
                .collect(),
        }
    }

    /// The first row of a query, if any.
    pub(crate) fn query_opt<T>(
        self,
        sql: &str,
        params: &[&dyn Param],
        f: impl FnOnce(&Row<'_>) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(
                    params.iter().map(|p| p.sqlite()),
                ))?;
                match rows.next()? {
                    Some(r) => Ok(Some(f(&Row::Sqlite(r))?)),
                    None => Ok(None),
                }
            }
            Db::Postgres(c) => match c.query(sql, params)?.first() {
                Some(r) => Ok(Some(f(&Row::Postgres(r))?)),
                None => Ok(None),
            },
        }
    }

    /// The first row of a query that always gives one (`COUNT`, an id just inserted).
    pub(crate) fn query_one<T>(
        self,
        sql: &str,
        params: &[&dyn Param],
        f: impl FnOnce(&Row<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.query_opt(sql, params, f)?
            .ok_or_else(|| StoreError::Corrupt("a query that gives one row gave none".into()))
    }

    /// Whether a query gives any row.
    pub(crate) fn exists(self, sql: &str, params: &[&dyn Param]) -> Result<bool, StoreError> {
        Ok(self.query_opt(sql, params, |_| Ok(()))?.is_some())
    }

    /// Run several statements without arguments.
    pub(crate) fn batch(self, sql: &str) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Db::Postgres(c) => Ok(c.client.borrow_mut().batch_execute(sql)?),
        }
    }

    /// Start a write transaction (SQLite: `BEGIN IMMEDIATE`, so that the
    /// write lock is taken at once); it rolls back unless committed.
    pub(crate) fn begin(self) -> Result<Tx<'c>, StoreError> {
        self.batch(match self {
            Db::Sqlite(_) => "BEGIN IMMEDIATE",
            Db::Postgres(_) => "BEGIN",
        })?;
        Ok(Tx {
            db: self,
            open: true,
        })
    }

    /// Start a read transaction: every statement sees the same snapshot.
    pub(crate) fn begin_read(self) -> Result<(), StoreError> {
        self.batch(match self {
            Db::Sqlite(_) => "BEGIN DEFERRED",
            Db::Postgres(_) => "BEGIN ISOLATION LEVEL REPEATABLE READ",
        })
    }

    /// A `LIMIT` argument; `None` is no limit (SQLite: -1, PostgreSQL: `NULL`).
    pub(crate) fn limit(self, limit: Option<usize>) -> Option<i64> {
        match (self, limit) {
            (_, Some(l)) => Some(l as i64),
            (Db::Sqlite(_), None) => Some(-1),
            (Db::Postgres(_), None) => None,
        }
    }

    /// True on PostgreSQL.
    pub(crate) fn is_postgres(self) -> bool {
        matches!(self, Db::Postgres(_))
    }

    /// `col` equals `param`, ignoring ASCII case (SQLite's `NOCASE`; on
    /// PostgreSQL `lower` under the columns' "C" collation, which folds ASCII only).
    pub(crate) fn eq_nocase(self, col: &str, param: &str) -> String {
        match self {
            Db::Sqlite(_) => format!("{col} = {param} COLLATE NOCASE"),
            Db::Postgres(_) => format!("lower({col}) = lower({param})"),
        }
    }

    /// The case-insensitive `LIKE`.
    pub(crate) fn like(self) -> &'static str {
        match self {
            Db::Sqlite(_) => "LIKE",
            Db::Postgres(_) => "ILIKE",
        }
    }

    /// The current time in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
    pub(crate) fn now(self) -> &'static str {
        match self {
            Db::Sqlite(_) => "strftime('%Y-%m-%dT%H:%M:%SZ','now')",
            Db::Postgres(_) => {
                "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
            }
        }
    }

    /// The schema temporary tables are named in.
    pub(crate) fn temp(self) -> &'static str {
        match self {
            Db::Sqlite(_) => "temp",
            Db::Postgres(_) => "pg_temp",
        }
    }

    /// A table of the strings of the JSON array `expr` (a column of a table
    /// before it in the `FROM` list), named `alias`, with the column `value`.
    pub(crate) fn json_table(self, expr: &str, alias: &str) -> String {
        match self {
            Db::Sqlite(_) => format!("json_each({expr}) {alias}"),
            Db::Postgres(_) => {
                format!("jsonb_array_elements_text(CAST({expr} AS jsonb)) AS {alias}(value)")
            }
        }
    }

    /// A subquery giving the strings of the JSON array `expr` (a column or a
    /// text placeholder), as a column named `value`.
    pub(crate) fn json_texts(self, expr: &str) -> String {
        match self {
            Db::Sqlite(_) => format!("SELECT value FROM json_each({expr})"),
            Db::Postgres(_) => format!(
                "SELECT value FROM jsonb_array_elements_text(CAST(CAST({expr} AS TEXT) AS jsonb)) AS j(value)"
            ),
        }
    }
}

/// An open write transaction; dropped without [`Tx::commit`], it rolls back.
pub(crate) struct Tx<'c> {
    db: Db<'c>,
    open: bool,
}

impl Tx<'_> {
    /// Make the transaction's writes durable.
    pub(crate) fn commit(mut self) -> Result<(), StoreError> {
        self.db.batch("COMMIT")?;
        self.open = false;
        Ok(())
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.open {
            // A failed rollback leaves nothing more to undo: the session's
            // transaction ends with the error either way.
            let _ = self.db.batch("ROLLBACK");
        }
    }
}

/// `sql` with SQLite's placeholders made PostgreSQL's: `?N` becomes `$N`, a
/// bare `?` the number after the largest so far (SQLite's rule). Quoted text
/// and identifiers are left alone.
pub(crate) fn placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut largest = 0usize;
    let mut quote: Option<char> = None;
    let mut chars = sql.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '?' => {
                let mut digits = String::new();
                while let Some(&(_, d)) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    digits.push(d);
                    chars.next();
                }
                let n = match digits.parse::<usize>() {
                    Ok(n) => n,
                    Err(_) => largest + 1,
                };
                largest = largest.max(n);
                out.push('$');
                out.push_str(&n.to_string());
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_follow_sqlite_numbering() {
        assert_eq!(placeholders("a = ?1 AND b = ?1"), "a = $1 AND b = $1");
        assert_eq!(placeholders("a = ? AND b = ?"), "a = $1 AND b = $2");
        assert_eq!(placeholders("a = ?3 AND b = ?"), "a = $3 AND b = $4");
        assert_eq!(
            placeholders("x = '?' AND \"?\" = ? -- …"),
            "x = '?' AND \"?\" = $1 -- …"
        );
        assert_eq!(
            placeholders("x = 'it''s' AND y = ?"),
            "x = 'it''s' AND y = $1"
        );
    }
}
