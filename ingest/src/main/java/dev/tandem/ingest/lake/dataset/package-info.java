/**
 * What the lake stores per fleet stream: each {@link dev.tandem.ingest.lake.dataset.LakeDataset}
 * names its Kafka stream, its flat Parquet table, how a Kafka record value becomes rows, and the
 * typed record the trainer reads back ({@link dev.tandem.ingest.lake.dataset.TelemetryRow}, {@link
 * dev.tandem.ingest.lake.dataset.EventRow}, {@link dev.tandem.ingest.lake.dataset.SampleRow}).
 */
package dev.tandem.ingest.lake.dataset;
