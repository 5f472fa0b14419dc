package org.gridgov.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * gridgov's Immutables house style for value types with several fields, built with a builder.
 *
 * <p>Put it on an abstract value class together with {@code @Value.Immutable}. The generated {@code
 * ImmutableX} is package-private and never appears in a public signature: the abstract type
 * declares a nested {@code interface Builder} (which the generated builder implements) and a {@code
 * static Builder builder()} factory. Builders are strict (each attribute set once), collections are
 * Guava's immutable ones, and {@code withX} copies go back through the same {@code @Value.Check}
 * methods as construction, so each invariant lives in one place. {@code build()} with a required
 * attribute unset throws an {@link IllegalStateException} that names the missing attributes.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = true,
    jdkOnly = false,
    defaults = @Value.Immutable(copy = true),
    allParameters = false,
    optionalAcceptNullable = false)
public @interface BuildableStyle {}
