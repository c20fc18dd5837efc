package com.incidents.severity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.incidents.severity.engine.model.PolicyFiles;

/**
 * The corpus of hostile policies (src/test/resources/policies/hostile): each folder holds the
 * files an attacker adds to, or puts in place of, the fixture's.
 */
public final class Hostile {

    public static final Path DIR = Path.of("src/test/resources/policies/hostile");

    private Hostile() {
    }

    /** The cases, by folder name. */
    public static List<String> cases() {
        try (Stream<Path> list = Files.list(DIR)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of one case, by their path in the policy. */
    public static Map<String, byte[]> files(String name) {
        Path root = DIR.resolve(name);
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * {@code dmn} (a model of the fixture) with a chain of {@code decisions} decisions added, each
     * the previous one's string twice ({@code d1 + d1}): a policy of bounded FEEL whose last value
     * would have 16 x 2^decisions characters. What bounds it is the value-size and allocation
     * checks between decisions (EvaluationBounds), not the FEEL rule.
     */
    public static String doublingChain(String dmn, int decisions) {
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i <= decisions; i++) {
            chain.append("  <decision id=\"_dbl").append(i).append("\" name=\"d").append(i).append("\">")
                    .append("<variable id=\"_dblv").append(i).append("\" name=\"d").append(i).append("\"/>");
            if (i > 0) {
                chain.append("<informationRequirement id=\"_dblr").append(i).append("\"><requiredDecision href=\"#_dbl")
                        .append(i - 1).append("\"/></informationRequirement>");
            }
            chain.append("<literalExpression id=\"_dble").append(i).append("\"><text>")
                    .append(i == 0 ? "&quot;xxxxxxxxxxxxxxxx&quot;" : "d" + (i - 1) + " + d" + (i - 1))
                    .append("</text></literalExpression></decision>\n");
        }
        int at = dmn.contains("<dmndi:DMNDI") ? dmn.indexOf("  <dmndi:DMNDI") : dmn.lastIndexOf("</definitions>");
        return dmn.substring(0, at) + chain + dmn.substring(at);
    }

    /** The fixture with one case's files added or put in place. */
    public static PolicyFiles policy(String name) {
        Map<String, byte[]> files = new TreeMap<>(Fixture.files().files());
        files.putAll(files(name));
        return PolicyFiles.of("hostile:" + name, files);
    }
}
