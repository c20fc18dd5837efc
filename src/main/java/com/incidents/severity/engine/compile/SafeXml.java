package com.incidents.severity.engine.compile;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.kie.dmn.feel.parser.feel11.FEEL_1_1Lexer;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import com.incidents.severity.engine.model.PolicyDiagnostic;

/**
 * The first parser that sees an XML file of a policy, before the KIE validator or Drools: a SAX
 * parser that refuses any DOCTYPE (so no DTD or entity is ever fetched or expanded), resolves no
 * external resource, and stops at {@value #MAX_DEPTH} levels of elements. On the way it names the
 * constructs that would let a policy run code: DMN functions of a kind other than FEEL, FEEL
 * {@code external} functions, imports of other than DMN models, expression languages other than
 * FEEL, schema locations, XInclude, and in {@code kmodule.xml} anything beyond knowledge bases and
 * sessions (listeners, work item handlers and configuration properties name classes to create).
 * In a DMN file it also keeps evaluation bounded: a decision's logic is a decision table or a
 * literal expression (no boxed loop, context, function, invocation or relation, no business
 * knowledge model), a table returns one row's outputs (no list of every matching row), and each
 * FEEL text keeps to {@link FeelBounds}.
 */
final class SafeXml {

    /** The deepest nesting of elements a policy XML file may have (the shipped DMN files have 6). */
    static final int MAX_DEPTH = 64;

    private static final Set<String> FEEL_KINDS = Set.of("FEEL", "F");
    private static final Set<String> FREE_TEXT_PARENTS = Set.of("annotationEntry", "textAnnotation");
    private static final Map<String, Set<String>> KMODULE = Map.of(
            "kmodule", Set.of(),
            "kbase", Set.of("name", "packages", "default", "equalsBehavior", "eventProcessingMode"),
            "ksession", Set.of("name", "type", "default", "clockType"));
    private static final String XINCLUDE = "http://www.w3.org/2001/XInclude";
    /** DMN elements that iterate, define or call functions, or build values from named parts: not in a policy. */
    private static final Map<String, String> UNBOUNDED_DMN = Map.ofEntries(
            Map.entry("for", "a boxed 'for' loop"), Map.entry("every", "a boxed 'every' loop"),
            Map.entry("some", "a boxed 'some' loop"), Map.entry("filter", "a boxed filter"),
            Map.entry("iterator", "a boxed iterator"),
            Map.entry("functionDefinition", "a function definition (it can call itself)"),
            Map.entry("businessKnowledgeModel", "a business knowledge model (a function, which can call itself)"),
            Map.entry("decisionService", "a decision service (a function)"),
            Map.entry("invocation", "a function invocation"),
            Map.entry("context", "a boxed context (its entries can double a value one after another)"),
            Map.entry("relation", "a boxed relation"), Map.entry("list", "a boxed list"));
    /** The namespaces of DMN diagrams (shapes, labels): their element names mean nothing to evaluation. */
    private static final Pattern DIAGRAM = Pattern.compile("DMNDI|/DC/?$|/DI/?$");
    /** Hit policies that return a list of every matching row's outputs (COLLECT only without an aggregation). */
    private static final Set<String> LIST_HIT_POLICIES = Set.of("RULE ORDER", "OUTPUT ORDER", "COLLECT");
    /** Where a FEEL text is a list of unary tests rather than an expression. */
    private static final Set<String> UNARY_TEST_PARENTS = Set.of("inputEntry", "allowedValues", "outputValues",
            "typeConstraint", "inputValues");

    private SafeXml() {
    }

