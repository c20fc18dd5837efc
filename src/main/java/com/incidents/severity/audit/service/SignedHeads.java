package com.incidents.severity.audit.service;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.AuditConfig;
import com.incidents.severity.audit.integrity.AuditSigningKey;
import com.incidents.severity.audit.integrity.OutsideData;
import com.incidents.severity.audit.model.SignedHead;
import com.incidents.severity.audit.store.HeadStore;
import com.incidents.severity.problem.ErrorIds;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * Signed chain heads: signed on request, and every {@code severity.audit.heads.interval} appended,
 * when the head moved, to the export file (JSON Lines, opened for appending only, forced to disk
 * after each line), outside the data folder where a writer of the database cannot rewrite it. A
 * head is appended only while the store still holds the last one exported: a store that lost
 * records at its end, or was rewritten, gets an ERROR instead of a head that would hide it.
 * Each replica exports its own view of the shared chain to its own file (see README), and
 * every replica exports once more as it stops.
 */
@ApplicationScoped
public class SignedHeads {

    private static final Logger LOG = Logger.getLogger(SignedHeads.class);

    /** The tail read to find the last line: a line is about 300 bytes. */
    private static final int TAIL = 8192;

    @Inject
    AuditConfig config;

    @Inject
    AuditSigningKey key;

    @Inject
    HeadStore heads;

    @Inject
    ObjectMapper json;

    @Inject
    Scheduler scheduler;

    private Path file;

    void onStart(@Observes StartupEvent event) {
        file = exportFile();
        if (config.enabled()) {
            scheduler.newJob("audit-heads").setInterval(config.heads().interval().toString())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> exportQuietly())
                    .schedule();
            LOG.infof("Signed audit chain heads are appended to %s every %s (when the chain moved)", file,
                    config.heads().interval());
        }
    }

    /**
     * One last head as the service stops (before the writer and the store close), so records made
     * since the last interval are not left outside every exported head by an orderly stop.
     */
    void onStop(@Observes ShutdownEvent event) {
        if (config.enabled()) {
            exportQuietly();
        }
    }

    public Path exportFile() {
        return OutsideData.path(config, config.heads().exportFile(), "audit-heads",
                Path.of(config.dataDir()).toAbsolutePath().normalize().getFileName() + ".jsonl",
                "severity.audit.heads.export-file");
    }

    /** The chain head now, signed. */
    public SignedHead current() throws SQLException {
        HeadStore.Head head = heads.read();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SignedHead unsigned = new SignedHead(head.seq(), head.hash(), at, key.keyId(), null);
        return new SignedHead(head.seq(), head.hash(), at, key.keyId(), key.sign(unsigned.payload()));
    }

    /** Whether {@code head} is signed by this service's key. */
    public boolean genuine(SignedHead head) {
        return key.keyId().equals(head.keyId()) && head.signature() != null && key.verifies(head.payload(), head.signature());
    }

    private void exportQuietly() {
        try {
            export();
        } catch (Exception e) {
            ErrorIds.logged(LOG, e, "Exporting the signed audit chain head to " + file + " failed; it is tried again in "
                    + config.heads().interval());
        }
    }

    /** Appends the signed head now, unless it is the last one exported; the head appended, if any. */
    public synchronized Optional<SignedHead> export() throws SQLException, IOException {
        Optional<SignedHead> last = lastExported();
        SignedHead now = current();
        if (last.isPresent()) {
            SignedHead l = last.get();
            if (l.seq() == now.seq() && l.hash().equals(now.hash())) {
                return Optional.empty();
            }
            String problem = heads.problemWith(l.seq(), l.hash());
            if (problem != null) {
                LOG.errorf("Audit integrity failure: %s (%s, signed at %s); no head is exported until this is looked"
                        + " into (GET /api/v1/audit/verify)", problem, file, l.signedAt());
                return Optional.empty();
            }
        }
        boolean created = !Files.exists(file);
        Files.createDirectories(file.getParent());
        String line = json.writeValueAsString(now) + "\n";
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (!created && out.size() > 0 && !endsWithNewline()) {
                line = "\n" + line; // a line cut short by a crash stays on its own line
            }
            out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        if (created) {
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
        return Optional.of(now);
    }

    /**
     * The last complete line of the export file, if there is one.
     *
     * @throws IllegalStateException when that line is not a signed head
     */
    public Optional<SignedHead> lastExported() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String tail;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, in.length() - TAIL);
            byte[] bytes = new byte[(int) (in.length() - from)];
            in.seek(from);
            in.readFully(bytes);
            tail = new String(bytes, StandardCharsets.UTF_8);
        }
        int end = tail.lastIndexOf('\n');
        if (end < 0) {
            return Optional.empty(); // no complete line yet
        }
        String line = tail.substring(tail.lastIndexOf('\n', end - 1) + 1, end).strip();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(line, SignedHead.class));
        } catch (IOException e) {
            throw new IllegalStateException("the last line of " + file + " is not a signed head", e);
        }
    }

    private boolean endsWithNewline() throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(in.length() - 1);
            return in.read() == '\n';
        }
    }
}
