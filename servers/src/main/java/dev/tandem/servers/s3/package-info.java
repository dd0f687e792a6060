/** An S3-compatible object store (S3Proxy over a local directory). */
package dev.tandem.servers.s3;
