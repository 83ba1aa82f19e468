/**
 * Insights: role dashboards, the data cockpit, hot spots (未诉先办), the governance report and
 * exports. It reads the other modules through their public services (or its own projections fed by
 * their events), never their tables.
 */
package org.shouwang.insights;
