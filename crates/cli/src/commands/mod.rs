//! One module per subcommand.

pub mod add;
pub mod analyze;
pub mod bench;
pub mod claims;
pub mod docs;
pub mod eval;
pub mod eval_attributions;
pub mod eval_language;
pub mod show;
pub mod train;
pub mod train_attributions;
pub mod train_language;
