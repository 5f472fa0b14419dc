/**
 * Performance indicators (绩效评价) computed from case event logs: 结案率, 按期结案率, 返工率, 响应率/解决率/满意率 and
 * more.
 */
@NullMarked
@CheckReturnValue
package org.gridgov.metrics;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
