/** One real request per server, proving it is up and answers: used by the demo and health. */
package dev.tandem.servers.probe;
