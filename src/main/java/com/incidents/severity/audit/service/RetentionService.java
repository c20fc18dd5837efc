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
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.store.RetentionStore;
import com.incidents.severity.problem.ErrorIds;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * Retention ({@code severity.audit.retention.days}, off by default): every interval (a job of the
 * Quarkus scheduler), the records
 * decided more than that many days ago are written to a gzip JSON Lines archive (each line the
 * stored record text with its seq, prevHash and hash, so the archive verifies on its own), and only once the
 * archive is safely on disk are they pruned behind a signed checkpoint that keeps the chain verifiable.
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

    @Inject
    Scheduler scheduler;

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && config.retention().days().isPresent()) {
            String every = config.retention().interval().toString();
            scheduler.newJob("audit-retention").setInterval(every).setDelayed(every)
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> runQuietly())
                    .schedule();
            LOG.infof("Audit retention: records older than %d days are archived to %s and pruned, every %s",
                    config.retention().days().get(), archiveDir().toAbsolutePath(), config.retention().interval());
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

    /**
     * Archives and prunes every record of the chain's prefix decided before {@code cutoff}. Only
     * while retention is configured: verify takes a checkpoint without it for records removed by
     * someone else. Idempotent: the archive of a range has one name, so a run that died between the
     * archive and the prune writes the same file again (or a longer one, and the shorter goes).
     */
    public synchronized Optional<Archived> archiveBefore(Instant cutoff) throws SQLException, IOException {
        if (config.retention().days().isEmpty()) {
            throw new IllegalStateException("Retention is not configured (severity.audit.retention.days)");
        }
        Optional<RetentionStore.Range> range = store.range(cutoff);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        RetentionStore.Range r = range.get();
        Path dir = Files.createDirectories(archiveDir());
        Path archive = dir.resolve(name(r.fromSeq(), r.toSeq()));
        // The partial file is this run's own: another instance archiving the same range writes its own.
        Path partial = dir.resolve(archive.getFileName() + "." + UUID.randomUUID() + ".partial");
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(partial)),
                StandardCharsets.UTF_8)) {
            store.read(r, (seq, prev, hash, record) -> {
                out.write(json.writeValueAsString(new ArchivedRecord(seq, prev, hash, record)));
                out.write('\n');
            });
        }
        force(partial); // the archive's bytes are on disk ...
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE); // (the same bytes, if it was there)
        force(dir); // ... and so is its name, before a single record is pruned
        if (!store.prune(r, archive.getFileName().toString(), Instant.now())) {
            if (!archive.getFileName().toString().equals(store.checkpointArchive())) {
                Files.deleteIfExists(archive); // another instance pruned another range first, with its own archive
            }
            return Optional.empty();
        }
        deleteShorter(dir, r); // left by a run that died between its archive and its prune
        LOG.infof("Archived records %d to %d to %s and pruned them", r.fromSeq(), r.toSeq(), archive);
        return Optional.of(new Archived(r.fromSeq(), r.toSeq(), archive));
    }

    private static String name(long from, long to) {
        return "decisions-" + from + "-" + to + ".jsonl.gz";
    }

    /** Deletes the archives of ranges that start where {@code r} starts and end before it: {@code r}'s archive holds them. */
    private static void deleteShorter(Path dir, RetentionStore.Range r) throws IOException {
        String prefix = "decisions-" + r.fromSeq() + "-";
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (n.startsWith(prefix) && n.endsWith(".jsonl.gz")) {
                    String to = n.substring(prefix.length(), n.length() - ".jsonl.gz".length());
                    if (to.matches("[0-9]{1,18}") && Long.parseLong(to) < r.toSeq()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
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
