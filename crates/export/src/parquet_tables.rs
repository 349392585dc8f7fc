//! The tables as Parquet files, written with the `parquet` crate's column
//! writers (no Arrow): strings as `BYTE_ARRAY (STRING)`, integers as
//! `INT64`, figures as `DOUBLE`, flags as `BOOLEAN`, dates as
//! `INT32 (DATE)`, lists as `LIST` of strings. Every column but the lists
//! may be null; rows go out in row groups of [`ROW_GROUP`] rows, so memory
//! holds one group.

use crate::ExportError;
use crate::source::GraphSource;
use crate::tables::{Files, Kind, Table, TableWriter, Value, write_tables};
use parquet::basic::{Compression, Encoding};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::{WriterProperties, WriterVersion};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::io::Write;
use std::sync::Arc;

/// Rows per row group.
pub(crate) const ROW_GROUP: usize = 8192;

/// The Parquet schema of a table.
fn schema(table: &Table) -> String {
    let mut s = format!("message {} {{\n", table.name);
    for c in table.columns {
        let field = match c.kind {
            Kind::Text => format!("optional binary {} (STRING);", c.name),
            Kind::Int => format!("optional int64 {};", c.name),
            Kind::Float => format!("optional double {};", c.name),
            Kind::Bool => format!("optional boolean {};", c.name),
            Kind::Date => format!("optional int32 {} (DATE);", c.name),
            Kind::List => format!(
                "required group {} (LIST) {{ repeated group list {{ required binary element (STRING); }} }}",
                c.name
            ),
        };
        s.push_str("  ");
        s.push_str(&field);
        s.push('\n');
    }
    s.push('}');
    s
}

/// The values of one column in the current row group, with their levels.
#[derive(Default)]
struct Buffer {
    text: Vec<ByteArray>,
    int: Vec<i64>,
    float: Vec<f64>,
    bool: Vec<bool>,
    date: Vec<i32>,
    def: Vec<i16>,
    rep: Vec<i16>,
}

struct ParquetTable {
    writer: SerializedFileWriter<Box<dyn Write + Send>>,
    kinds: Vec<Kind>,
    columns: Vec<Buffer>,
    rows: usize,
}

impl ParquetTable {
    fn flush(&mut self) -> Result<(), ExportError> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        for (kind, b) in self.kinds.iter().zip(&mut self.columns) {
            let mut col = group
                .next_column()?
                .ok_or_else(|| parquet::errors::ParquetError::General("a column too few".into()))?;
            let def = Some(b.def.as_slice());
            match kind {
                Kind::Text => col
                    .typed::<ByteArrayType>()
                    .write_batch(&b.text, def, None)?,
                Kind::Int => col.typed::<Int64Type>().write_batch(&b.int, def, None)?,
                Kind::Float => col.typed::<DoubleType>().write_batch(&b.float, def, None)?,
                Kind::Bool => col.typed::<BoolType>().write_batch(&b.bool, def, None)?,
                Kind::Date => col.typed::<Int32Type>().write_batch(&b.date, def, None)?,
                Kind::List => {
                    col.typed::<ByteArrayType>()
                        .write_batch(&b.text, def, Some(&b.rep))?
                }
            };
            col.close()?;
            *b = Buffer::default();
        }
        group.close()?;
        self.rows = 0;
        Ok(())
    }
}

impl TableWriter for ParquetTable {
    fn row(&mut self, row: &[Value]) -> Result<(), ExportError> {
        for (b, v) in self.columns.iter_mut().zip(row) {
            match v {
                Value::Null => b.def.push(0),
                Value::Text(s) => {
                    b.text.push(ByteArray::from(s.as_bytes().to_vec()));
                    b.def.push(1);
                }
                Value::Int(n) => {
                    b.int.push(*n);
                    b.def.push(1);
                }
                Value::Float(x) => {
                    b.float.push(*x);
                    b.def.push(1);
                }
                Value::Bool(x) => {
                    b.bool.push(*x);
                    b.def.push(1);
                }
                Value::Date(d) => {
                    b.date.push(d.days());
                    b.def.push(1);
                }
                // A required list: definition level 0 is an empty list, 1 an
                // element; repetition level 0 starts a row's list.
                Value::List(items) if items.is_empty() => {
                    b.def.push(0);
                    b.rep.push(0);
                }
                Value::List(items) => {
                    for (n, item) in items.iter().enumerate() {
                        b.text.push(ByteArray::from(item.as_bytes().to_vec()));
                        b.def.push(1);
                        b.rep.push(i16::from(n > 0));
                    }
                }
            }
        }
        self.rows += 1;
        if self.rows == ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ExportError> {
        self.flush()?;
        let mut out = self.writer.into_inner()?;
        out.flush()?;
        Ok(())
    }
}

/// Write the tables of `source` as `documents.parquet`, `entities.parquet`, …
/// (see [`TABLES`](crate::TABLES)), each through `files`.
pub fn write_parquet(source: &dyn GraphSource, files: &mut dyn Files) -> Result<(), ExportError> {
    let props = Arc::new(
        WriterProperties::builder()
            .set_writer_version(WriterVersion::PARQUET_1_0)
            .set_compression(Compression::UNCOMPRESSED)
            .set_encoding(Encoding::PLAIN)
            .build(),
    );
    write_tables(source, &mut |table: &'static Table| {
        let file = files.create(&format!("{}.parquet", table.name))?;
        let schema = Arc::new(parse_message_type(&schema(table))?);
        let writer = SerializedFileWriter::new(file, schema, props.clone())?;
        Ok(Box::new(ParquetTable {
            writer,
            kinds: table.columns.iter().map(|c| c.kind).collect(),
            columns: table.columns.iter().map(|_| Buffer::default()).collect(),
            rows: 0,
        }) as Box<dyn TableWriter>)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemorySource;
    use crate::csv_tables::tests::Memory;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn every_table_reads_back_with_its_rows() {
        let g = crate::testgraph::graph();
        let mut files = Memory::default();
        write_parquet(&MemorySource::new(&g), &mut files).unwrap();
        let files = files.0.lock().unwrap();
        for (name, rows) in [
            ("documents", 2),
            ("entities", 3),
            ("origins", 2),
            ("claims", 3),
            ("mentions", 4),
            ("clusters", 2),
            ("relations", 2),
        ] {
            let bytes = bytes::Bytes::from(files[&format!("{name}.parquet")].clone());
            let reader = SerializedFileReader::new(bytes).unwrap();
            assert_eq!(reader.metadata().file_metadata().num_rows(), rows, "{name}");
        }
    }
}
