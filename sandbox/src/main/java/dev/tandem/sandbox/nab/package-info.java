/**
 * {@code ./tandem nab}: runs a detector over a NAB-layout corpus ({@code nab run}) and scores the
 * results by NAB's rules ({@code nab score}); see {@code docs/nab.md}.
 */
package dev.tandem.sandbox.nab;
