package org.spinout.deadline;

import java.util.LinkedHashMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The statutory clocks by name, bound from {@code spinout.clocks.<name>.*}. Defaults come from
 * {@code clocks.properties} (see {@link DeadlineConfiguration}), so any one value can be overridden
 * with an ordinary property without repeating the rest.
 */
@ConfigurationProperties(prefix = "spinout.clocks")
public class ClockPeriods extends LinkedHashMap<String, ClockPeriod> {
}
