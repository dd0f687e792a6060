/**
 * {@code ./tandem demo}: the sandbox run through a scripted end-to-end scenario, with a JSON
 * report. Each platform capability adds its steps to {@link dev.tandem.sandbox.demo.DemoScenario}.
 */
package dev.tandem.sandbox.demo;
