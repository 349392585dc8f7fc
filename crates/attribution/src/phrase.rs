//! The source's whole noun phrase: the taggers may begin a source at its
//! head noun and leave a name that qualifies it to the content before it
//! ("…, and "Babel" sources said that …" read as source "sources" after a
//! content ending in "Babel"). Proper nouns written right before a source
//! headed by a common noun belong to the source, with the quotation marks
//! around them, and to no content piece, unless a preposition governs them
//! ("in Washington officials said").

use crate::role::Roles;
use crate::view::DocView;

/// Quotation marks a name may be written in.
fn is_quote_mark(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'" | "“" | "”" | "‘" | "’" | "«" | "»" | "``" | "''"
    )
}

/// Extend the source of `roles` to the left over the names that qualify it
/// (see the module doc), cutting content pieces that held them.
pub(crate) fn whole_source(v: &DocView, roles: &mut Roles) {
    let Some((sa, sb)) = roles.source else {
        return;
    };
    let head = v.top_of(sa, sb);
    if !matches!(v.toks[head].pos.as_str(), "NN" | "NNS") || v.toks[sa].pos.starts_with("NNP") {
        return;
    }
    let slo = v.sents[v.sent[sa] as usize].0 as usize;
    let name = |k: usize| v.toks[k].pos.starts_with("NNP");
    let mut a = sa;
    while a > slo {
        let k = a - 1;
        // A closing mark of a quoted name (`"Babel" sources`).
        let mark = is_quote_mark(v.form(k)) && k > slo && name(k - 1);
        if !(name(k) || mark) {
            break;
        }
        a = k;
    }
    if a > slo && matches!(v.toks[a - 1].pos.as_str(), "IN" | "TO") {
        return;
    }
    if a == sa {
        return;
    }
    // The opening mark when the phrase now holds only its closing one.
    let marks = (a..sb).filter(|&i| is_quote_mark(v.form(i))).count();
    if marks % 2 == 1 && a > slo && is_quote_mark(v.form(a - 1)) {
        a -= 1;
    }
    roles.source = Some((a, sb));
    let mut content = Vec::with_capacity(roles.content.len());
    for &(x, y) in &roles.content {
        if y <= a || x >= sb {
            content.push((x, y));
            continue;
        }
        // What the piece keeps before the source, without the joining
        // punctuation and conjunction ("…, and").
        let mut end = a.min(y);
        while end > x && (v.punct[end - 1] || v.toks[end - 1].pos == "CC") {
            end -= 1;
        }
        if end > x {
            content.push((x, end));
        }
        if y > sb {
            content.push((sb, y));
        }
    }
    roles.content = content;
}
