/**
 * Example: exporting the supervision figures of a period — the scorecards (考核) as CSV and as an SVG
 * bar chart, and the hot spots (高发点位) as CSV — one set of files per month.
 */
@NullMarked
package org.gridgov.examples.scorecards;

import org.jspecify.annotations.NullMarked;
