//! Sets cfg `has_pg` when `HEARSAY_TEST_PG` names a PostgreSQL server, for
//! the tests that run on both databases (ignored, by name, on PostgreSQL
//! without one; `.ci/run` starts one).

fn main() {
    hearsay_shared_corpus::configure_postgres();
}
