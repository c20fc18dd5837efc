package com.incidents.severity.audit.service;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.store.RetentionStore;
import com.incidents.severity.problem.ErrorIds;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Retention ({@code severity.audit.retention.days}, off by default): every interval, the records
 * decided more than that many days ago are written to a gzip JSON Lines archive (each line the
 * stored record text with its seq, prevHash and hash, so the archive verifies on its own), and only once the
 * archive is safely on disk are they pruned behind a checkpoint that keeps the chain verifiable.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    /** What one run archived and pruned. */
    public record Archived(long fromSeq, long toSeq, Path archive) {
    }

    @Inject
    AuditConfig config;

    @Inject
    RetentionStore store;

    @Inject
    ObjectMapper json;

    /**
     * One line of an archive: {@code record} is the stored text exactly as hashed, so
     * {@code hash = SHA-256(prevHash | seq | record)} can be checked from the archive alone.
     */
    record ArchivedRecord(long seq, String prevHash, String hash, String record) {
    }

    private ScheduledExecutorService schedule;

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && config.retention().days().isPresent()) {
            long every = config.retention().interval().toMillis();
            schedule = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "audit-retention");
                t.setDaemon(true);
                return t;
            });
            schedule.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
            LOG.infof("Audit retention: records older than %d days are archived to %s and pruned, every %s",
                    config.retention().days().get(), archiveDir().toAbsolutePath(), config.retention().interval());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private void runQuietly() {
        try {
            archiveBefore(Instant.now().minus(Duration.ofDays(config.retention().days().orElseThrow())));
        } catch (Exception e) {
            ErrorIds.logged(LOG, e, "Audit retention failed; nothing was pruned, it runs again in "
                    + config.retention().interval());
        }
    }

    /** Archives and prunes every record of the chain's prefix decided before {@code cutoff}. */
    public synchronized Optional<Archived> archiveBefore(Instant cutoff) throws SQLException, IOException {
        Optional<RetentionStore.Range> range = store.range(cutoff);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        RetentionStore.Range r = range.get();
        Path dir = Files.createDirectories(archiveDir());
        // Named by range and run: another instance archiving the same range never overwrites this file.
        Path archive = dir.resolve("decisions-" + r.fromSeq() + "-" + r.toSeq() + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8) + ".jsonl.gz");
        Path partial = dir.resolve(archive.getFileName() + ".partial");
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(partial)),
                StandardCharsets.UTF_8)) {
            store.read(r, (seq, prev, hash, record) -> {
                out.write(json.writeValueAsString(new ArchivedRecord(seq, prev, hash, record)));
                out.write('\n');
            });
        }
        force(partial); // the archive's bytes are on disk ...
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        force(dir); // ... and so is its name, before a single record is pruned
        if (!store.prune(r, archive.getFileName().toString(), Instant.now())) {
            Files.deleteIfExists(archive); // another instance pruned this range first, with its own archive
            return Optional.empty();
        }
        LOG.infof("Archived records %d to %d to %s and pruned them", r.fromSeq(), r.toSeq(), archive);
        return Optional.of(new Archived(r.fromSeq(), r.toSeq(), archive));
    }

    /** fsync of a file or a folder (on Linux a folder opened for reading can be forced). */
    private static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    Path archiveDir() {
        return Path.of(config.retention().archiveDir().orElse(config.dataDir() + "/archive"));
    }
}
