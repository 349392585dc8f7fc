//! The tables as CSV (RFC 4180: a header row, CRLF line ends, fields quoted
//! when they must be). An empty field is a missing value; a list is a JSON
//! array of strings; a date is `YYYY-MM-DD`.

use crate::ExportError;
use crate::source::GraphSource;
use crate::tables::{Files, Table, TableWriter, Value, write_tables};
use std::io::Write;

struct CsvTable {
    out: csv::Writer<Box<dyn Write + Send>>,
}

impl TableWriter for CsvTable {
    fn row(&mut self, row: &[Value]) -> Result<(), ExportError> {
        let mut fields = Vec::with_capacity(row.len());
        for v in row {
            fields.push(match v {
                Value::Null => String::new(),
                Value::Text(s) => s.clone(),
                Value::Int(n) => n.to_string(),
                Value::Float(x) => x.to_string(),
                Value::Bool(b) => b.to_string(),
                Value::Date(d) => d.to_string(),
                Value::List(items) => serde_json::to_string(items)?,
            });
        }
        self.out.write_record(&fields)?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.out.flush()?;
        Ok(())
    }
}

/// Write the tables of `source` as `documents.csv`, `entities.csv`, … (see
/// [`TABLES`](crate::TABLES)), each through `files`.
pub fn write_csv(source: &dyn GraphSource, files: &mut dyn Files) -> Result<(), ExportError> {
    write_tables(source, &mut |table: &'static Table| {
        let file = files.create(&format!("{}.csv", table.name))?;
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(file);
        out.write_record(table.columns.iter().map(|c| c.name))?;
        Ok(Box::new(CsvTable { out }) as Box<dyn TableWriter>)
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::MemorySource;
    use std::collections::BTreeMap;
    use std::sync::{Arc, Mutex};

    /// Files kept in memory.
    #[derive(Default, Clone)]
    pub(crate) struct Memory(pub(crate) Arc<Mutex<BTreeMap<String, Vec<u8>>>>);

    struct MemoryFile(Arc<Mutex<BTreeMap<String, Vec<u8>>>>, String);

    impl Write for MemoryFile {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .unwrap()
                .entry(self.1.clone())
                .or_default()
                .extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Files for Memory {
        fn create(&mut self, name: &str) -> std::io::Result<Box<dyn Write + Send>> {
            self.0.lock().unwrap().insert(name.to_string(), Vec::new());
            Ok(Box::new(MemoryFile(self.0.clone(), name.to_string())))
        }
    }

    #[test]
    fn one_file_per_table_with_a_header_and_quoted_fields() {
        let g = crate::testgraph::graph();
        let mut files = Memory::default();
        write_csv(&MemorySource::new(&g), &mut files).unwrap();
        let files = files.0.lock().unwrap();
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "claims.csv",
                "clusters.csv",
                "documents.csv",
                "entities.csv",
                "mentions.csv",
                "origins.csv",
                "relations.csv"
            ]
        );
        let claims = String::from_utf8(files["claims.csv"].clone()).unwrap();
        let lines: Vec<&str> = claims.split("\r\n").collect();
        assert_eq!(lines.len(), 5, "header, 3 claims, the empty end: {claims}");
        assert!(lines[0].starts_with("id,cluster,origin,proposition,credibility,"));
        assert!(lines[1].starts_with(
            "c1,k1,o1,150 instructors arrived at the base,2,confirmed by one other source,instructors,150,,,instructors,actual,false,false,2026-03-03,2,2,"
        ));
        let mentions = String::from_utf8(files["mentions.csv"].clone()).unwrap();
        assert!(
            mentions.contains(",\"some 150 instructors \"\"arrived\"\"\",the ministry,e2,government_agency,\"[\"\"e1\"\"]\",,false,\r\n"),
            "{mentions}"
        );
    }
}
