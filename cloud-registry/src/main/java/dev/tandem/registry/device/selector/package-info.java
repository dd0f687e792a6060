/**
 * Device selectors: a small syntax over hardware class, groups, tags and state ({@link
 * dev.tandem.registry.device.selector.SelectorParser}), applied in SQL ({@link
 * dev.tandem.registry.device.selector.SelectorSql}).
 */
package dev.tandem.registry.device.selector;
