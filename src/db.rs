//! The Postgres system of record: connection pool, embedded migrations, schema and queries.
//!
//! Query functions are free functions taking `&mut AsyncPgConnection`, so the caller (a
//! service) owns the transaction; those that a transition pipelines take `&AsyncPgConnection`.

pub mod audit;
pub mod batch;
pub mod bootstrap;
pub mod cases;
pub mod clocks;
pub mod docket;
pub mod documents;
pub mod elements;
pub mod enums;
pub mod exchange;
pub mod filings;
pub mod hearings;
pub mod mediation;
pub mod metrics;
pub mod personal;
pub mod premediation;
pub mod queue;
pub mod reference;
pub mod replica;
pub mod rollup;
pub mod rooms;
pub mod roster;
pub mod schema;
pub mod supervision;
pub mod users;
pub mod warnings;
pub mod workload;

use std::time::Duration;

use diesel::pg::Pg;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::deadpool::{Object, Pool};
use diesel_async::pooled_connection::{AsyncDieselConnectionManager, ManagerConfig, RecyclingMethod};
use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use futures_util::FutureExt;

/// The migrations in `migrations/`, compiled into the binary.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// The async connection pool shared by all request handlers and workers.
pub type DbPool = Pool<AsyncPgConnection>;
/// One pooled connection.
pub type DbConn = Object<AsyncPgConnection>;

/// Builds the pool; every new connection gets a statement timeout and an application name.
pub fn build_pool(
    url: &str,
    size: usize,
    wait_timeout: Duration,
    statement_timeout_ms: u64,
) -> Result<DbPool, anyhow::Error> {
    let mut config = ManagerConfig::<AsyncPgConnection>::default();
    // The pool still discards a connection whose socket has closed or whose transaction broke
    // (checked without a query); the default `Verified` adds a `SELECT 1` round trip to every
    // checkout.
    config.recycling_method = RecyclingMethod::Fast;
    config.custom_setup = Box::new(move |url| {
        let url = url.to_owned();
        async move {
            let mut conn = AsyncPgConnection::establish(&url).await?;
            conn.batch_execute(&format!(
                "SET statement_timeout = {statement_timeout_ms}; SET application_name = 'arbitration'; SET TIME ZONE 'Asia/Shanghai'"
            ))
            .await
            .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
            Ok(conn)
        }
        .boxed()
    });
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new_with_config(url, config);
    let pool = Pool::builder(manager)
        .max_size(size)
        .wait_timeout(Some(wait_timeout))
        .create_timeout(Some(wait_timeout))
        .runtime(deadpool::Runtime::Tokio1)
        .build()?;
    Ok(pool)
}

/// Applies every pending embedded migration; returns how many ran.
///
/// The migration harness is synchronous, so it runs on a blocking thread.
pub async fn run_migrations(url: &str) -> Result<usize, anyhow::Error> {
    let url = url.to_owned();
    tokio::task::spawn_blocking(move || -> Result<usize, anyhow::Error> {
        let mut conn = <AsyncConnectionWrapper<AsyncPgConnection> as diesel::Connection>::establish(&url)?;
        let applied =
            conn.run_pending_migrations(MIGRATIONS).map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
        Ok(applied.len())
    })
    .await?
}

/// Reverts every applied migration (used by the reversibility test).
pub async fn revert_all_migrations(url: &str) -> Result<usize, anyhow::Error> {
    let url = url.to_owned();
    tokio::task::spawn_blocking(move || -> Result<usize, anyhow::Error> {
        let mut conn = <AsyncConnectionWrapper<AsyncPgConnection> as diesel::Connection>::establish(&url)?;
        let reverted = MigrationHarness::<Pg>::revert_all_migrations(&mut conn, MIGRATIONS)
            .map_err(|e| anyhow::anyhow!("revert failed: {e}"))?;
        Ok(reverted.len())
    })
    .await?
}
