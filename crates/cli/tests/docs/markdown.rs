//! What the documentation shows: fenced code blocks, the commands of `sh`
//! blocks, and which blocks are the documented output of a command.
//!
//! A block is the output of a command when the line right before its fence is
//! `<!-- output of: COMMAND -->` (invisible in the rendered page).

use std::path::Path;

/// A fenced code block of a Markdown file.
#[derive(Debug, Clone)]
pub struct Block {
    /// The file, relative to the repository root.
    pub file: String,
    /// Line of the opening fence (1-based).
    pub line: usize,
    /// The first word of the info string (`sh`, `json`, …; empty when none).
    pub lang: String,
    /// The lines between the fences.
    pub body: Vec<String>,
    /// The command whose output this block shows.
    pub output_of: Option<String>,
}

impl Block {
    /// Where the block is, for messages.
    pub fn at(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

const OUTPUT_OF: &str = "<!-- output of:";

/// The fenced blocks of the Markdown file `root/file`.
pub fn blocks(root: &Path, file: &str) -> Vec<Block> {
    let text = std::fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(info) = lines[i].strip_prefix("```") else {
            i += 1;
            continue;
        };
        let output_of = i
            .checked_sub(1)
            .and_then(|p| lines[p].trim().strip_prefix(OUTPUT_OF))
            .and_then(|rest| rest.strip_suffix("-->"))
            .map(|c| c.trim().to_string());
        let start = i;
        i += 1;
        let mut body = Vec::new();
        while i < lines.len() && !lines[i].starts_with("```") {
            body.push(lines[i].to_string());
            i += 1;
        }
        out.push(Block {
            file: file.to_string(),
            line: start + 1,
            lang: info.split_whitespace().next().unwrap_or("").to_string(),
            body,
            output_of,
        });
        i += 1;
    }
    out
}

/// The `<!-- output of: … -->` markers of a file that no fenced block follows (a typo).
pub fn stray_markers(root: &Path, file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root.join(file)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    (0..lines.len())
        .filter(|&i| lines[i].trim().starts_with(OUTPUT_OF))
        .filter(|&i| !lines.get(i + 1).is_some_and(|l| l.starts_with("```")))
        .map(|i| {
            format!(
                "{file}:{}: an output marker not followed by a fenced block",
                i + 1
            )
        })
        .collect()
}

/// One command line of an `sh` block: comments stripped, continuations joined,
/// with the variable assignments of earlier lines of the block.
#[derive(Debug, Clone)]
pub struct Command {
    /// Where it is, for messages.
    pub at: String,
    /// The command as written (without its comment).
    pub text: String,
    /// `NAME=value` lines before it in the same block.
    pub assignments: Vec<String>,
}

/// The commands of an `sh` block.
pub fn commands(block: &Block) -> Vec<Command> {
    let mut out = Vec::new();
    let mut assignments = Vec::new();
    let mut pending = String::new();
    let mut first = 0;
    for (k, line) in block.body.iter().enumerate() {
        if pending.is_empty() {
            first = k;
        }
        let line = line.trim_end();
        if let Some(head) = line.strip_suffix('\\') {
            pending.push_str(head);
            pending.push(' ');
            continue;
        }
        pending.push_str(line);
        let text = without_comment(&pending).trim().to_string();
        pending.clear();
        if text.is_empty() {
            continue;
        }
        if is_assignment(&text) {
            assignments.push(text);
            continue;
        }
        out.push(Command {
            at: format!("{}:{}", block.file, block.line + 1 + first),
            text,
            assignments: assignments.clone(),
        });
    }
    out
}

/// `NAME=value` with nothing after it.
fn is_assignment(text: &str) -> bool {
    let Some((name, value)) = text.split_once('=') else {
        return false;
    };
    !name.is_empty()
        && name.chars().all(|c| c.is_ascii_uppercase() || c == '_')
        && !value.contains(char::is_whitespace)
}

/// A shell line without its `# comment` (a `#` that starts a word outside quotes).
pub fn without_comment(line: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => return &line[..i],
            None => {}
        }
        prev = c;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(body: &[&str]) -> Block {
        Block {
            file: "X.md".into(),
            line: 10,
            lang: "sh".into(),
            body: body.iter().map(|s| s.to_string()).collect(),
            output_of: None,
        }
    }

    #[test]
    fn commands_lose_comments_and_join_continuations() {
        let b = block(&[
            "# a comment line",
            "S=../shared/corpus",
            "hearsay analyze a.txt   # a comment",
            "hearsay claims --search 'a # b' \\",
            "    --json",
            "",
        ]);
        let cs = commands(&b);
        let texts: Vec<&str> = cs.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "hearsay analyze a.txt",
                "hearsay claims --search 'a # b'      --json"
            ]
        );
        assert_eq!(cs[0].assignments, ["S=../shared/corpus"]);
        assert_eq!(cs[1].at, "X.md:14");
    }

    #[test]
    fn output_markers_name_their_command() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.md"),
            "text\n<!-- output of: hearsay docs -->\n```text\nid\n```\n<!-- output of: x -->\n\n```sh\nls\n```\n",
        )
        .unwrap();
        let bs = blocks(dir.path(), "a.md");
        assert_eq!(bs.len(), 2);
        assert_eq!(bs[0].output_of.as_deref(), Some("hearsay docs"));
        assert_eq!((bs[0].lang.as_str(), bs[0].line), ("text", 3));
        assert_eq!(bs[1].output_of, None);
        assert_eq!(stray_markers(dir.path(), "a.md").len(), 1);
    }
}
