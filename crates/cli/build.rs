//! Sets cfg `has_shared` when the shared corpus is there (see `hearsay-shared-corpus`).

fn main() {
    hearsay_shared_corpus::configure();
}
