/**
 * The journey contract: the names that the models in {@code processes/} and {@code forms/} and
 * the Java code share (process keys, process variables, candidate groups, message names and
 * the beans the models call). A model is edited by process designers while the code is
 * compiled, so a renamed variable would otherwise break a page without a compile error; with
 * the names in one place, {@code JourneyContractTest} fails instead.
 * <p>
 * This package is a leaf: it imports nothing of Spinout's, so every other package may use it.
 */
package org.spinout.contract;
