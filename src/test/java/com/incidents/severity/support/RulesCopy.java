package com.incidents.severity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A copy of rules/ in a temporary folder, with one file edited as a policy editor would. */
public final class RulesCopy {

    private RulesCopy() {
    }

    public static Path withEdit(String file, UnaryOperator<String> edit) {
        try {
            Path target = Files.createTempDirectory("rules-");
            Path source = Path.of("rules");
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path dest = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
                    }
                }
            }
            Path edited = target.resolve(file);
            Files.writeString(edited, edit.apply(Files.readString(edited)));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
