//! Opening a PostgreSQL database: connecting (the URL never shown with its
//! password), recognising hearsay's schema by its `hearsay_schema` table
//! before anything is written, and applying the migrations it lacks.
//!
//! Several processes may open one database at once (ingest workers starting
//! together): each migration runs in a transaction holding an advisory lock,
//! so exactly one of them applies it and the others see it applied.

use crate::StoreError;
use crate::db::PgConn;
use crate::error::postgres_reason;
use crate::file::DatabaseFile;
use crate::location::{PgUrl, redact};
use crate::schema::POSTGRES_MIGRATIONS;
use postgres::GenericClient;
use std::time::Duration;

/// The first key of hearsay's advisory locks (the bytes "HRSY").
pub(crate) const LOCK_SPACE: i32 = 0x4852_5359;
/// The second key of the lock migrations take.
const LOCK_MIGRATE: i32 = 1;
/// The second key of the lock the graph resolve takes.
pub(crate) const LOCK_GRAPH: i32 = 2;

/// Open the database at `url`, migrating it up to date; a schema holding
/// another program's tables is refused before anything is written.
pub(crate) fn open(url: &PgUrl) -> Result<PgConn, StoreError> {
    let mut client = connect(url)?;
    migrate(&mut client, &url.to_string())?;
    Ok(PgConn::new(client))
}

/// Open an existing hearsay database for reading only: nothing is created or migrated.
pub(crate) fn open_read_only(url: &PgUrl) -> Result<PgConn, StoreError> {
    let shown = url.to_string();
    let mut client = connect(url)?;
    let known = POSTGRES_MIGRATIONS.len() as i64;
    match state(&mut client)? {
        DatabaseFile::Missing | DatabaseFile::Empty => Err(StoreError::Open {
            path: shown,
            reason: "no hearsay database there".into(),
        }),
        DatabaseFile::NotHearsay { why } => Err(StoreError::NotHearsay { path: shown, why }),
        DatabaseFile::Hearsay { schema, .. } if schema > known => Err(StoreError::NewerSchema {
            path: shown,
            found: schema,
            known,
        }),
        DatabaseFile::Hearsay { schema, .. } if schema < known => Err(StoreError::OlderSchema {
            path: shown,
            found: schema,
            known,
        }),
        DatabaseFile::Hearsay { .. } => Ok(PgConn::new(client)),
    }
}

/// What the database at `url` holds, without writing anything.
pub(crate) fn inspect(url: &PgUrl) -> Result<DatabaseFile, StoreError> {
    state(&mut connect(url)?)
}

fn connect(url: &PgUrl) -> Result<postgres::Client, StoreError> {
    let open_error = |reason: String| StoreError::Open {
        path: url.to_string(),
        reason: redact(&reason),
    };
    let mut config: postgres::Config = url
        .secret()
        .parse()
        .map_err(|e: postgres::Error| open_error(e.to_string()))?;
    if config.get_application_name().is_none() {
        config.application_name("hearsay");
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(30));
    }
    config
        .connect(postgres::NoTls)
        .map_err(|e| open_error(postgres_reason(&e)))
}

/// Whether the current schema (the first of the `search_path`) is hearsay's,
/// empty, or another program's.
fn state(client: &mut impl GenericClient) -> Result<DatabaseFile, StoreError> {
    let row = client.query_one(
        "SELECT count(*), count(*) FILTER (WHERE tablename = 'hearsay_schema')
         FROM pg_tables WHERE schemaname = current_schema()",
        &[],
    )?;
    let (tables, marked): (i64, i64) = (row.try_get(0)?, row.try_get(1)?);
    if marked == 0 {
        return Ok(if tables == 0 {
            DatabaseFile::Empty
        } else {
            DatabaseFile::NotHearsay {
                why: "a PostgreSQL schema with another program's tables",
            }
        });
    }
    let row = client.query_opt("SELECT application, version FROM hearsay_schema", &[])?;
    Ok(match row {
        Some(r) if r.try_get::<_, String>(0)? == "hearsay" => DatabaseFile::Hearsay {
            schema: r.try_get(1)?,
            marked: true,
        },
        _ => DatabaseFile::NotHearsay {
            why: "a PostgreSQL schema whose hearsay_schema table is not hearsay's",
        },
    })
}

/// Apply the migrations the database lacks, each in its own transaction
/// under the migration lock; the first creates `hearsay_schema`, the mark.
fn migrate(client: &mut postgres::Client, shown: &str) -> Result<(), StoreError> {
    let known = POSTGRES_MIGRATIONS.len() as i64;
    loop {
        let mut tx = client.transaction()?;
        tx.batch_execute(&format!(
            "SELECT pg_advisory_xact_lock({LOCK_SPACE}, {LOCK_MIGRATE})"
        ))?;
        let version = match state(&mut tx)? {
            DatabaseFile::NotHearsay { why } => {
                return Err(StoreError::NotHearsay {
                    path: shown.to_string(),
                    why,
                });
            }
            DatabaseFile::Missing | DatabaseFile::Empty => {
                tx.batch_execute(
                    "CREATE TABLE hearsay_schema (application TEXT NOT NULL, version BIGINT NOT NULL);
                     INSERT INTO hearsay_schema VALUES ('hearsay', 0);",
                )?;
                0
            }
            DatabaseFile::Hearsay { schema, .. } => schema,
        };
        if version > known {
            return Err(StoreError::NewerSchema {
                path: shown.to_string(),
                found: version,
                known,
            });
        }
        if version == known {
            tx.commit()?;
            return Ok(());
        }
        tx.batch_execute(POSTGRES_MIGRATIONS[version as usize])?;
        tx.execute("UPDATE hearsay_schema SET version = $1", &[&(version + 1)])?;
        tx.commit()?;
    }
}
