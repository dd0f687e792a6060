package dev.tandem.ingest.lake.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/** Writes rows of a {@link TableSchema} to Parquet bytes and reads them back, without Hadoop. */
public final class ParquetTables {

  private ParquetTables() {}

  /**
   * Encodes {@code rows} as one Parquet file.
   *
   * @param metadata key-value pairs stored in the file footer
   * @throws IllegalArgumentException if a row does not fit the schema or the codec is not one of
   *     {@link PlainCodecs#supported}
   */
  public static byte[] write(
      TableSchema schema,
      List<Object[]> rows,
      CompressionCodecName codec,
      Map<String, String> metadata) {
    PlainCodecs.supported(codec);
    ByteArrayOutputFile file = new ByteArrayOutputFile();
    try (ParquetWriter<Object[]> writer =
        new Builder(file, new RowWriteSupport(schema, metadata))
            .withConf(new PlainParquetConfiguration())
            .withCodecFactory(new PlainCodecs())
            .withCompressionCodec(codec)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build()) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing Parquet table " + schema.name() + " in memory", e);
    }
    return file.toByteArray();
  }

  /**
   * Decodes a Parquet file into rows of {@code schema}, matching columns by name. A column the file
   * lacks (written by an older schema) reads as its type's zero value; columns the schema does not
   * name are ignored.
   *
   * @throws UncheckedIOException if the bytes are not a readable Parquet file
   */
  public static List<Object[]> read(TableSchema schema, byte[] bytes) {
    List<Object[]> rows = new ArrayList<>();
    try (ParquetFileReader reader = open(bytes)) {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      MessageColumnIO columnIo = new ColumnIOFactory().getColumnIO(fileSchema);
      GroupRows converter = new GroupRows(schema, fileSchema);
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records =
            columnIo.getRecordReader(pages, new GroupRecordConverter(fileSchema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.add(converter.toRow(records.read()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading a Parquet file of " + bytes.length + " bytes as " + schema.name(), e);
    }
    return rows;
  }

  /** The key-value metadata in a Parquet file's footer. */
  public static Map<String, String> footerMetadata(byte[] bytes) {
    try (ParquetFileReader reader = open(bytes)) {
      return Map.copyOf(reader.getFooter().getFileMetaData().getKeyValueMetaData());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the footer of a Parquet file", e);
    }
  }

  /** The number of rows in a Parquet file, from its footer. */
  public static long rowCount(byte[] bytes) {
    try (ParquetFileReader reader = open(bytes)) {
      return reader.getRecordCount();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the footer of a Parquet file", e);
    }
  }

  private static ParquetFileReader open(byte[] bytes) throws IOException {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(new PlainCodecs())
            .build();
    return ParquetFileReader.open(new ByteArrayInputFile(bytes), options);
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(
        org.apache.hadoop.conf.Configuration configuration) {
      return support;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(
        org.apache.parquet.conf.ParquetConfiguration configuration) {
      return support;
    }
  }
}
