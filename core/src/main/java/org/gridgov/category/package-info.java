/** Case categories (事件/部件分类): a tree of classes such as 01 市容环境 / 0102 暴露垃圾. */
@NullMarked
@CheckReturnValue
package org.gridgov.category;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
