/**
 * Cases as append-only event logs and the closed-loop lifecycle (report → verify → register →
 * dispatch → handle → check → close → evaluate).
 */
@NullMarked
@CheckReturnValue
package org.gridgov.casefile;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
