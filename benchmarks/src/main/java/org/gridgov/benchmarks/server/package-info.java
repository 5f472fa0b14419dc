/** The Open311 server's load test (an HTTP client against the server in process). */
@NullMarked
package org.gridgov.benchmarks.server;

import org.jspecify.annotations.NullMarked;
