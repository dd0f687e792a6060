/**
 * The lake's Parquet format without Hadoop: flat typed tables ({@link
 * dev.tandem.ingest.lake.parquet.TableSchema}), rows written to and read from byte arrays through
 * parquet-java's {@code OutputFile}/{@code InputFile}, and snappy/zstd codecs that call the
 * compression libraries directly instead of Hadoop's codec classes.
 */
package dev.tandem.ingest.lake.parquet;
