package org.gridgov.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * gridgov's Immutables house style for small value types constructed from all their fields at once.
 *
 * <p>Put it on an abstract value class together with {@code @Value.Immutable}. The generated {@code
 * ImmutableX} is package-private, has no builder, and exposes a package-private {@code of(...)}
 * taking every attribute in declaration order, which the abstract type's public {@code of} factory
 * calls.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    allParameters = true,
    jdkOnly = false,
    defaults = @Value.Immutable(builder = false, copy = true))
public @interface TupleStyle {}
