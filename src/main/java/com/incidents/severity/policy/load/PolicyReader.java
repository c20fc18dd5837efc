package com.incidents.severity.policy.load;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import com.incidents.severity.engine.model.PolicyFiles;

/** Reads the policy files from a folder, or from the default copy packaged into the application. */
public final class PolicyReader {

    /** Where the build puts its copy of {@code rules/} on the class path. */
    public static final String PACKAGED_ROOT = "policy-default";
    private static final Set<String> POLICY_EXTENSIONS = Set.of(".dmn", ".drl", ".xml", ".csv");

    private PolicyReader() {
    }

    public static PolicyFiles fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new IOException("Rules folder not found: " + dir.toAbsolutePath()));
        }
        return PolicyFiles.of(dir.toAbsolutePath().normalize().toString(), readTree(dir));
    }

    public static PolicyFiles packaged() {
        URL marker = Thread.currentThread().getContextClassLoader()
                .getResource(PACKAGED_ROOT + "/META-INF/kmodule.xml");
        if (marker == null) {
            throw new UncheckedIOException(new FileNotFoundException(
                    "The application has no packaged policy (" + PACKAGED_ROOT + ")"));
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return PolicyFiles.of("classpath:" + PACKAGED_ROOT, readTree(jar.getPath(PACKAGED_ROOT)));
                }
            }
            Path root = Path.of(uri).getParent().getParent();
            return PolicyFiles.of("classpath:" + PACKAGED_ROOT, readTree(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> readTree(Path root) {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (POLICY_EXTENSIONS.stream().anyMatch(relative::endsWith) && !isHidden(relative)) {
                    files.put(relative, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static boolean isHidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
