/**
 * JSON formats for gridgov: case events, facts and case files ({@link org.gridgov.json.CaseJson})
 * and official holiday notices in the holiday-cn format ({@link
 * org.gridgov.json.HolidayNoticeJson}).
 */
@NullMarked
@CheckReturnValue
package org.gridgov.json;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
