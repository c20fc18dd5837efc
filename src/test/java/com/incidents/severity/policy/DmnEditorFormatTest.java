package com.incidents.severity.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the KIE DMN Editor needs to open and edit a model: DMN 1.5 with a DMNDI shape for every
 * node and an edge for every requirement; and what auditors need: an annotation on every rule row.
 */
class DmnEditorFormatTest {

    private static final String MODEL = "https://www.omg.org/spec/DMN/20230324/MODEL/";
    private static final String DMNDI = "https://www.omg.org/spec/DMN/20230324/DMNDI/";

    static Stream<Path> models() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
            files = walk.filter(p -> p.toString().endsWith(".dmn")).toList();
        }
        assertFalse(files.isEmpty());
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyNodeHasAShapeAndEveryRequirementAnEdge(Path file) throws Exception {
        Document doc = parse(file);
        assertEquals(MODEL, doc.getDocumentElement().getNamespaceURI());
        Set<String> shaped = refs(doc.getElementsByTagNameNS(DMNDI, "DMNShape"));
        Set<String> edged = refs(doc.getElementsByTagNameNS(DMNDI, "DMNEdge"));
        for (String kind : List.of("decision", "inputData", "businessKnowledgeModel", "knowledgeSource",
                "decisionService", "textAnnotation")) {
            NodeList nodes = doc.getElementsByTagNameNS(MODEL, kind);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element node = (Element) nodes.item(i);
                assertTrue(shaped.contains(node.getAttribute("id")), file + ": no shape for " + node.getAttribute("name"));
            }
        }
        NodeList requirements = doc.getElementsByTagNameNS(MODEL, "informationRequirement");
        for (int i = 0; i < requirements.getLength(); i++) {
            String id = ((Element) requirements.item(i)).getAttribute("id");
            assertTrue(edged.contains(id), file + ": no edge for requirement " + id);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyRuleRowIsAnnotated(Path file) throws Exception {
        NodeList rules = parse(file).getElementsByTagNameNS(MODEL, "rule");
        assertTrue(rules.getLength() > 0);
        for (int i = 0; i < rules.getLength(); i++) {
            Element rule = (Element) rules.item(i);
            NodeList annotations = rule.getElementsByTagNameNS(MODEL, "annotationEntry");
            assertTrue(annotations.getLength() > 0 && !annotations.item(0).getTextContent().isBlank(),
                    file + ": rule " + rule.getAttribute("id") + " has no annotation");
        }
    }

    private static Set<String> refs(NodeList elements) {
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < elements.getLength(); i++) {
            refs.add(((Element) elements.item(i)).getAttribute("dmnElementRef"));
        }
        return refs;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
