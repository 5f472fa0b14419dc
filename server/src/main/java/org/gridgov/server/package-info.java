/**
 * gridgov-server: an example application, not a library (not in the BOM, not deployed). An Open311
 * GeoReport v2 server ({@link org.gridgov.server.GridgovServer}, docs/open311.md) and a live
 * command-centre dashboard (docs/dashboard.md) over the durable case engine of gridgov-store-jdbc
 * and the geography of gridgov-geo; {@link org.gridgov.server.DemoMain} runs both with a {@link
 * org.gridgov.server.SimulatedCity} feeding them. The library modules stay free of HTTP: this
 * module is where gridgov meets it.
 */
@NullMarked
package org.gridgov.server;

import org.jspecify.annotations.NullMarked;
