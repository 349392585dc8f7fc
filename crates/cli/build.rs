//! Sets cfg `has_shared` when the shared corpus is there (see `hearsay-shared-corpus`),
//! and cfg `has_chromium` when Chromium and ChromeDriver are on `PATH`, for the
//! browser tests (ignored, by name, without them; `.ci/run` installs them).

use std::path::{Path, PathBuf};

/// The directories of `PATH` that hold `name`, if any.
fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn main() {
    hearsay_shared_corpus::configure();
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
