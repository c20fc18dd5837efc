package com.incidents.severity.policy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.support.Fixture;

/**
 * The DMN validator reads the files from memory: whatever the part names, even ones that the path
 * check would refuse, no file is written, inside the temp folder or outside it.
 */
class DmnValidationInMemoryTest {

    @Test
    void noFileIsWrittenForAnyPartName() throws Exception {
        String id = UUID.randomUUID().toString();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Path absolute = tmp.resolve("absolute-" + id + ".dmn");
        List<String> names = List.of("../escaped-" + id + ".dmn", "../../escaped2-" + id + ".dmn",
                absolute.toString(), "sub\\..\\..\\back-" + id + ".dmn", "plain-" + id + ".dmn");
        byte[] dmn = Fixture.files().files().get("response-targets.dmn");
        Map<String, byte[]> files = new TreeMap<>();
        names.forEach(n -> files.put(n, dmn));
        List<Path> before = written(tmp, id);

        DmnValidation.Findings findings = new DmnValidation().validate(PolicyFiles.of("test", files));

        assertTrue(findings.readable());
        assertEquals(before, written(tmp, id), "files named after the parts appeared");
        assertTrue(written(Path.of("").toAbsolutePath(), id).isEmpty());
        assertFalse(Files.exists(absolute));
        try (Stream<Path> list = Files.list(tmp)) {
            assertTrue(list.noneMatch(p -> p.getFileName().toString().startsWith("policy-validate-")
                    && Files.exists(p.resolve("plain-" + id + ".dmn"))));
        }
    }

    /** Files whose name holds {@code id}, two levels around {@code dir}. */
    private static List<Path> written(Path dir, String id) throws Exception {
        Path top = dir.getParent() != null && dir.getParent().getParent() != null ? dir.getParent().getParent() : dir;
        try (Stream<Path> walk = Files.walk(top, 4)) {
            return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().contains(id)).sorted().toList();
        } catch (java.io.UncheckedIOException e) { // unreadable folders around /tmp: look only at dir
            try (Stream<Path> walk = Files.walk(dir, 3)) {
                return walk.filter(p -> p.getFileName().toString().contains(id)).sorted().toList();
            }
        }
    }
}