    static List<PolicyDiagnostic> check(String path, byte[] content) {
        List<PolicyDiagnostic> problems = new ArrayList<>();
        Handler handler = new Handler(path, problems);
        try {
            parser().parse(new ByteArrayInputStream(content), handler);
        } catch (TooDeep e) {
            problems.add(at(path, e.line, "elements nested deeper than " + MAX_DEPTH
                    + " levels are not allowed"));
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                problems.add(at(path, e.getLineNumber(), "a DOCTYPE is not allowed: no DTD or entity is ever read"));
            } else {
                problems.add(new PolicyDiagnostic("ERROR", path, null, e.getLineNumber() > 0
                        ? "line " + e.getLineNumber() + (e.getColumnNumber() > 0 ? ", column " + e.getColumnNumber() : "")
                        : null, "not well-formed XML: " + message));
            }
        } catch (Exception e) {
            problems.add(PolicyDiagnostic.error(path, null, "cannot be read as XML: " + e.getMessage()));
        }
        return problems;
    }

    private static SAXParser parser() throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return parser;
    }

    private static PolicyDiagnostic at(String path, int line, String message) {
        return new PolicyDiagnostic("ERROR", path, null, line > 0 ? "line " + line : null, message);
    }

    private static final class TooDeep extends SAXException {
        final int line;

        TooDeep(int line) {
            super("too deep");
            this.line = line;
        }
    }

    private static final class Handler extends DefaultHandler {
        private final String path;
        private final List<PolicyDiagnostic> problems;
        private final boolean dmn;
        private final boolean kmodule;
        private final Deque<String> open = new ArrayDeque<>();
        private Locator locator;
        private StringBuilder feel;
        private int feelLine;
        private String feelParent;
        private String decision;
        private final Set<String> names = new HashSet<>();
        private final List<Feel> texts = new ArrayList<>();
        /** What would make evaluation unbounded: named after what would run code, which comes first. */
        private final List<PolicyDiagnostic> unbounded = new ArrayList<>();

        Handler(String path, List<PolicyDiagnostic> problems) {
            this.path = path;
            this.problems = problems;
            this.dmn = path.endsWith(".dmn");
            this.kmodule = path.equals("META-INF/kmodule.xml");
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader("")); // never reached with DOCTYPE refused; never fetch
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) throws SAXException {
            if (open.size() >= MAX_DEPTH) {
                throw new TooDeep(line());
            }
            String parent = open.peek();
            open.push(local);
            if (XINCLUDE.equals(uri)) {
                refuse("XInclude (<" + qName + ">) is not allowed");
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.getLocalName(i);
                if (name.equals("schemaLocation") || name.equals("noNamespaceSchemaLocation")) {
                    refuse("the attribute " + attributes.getQName(i) + " is not allowed: no schema is ever fetched");
                }
            }
            if (dmn) {
                dmnElement(uri, local, parent, attributes);
            } else if (kmodule) {
                kmoduleElement(local, attributes);
            }
        }

        private void dmnElement(String uri, String local, String parent, Attributes attributes) {
            String name = attributes.getValue("name");
            if (name != null) {
                names.add(name.strip());
            }
            if (local.equals("decision")) {
                decision = name;
            }
            if (UNBOUNDED_DMN.containsKey(local) && !DIAGRAM.matcher(uri).find()) {
                unbounded.add(at(path, line(), UNBOUNDED_DMN.get(local) + " is not allowed: a decision is a decision"
                        + " table or a literal expression, so that its evaluation stays bounded"));
            }
            if (local.equals("decisionTable")) {
                String hit = attributes.getValue("hitPolicy");
                if (hit != null && LIST_HIT_POLICIES.contains(hit.strip())
                        && !(hit.strip().equals("COLLECT") && attributes.getValue("aggregation") != null)) {
                    unbounded.add(at(path, line(), "the hit policy " + hit + " is not allowed (it returns a list of"
                            + " every matching row): use UNIQUE, ANY, FIRST, PRIORITY, or COLLECT with an aggregation"));
                }
            }
            if (local.equals("functionDefinition") || local.equals("encapsulatedLogic")) {
                for (int i = 0; i < attributes.getLength(); i++) {
                    if (attributes.getLocalName(i).equals("kind") && !FEEL_KINDS.contains(attributes.getValue(i))) {
                        refuse("a DMN function of kind '" + attributes.getValue(i)
                                + "' is not allowed: only FEEL functions");
                    }
                }
            }
            if (local.equals("import")) {
                String type = attributes.getValue("importType");
                if (type == null || !type.contains("/DMN/")) {
                    refuse("an import of type '" + type + "' is not allowed: only DMN models");
                }
            }
            for (String language : List.of("expressionLanguage", "typeLanguage")) {
                String value = attributes.getValue(language);
                if (value != null && !value.toUpperCase(java.util.Locale.ROOT).contains("FEEL")) {
                    refuse("the " + language + " '" + value + "' is not allowed: only FEEL");
                }
            }
            if (local.equals("text") && !FREE_TEXT_PARENTS.contains(parent)) {
                feel = new StringBuilder();
                feelLine = line();
                feelParent = parent;
            }
        }

        private void kmoduleElement(String local, Attributes attributes) {
            Set<String> allowed = KMODULE.get(local);
            if (allowed == null) {
                refuse("<" + local + "> is not allowed in kmodule.xml: only kmodule, kbase and ksession");
                return;
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.getLocalName(i);
                if (!attributes.getURI(i).isEmpty() || !allowed.contains(name)) {
                    refuse("the attribute " + attributes.getQName(i) + " of <" + local + "> is not allowed in kmodule.xml");
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (feel != null) {
                feel.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            open.pop();
            if (feel != null && local.equals("text")) {
                if (hasExternal(feel.toString())) {
                    problems.add(at(path, feelLine, "a FEEL external function is not allowed (it calls Java): "
                            + abbreviate(feel.toString())));
                } else {
                    texts.add(new Feel(feel.toString(), feelLine, decision, UNARY_TEST_PARENTS.contains(feelParent)));
                }
                feel = null;
            }
            if (local.equals("decision")) {
                decision = null;
            }
        }

        /** Each FEEL text against {@link FeelBounds}, once every name of the model is known. */
        @Override
        public void endDocument() {
            problems.addAll(unbounded);
            for (Feel text : texts) {
                if (text.text().isBlank()) {
                    continue;
                }
                FeelBounds.refusal(text.text(), text.unaryTests(), names).ifPresent(why -> problems.add(
                        new PolicyDiagnostic("ERROR", path, text.decision(), text.line() > 0 ? "line " + text.line()
                                : null, why + ": " + abbreviate(text.text()))));
            }
        }

        private void refuse(String message) {
            problems.add(at(path, line(), message));
        }
    }

    /** A FEEL text of a DMN file: where it is and whether it is a list of unary tests. */
    private record Feel(String text, int line, String decision, boolean unaryTests) {
    }

    /** Whether FEEL's own lexer finds the keyword {@code external} (outside strings and comments). */
    static boolean hasExternal(String feel) {
        FEEL_1_1Lexer lexer = new FEEL_1_1Lexer(CharStreams.fromString(feel));
        lexer.removeErrorListeners();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            if (token.getType() == FEEL_1_1Lexer.EXTERNAL) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
}
