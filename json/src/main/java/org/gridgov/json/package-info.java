/**
 * JSON formats for gridgov: case events, facts, case files and engine commands ({@link
 * org.gridgov.json.GridgovModule} for Jackson, {@link org.gridgov.json.CaseJson} for text) and
 * official holiday notices in the holiday-cn format ({@link org.gridgov.json.HolidayNoticeJson}).
 */
@NullMarked
@CheckReturnValue
package org.gridgov.json;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
