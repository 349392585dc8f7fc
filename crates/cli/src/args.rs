//! Options several commands share, accepted before the command as well as after it.
//!
//! `hearsay --db news.db docs` is how many users type it, but clap only takes
//! a subcommand's options after the subcommand, and clap's global options would
//! list `--db` under every command, `analyze` and `train` included. So the
//! shared options written before the command are moved to the end of the
//! arguments (before a `--`), where the command's own parser reads them, and a
//! command that has no such option says so as clap always does.

use std::ffi::OsString;

/// The shared options: name, and whether it takes a value.
const SHARED: [(&str, bool); 2] = [("--db", true), ("--json", false)];

/// `args` (program name first) with the shared options that come before the
/// command moved after it.
pub fn hoist_shared(args: Vec<OsString>) -> Vec<OsString> {
    let mut head = Vec::new();
    let mut hoisted = Vec::new();
    let mut rest = args.into_iter();
    head.extend(rest.next());
    while let Some(arg) = rest.next() {
        let Some(s) = arg.to_str() else {
            head.push(arg);
            break;
        };
        if !s.starts_with('-') || s == "--" {
            head.push(arg);
            break;
        }
        let shared = SHARED.iter().find(|(name, _)| {
            s == *name || s.strip_prefix(name).is_some_and(|v| v.starts_with('='))
        });
        match shared {
            Some((name, true)) if s == *name => match rest.next() {
                Some(value) => hoisted.extend([arg, value]),
                None => head.push(arg),
            },
            Some(_) => hoisted.push(arg),
            None => head.push(arg),
        }
    }
    let mut tail: Vec<OsString> = rest.collect();
    let at = tail.iter().position(|a| a == "--").unwrap_or(tail.len());
    tail.splice(at..at, hoisted);
    head.extend(tail);
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hoist(args: &str) -> String {
        let args = args.split(' ').map(OsString::from).collect();
        hoist_shared(args)
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn shared_options_before_the_command_move_after_it() {
        assert_eq!(hoist("hearsay --db x.db docs"), "hearsay docs --db x.db");
        assert_eq!(
            hoist("hearsay --json --db=x.db claims --limit 3"),
            "hearsay claims --limit 3 --json --db=x.db"
        );
        assert_eq!(
            hoist("hearsay --db x.db add -- --odd-name.txt"),
            "hearsay add --db x.db -- --odd-name.txt"
        );
    }

    #[test]
    fn everything_else_stays_where_it_is() {
        for args in [
            "hearsay docs --db x.db",
            "hearsay --help",
            "hearsay --version docs",
            "hearsay --db",
            "hearsay show --json 3f2a",
            "hearsay analyze --dbx a.txt",
        ] {
            assert_eq!(hoist(args), args);
        }
        assert_eq!(
            hoist("hearsay --help --db x.db docs"),
            "hearsay --help docs --db x.db"
        );
    }
}
