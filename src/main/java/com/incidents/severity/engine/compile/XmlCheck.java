package com.incidents.severity.engine.compile;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.xml.sax.SAXParseException;

import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.engine.model.PolicyFiles;

/** Names the XML files of a policy that are not well-formed, with line and column, before Drools sees them. */
public final class XmlCheck {

    private XmlCheck() {
    }

    /** One ERROR per XML file (.dmn, .xml) that is not well-formed, placed at its line and column. */
    public static List<PolicyDiagnostic> malformed(PolicyFiles files) {
        List<PolicyDiagnostic> problems = new ArrayList<>();
        files.files().forEach((path, content) -> {
            if (path.endsWith(".dmn") || path.endsWith(".xml")) {
                try {
                    builder().parse(new ByteArrayInputStream(content));
                } catch (SAXParseException e) {
                    problems.add(new PolicyDiagnostic("ERROR", path, null,
                            "line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                            "not well-formed XML: " + e.getMessage()));
                } catch (Exception e) {
                    problems.add(PolicyDiagnostic.error(path, null, "cannot be read as XML: " + e.getMessage()));
                }
            }
        });
        return problems;
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // report by exception, not on stderr
        return builder;
    }
}
