//! Sets cfg `has_shared` when the shared corpus is there (see `hearsay-shared-corpus`),
//! cfg `has_pg` when `HEARSAY_TEST_PG` names a PostgreSQL server (for the tests
//! that run on both databases), and cfg `has_chromium` when Chromium and
//! ChromeDriver are on `PATH`, for the browser tests (each ignored, by name,
//! without what it needs; `.ci/run` provides all three).

use std::path::{Path, PathBuf};

/// The directories of `PATH` that hold `name`, if any.
fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn main() {
    hearsay_shared_corpus::configure();
    hearsay_shared_corpus::configure_postgres();
    println!("cargo::rustc-check-cfg=cfg(has_chromium)");
    println!("cargo::rerun-if-env-changed=PATH");
    let chromium = on_path("chromium").or_else(|| on_path("chromium-browser"));
    let driver = on_path("chromedriver");
    match (chromium, driver) {
        (Some(browser), Some(driver)) => {
            println!("cargo::rustc-cfg=has_chromium");
            println!("cargo::rustc-env=HEARSAY_CHROMIUM={}", browser.display());
            println!("cargo::rustc-env=HEARSAY_CHROMEDRIVER={}", driver.display());
            println!("cargo::rerun-if-changed={}", driver.display());
        }
        _ => {
            // Installing them changes the directory Debian puts them in.
            if Path::new("/usr/bin").is_dir() {
                println!("cargo::rerun-if-changed=/usr/bin");
            }
            println!(
                "cargo::warning=no chromium and chromedriver on PATH: the browser tests are ignored \
                 (apt-get install chromium chromium-driver)"
            );
        }
    }
}
