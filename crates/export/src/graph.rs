//! `hearsay.graph/1`: the claim graph as one JSON object, written list by
//! list; the bytes are those of `serde_json::to_vec_pretty` of the whole
//! graph with its `schema`, and a final newline.

use crate::ExportError;
use crate::source::{GraphSource, Lists, Rows};
use hearsay_resolve::GRAPH_SCHEMA;
use serde::Serialize;
use std::io::Write;

/// Write the graph of `source` as `hearsay.graph/1` (`docs/FORMAT.md`).
pub fn write_graph(source: &dyn GraphSource, out: &mut dyn Write) -> Result<(), ExportError> {
    write!(
        out,
        "{{\n  \"schema\": {}",
        serde_json::to_string(GRAPH_SCHEMA)?
    )?;
    list(out, "documents", source.documents_all())?;
    list(out, "entities", source.entities_all())?;
    list(out, "origins", source.origins_all())?;
    list(out, "claims", source.claims_all())?;
    list(out, "clusters", source.clusters_all())?;
    list(out, "relations", source.relations_all())?;
    list(out, "timelines", source.timelines_all())?;
    out.write_all(b"\n}\n")?;
    Ok(())
}

/// `,\n  "name": [...]` with each item pretty-printed two levels deep.
fn list<T: Serialize + Clone>(
    out: &mut dyn Write,
    name: &str,
    rows: Rows<'_, T>,
) -> Result<(), ExportError> {
    write!(out, ",\n  {}: [", serde_json::to_string(name)?)?;
    let mut any = false;
    for row in rows {
        out.write_all(if any { b",\n    " } else { b"\n    " })?;
        any = true;
        let item = serde_json::to_string_pretty(&row?)?;
        // JSON strings hold no raw newline: every one starts a line to indent.
        out.write_all(item.replace('\n', "\n    ").as_bytes())?;
    }
    out.write_all(if any { b"\n  ]" } else { b"]" })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemorySource;
    use crate::testgraph::graph;

    #[test]
    fn the_bytes_are_those_of_the_whole_graph_pretty_printed() {
        #[derive(Serialize)]
        struct Whole<'a> {
            schema: &'static str,
            #[serde(flatten)]
            graph: &'a hearsay_resolve::Graph,
        }
        for g in [graph(), hearsay_resolve::Graph::default()] {
            let mut want = serde_json::to_vec_pretty(&Whole {
                schema: GRAPH_SCHEMA,
                graph: &g,
            })
            .unwrap();
            want.push(b'\n');
            let mut got = Vec::new();
            write_graph(&MemorySource::new(&g), &mut got).unwrap();
            assert_eq!(
                String::from_utf8(got).unwrap(),
                String::from_utf8(want).unwrap()
            );
        }
    }
}
