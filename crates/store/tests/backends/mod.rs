//! One test body, two databases: [`on_both!`] turns a test into `NAME::sqlite`
//! (a database in memory) and `NAME::postgres` (a fresh database on the
//! server `HEARSAY_TEST_PG` names, ignored by name without one).

/// `fn name(store) { body }` run once on a fresh SQLite store and once on a
/// fresh PostgreSQL one; `store` is a `mut hearsay_store::Database`.
#[macro_export]
macro_rules! on_both {
    ($(#[doc = $doc:literal])* fn $name:ident($store:ident) $body:block) => {
        $(#[doc = $doc])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            fn body(#[allow(unused_mut)] mut $store: hearsay_store::Database) $body

            #[test]
            fn sqlite() {
                body(hearsay_store::Database::open_in_memory().unwrap());
            }

            #[test]
            #[cfg_attr(not(has_pg), ignore = "needs PostgreSQL (set HEARSAY_TEST_PG=postgres://…)")]
            fn postgres() {
                let db = hearsay_test_pg::TestDatabase::create(stringify!($name));
                body(hearsay_store::Database::open(db.url()).unwrap());
            }
        }
    };
}
