package com.incidents.severity.audit.integrity;

import java.nio.file.Path;

import com.incidents.severity.audit.AuditConfig;

/**
 * Where the signing key and the exported heads live: never inside {@code severity.audit.data-dir},
 * whose files (the embedded database, the archives) a writer of the database may reach.
 */
public final class OutsideData {

    private OutsideData() {
    }

    /** {@code configured}, or {@code folder/file} beside the data folder; refused when inside it. */
    public static Path path(AuditConfig config, java.util.Optional<String> configured, String folder, String file,
            String property) {
        Path data = Path.of(config.dataDir()).toAbsolutePath().normalize();
        Path path = configured.map(p -> Path.of(p).toAbsolutePath().normalize())
                .orElseGet(() -> data.resolveSibling(folder).resolve(file));
        if (path.startsWith(data)) {
            throw new IllegalStateException(property + " (" + path + ") lies inside severity.audit.data-dir (" + data
                    + "); it must be outside the data folder, out of reach of whoever can write the database");
        }
        return path;
    }
}
