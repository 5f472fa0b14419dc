/**
 * The region tree: district → street → community → grid → unit, stored compactly and queried in
 * O(1).
 */
@NullMarked
@CheckReturnValue
package org.gridgov.region;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
