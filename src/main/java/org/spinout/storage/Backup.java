package org.spinout.storage;

import java.time.Instant;

/**
 * One backup of the embedded database: a zip file holding the database file as it was when the
 * backup began.
 *
 * @param name the file's name in the backup folder
 * @param taken when it began
 * @param size its size in bytes
 */
public record Backup(String name, Instant taken, long size) {
}
