/**
 * A NAB-layout corpus on disk: discovering its series, reading {@code timestamp,value} CSVs (broken
 * lines are reported by file and line and skipped) and reading the labeled anomaly windows.
 */
package dev.tandem.nab.corpus;
