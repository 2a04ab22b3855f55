package org.spinout.form;

import java.util.List;

/**
 * Consecutive components shown together: read-only fields become one GOV.UK summary list;
 * any other run of components is shown one after another.
 */
public record FieldGroup(boolean readonly, List<FieldView> fields) {
}
