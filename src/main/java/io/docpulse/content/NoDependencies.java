package io.docpulse.content;

import java.util.Set;

import com.vladsch.flexmark.util.dependency.Dependent;

/**
 * A flexmark parser extension that runs in no particular order with the others and keeps to its
 * own block or inline: what {@link Dependent} asks of every block parser and inline extension
 * factory, answered once for docpulse's own syntax (content tabs, math).
 */
interface NoDependencies extends Dependent {
    @Override
    default Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    default Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    default boolean affectsGlobalScope() {
        return false;
    }
}
