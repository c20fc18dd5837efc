package com.incidents.severity.engine.compile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.MvelParser;
import org.drools.mvel.parser.ast.expr.DrlNameExpr;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.ModifyStatement;
import org.drools.mvel.parser.printer.PrintUtil;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.incidents.severity.engine.model.PolicyContract;
import com.incidents.severity.engine.model.PolicyDiagnostic;

/**
 * What a DRL file of a policy may contain, decided on the forms Drools' own parsers give before
 * Drools compiles anything: {@link DrlParser} for the file, and the DRLX/MVEL parser Drools ships
 * ({@link DrlxParser}, {@link MvelParser}) for each constraint and each consequence. Everything
 * not on this list is refused, with the file, line and construct:
 * <ul>
 * <li>{@code package}; {@code declare} of fact types with fields of the value types (String,
 * int/Integer, long/Long, boolean/Boolean, double/Double) or of other declared types, no default
 * values, no annotations, no super type other than a declared type; imports only of those types.</li>
 * <li>rules and queries whose conditions are patterns over the declared types, combined with
 * {@code and}, {@code or}, {@code not}, {@code exists}; constraints made of the pattern's fields,
 * {@code $}-bound variables, literals, comparisons and arithmetic, and getters or fields of bound
 * facts.</li>
 * <li>rule attributes {@code salience} (a whole number), {@code no-loop}, {@code lock-on-active},
 * {@code auto-focus}, {@code enabled} (true or false), {@code agenda-group},
 * {@code activation-group}, {@code ruleflow-group}, {@code dialect}; rule annotations whose values are
 * literals (e.g. {@code @description("...")}).</li>
 * <li>consequences made only of {@code modify ($fact) { setField(value), ... }},
 * {@code $fact.setField(value)}, {@code update($fact)}, {@code insert(new DeclaredType(values))} and
 * {@code insertLogical(...)}, where a value is a literal, a bound variable, a getter or field of a
 * bound fact, or arithmetic, comparison or concatenation of those.</li>
 * </ul>
 * So no {@code function}, {@code global}, static import, {@code eval}, {@code from},
 * {@code accumulate}, {@code collect}, entry point, window, timer, calendar, enum, and no method call
 * or class name outside the declared fact types. Unicode escapes ({@code \\u}) are refused too: the
 * Java compiler would read them where these parsers see text.
 */
final class DrlAllowList {

    private static final Set<String> VALUE_TYPES = Set.of("String", "java.lang.String", "int", "Integer", "long",
            "Long", "boolean", "Boolean", "double", "Double");
    private static final Set<String> FLAG_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus", "enabled");
    private static final Set<String> NAME_ATTRIBUTES = Set.of("agenda-group", "activation-group", "ruleflow-group");
    private static final Set<String> DIALECTS = Set.of("mvel", "java");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\[\"\\\\nt])*\"|-?\\d{1,18}|true|false");
    private static final Pattern FIRST_WORD = Pattern.compile("[\\w$]+");
    private static final Pattern BOUND = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, PackageDescr> parsed = new LinkedHashMap<>();
    /** Declared types by simple and by qualified name: field name to field type. */
    private final Map<String, Map<String, String>> types = new HashMap<>();
    private final List<PolicyDiagnostic> problems = new ArrayList<>();

    private DrlAllowList() {
    }

    /**
     * The refusals for these DRL files (path to text), empty when every file keeps to the list, and
     * the parse they were checked on: the compiler builds these very descriptions, never the text again.
     */
    static CheckedPolicy check(Map<String, String> drl) {
        DrlAllowList list = new DrlAllowList();
        drl.forEach(list::parse);
        list.parsed.values().forEach(list::declareTypes);
        list.parsed.forEach(list::checkFile);
        return new CheckedPolicy(list.problems, list.parsed);
    }

    private void parse(String path, String text) {
        int escape = text.indexOf("\\u");
        if (escape >= 0) {
            refuse(path, lineOf(text, escape), "a unicode escape (\\u)", "write the character itself");
            return;
        }
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, text);
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError e : parser.getErrors()) {
                    int line = e instanceof ParserError p ? p.getRow() : 0;
                    refuse(path, line, "DRL that Drools cannot parse", e.getMessage());
                }
                if (parser.getErrors().isEmpty()) {
                    refuse(path, 0, "DRL that Drools cannot parse", "no package was read");
                }
                return;
            }
            parsed.put(path, pkg);
        } catch (DroolsParserException | RuntimeException e) {
            refuse(path, 0, "DRL that Drools cannot parse", e.getMessage());
        }
    }

    private void declareTypes(PackageDescr pkg) {
        for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
            if (!PolicyContract.DRL_PACKAGE.equals(pkg.getName()) || type.getTypeName().contains(".")
                    || type.getNamespace() != null && !type.getNamespace().isEmpty()
                            && !type.getNamespace().equals(PolicyContract.DRL_PACKAGE)) {
                continue; // refused in typeDeclaration; never a type the rules may use
            }
            Map<String, String> fields = new LinkedHashMap<>();
            type.getFields().forEach((name, field) -> fields.put(name, field.getPattern().getObjectType()));
            types.put(type.getTypeName(), fields);
            types.put(pkg.getName() + "." + type.getTypeName(), fields);
        }
    }

    private void checkFile(String path, PackageDescr pkg) {
        if (!PolicyContract.DRL_PACKAGE.equals(pkg.getName())) {
            refuse(path, pkg.getLine() > 0 ? pkg.getLine() : 1, "package " + pkg.getName(),
                    "every DRL file of a policy is in the policy's own package '" + PolicyContract.DRL_PACKAGE
                            + "', which holds no class of the service or its libraries");
        }
        pkg.getImports().forEach(i -> refuse(path, i.getLine(), "import " + i.getTarget(),
                "a policy imports nothing: its fact types are declared in its own package"));
        pkg.getFunctionImports().forEach(i -> refuse(path, i.getLine(), "static import " + i.getTarget(),
                "a policy calls no outside code"));
        pkg.getAccumulateImports().forEach(i -> refuse(path, i.getLine(), "import accumulate " + i.getTarget(),
                "a policy calls no outside code"));
        pkg.getGlobals().forEach(g -> refuse(path, g.getLine(), "global " + g.getIdentifier(),
                "a policy reads nothing but its facts"));
        pkg.getFunctions().forEach(f -> refuse(path, f.getLine(), "function " + f.getName(),
                "a policy runs no code of its own; use declared facts and rules"));
        pkg.getEnumDeclarations().forEach(e -> refuse(path, e.getLine(), "declare enum " + e.getTypeName(),
                "declare fact types with fields instead"));
        pkg.getEntryPointDeclarations().forEach(e -> refuse(path, e.getLine(), "entry point declaration",
                "facts come from the service only"));
        pkg.getWindowDeclarations().forEach(w -> refuse(path, w.getLine(), "window declaration",
                "facts come from the service only"));
        for (AttributeDescr attribute : pkg.getAttributes()) {
            attribute(path, attribute);
        }
        for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
            typeDeclaration(path, type);
        }
        for (RuleDescr rule : pkg.getRules()) {
            rule(path, rule);
        }
    }

    private void typeDeclaration(String path, TypeDeclarationDescr type) {
        String namespace = type.getNamespace();
        boolean elsewhere = namespace != null && !namespace.isEmpty() && !namespace.equals(PolicyContract.DRL_PACKAGE)
                || type.getTypeName().contains(".");
        String what = "declare " + (elsewhere ? type.getFullTypeName() : type.getTypeName());
        if (type.isTrait()) {
            refuse(path, type.getLine(), "declare trait " + type.getTypeName(), "declare plain fact types");
        }
        if (elsewhere) {
            refuse(path, type.getLine(), what, "a declaration names a new type of the policy's own package"
                    + " by its simple name");
        } else if (javaLang(type.getTypeName()) || existingClass(PolicyContract.DRL_PACKAGE + "." + type.getTypeName())) {
            refuse(path, type.getLine(), what, "the name is a class that already exists; a declaration makes a new type");
        }
        type.getAnnotations().forEach(a -> refuse(path, a.getLine() > 0 ? a.getLine() : type.getLine(),
                what + " @" + a.getName(), "fact types take no annotations"));
        type.getSuperTypes().forEach(s -> {
            if (!s.getFullName().equals("java.lang.Object") && !types.containsKey(s.getFullName())
                    && !types.containsKey(s.getName())) {
                refuse(path, type.getLine(), what + " extends " + s.getFullName(),
                        "a fact type extends only another declared type");
            }
        });
        for (TypeFieldDescr field : type.getFields().values()) {
            String fieldType = field.getPattern().getObjectType();
            int line = field.getLine() > 0 ? field.getLine() : type.getLine();
            if (!VALUE_TYPES.contains(fieldType) && !types.containsKey(fieldType)) {
                refuse(path, line, "field " + field.getFieldName() + " : " + fieldType,
                        "fields are String, int, long, boolean, double (or boxed) or a declared type");
            }
            if (field.getInitExpr() != null) {
                refuse(path, line, "default value of field " + field.getFieldName(), "fields have no default values");
            }
            field.getAnnotations().forEach(a -> refuse(path, line, "field annotation @" + a.getName(),
                    "fields take no annotations"));
        }
    }

    /**
     * Whether a class of this name exists for the service (its own class loader or the thread's):
     * Drools would take a declaration of it as metadata of that class, and the rules could then
     * create it, whatever its constructor does.
     */
    static boolean existingClass(String name) {
        for (ClassLoader loader : new ClassLoader[] { DrlAllowList.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader(), ClassLoader.getSystemClassLoader() }) {
            if (loader != null && loader.getResource(name.replace('.', '/') + ".class") != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean javaLang(String name) {
        return Object.class.getResource("/java/lang/" + name + ".class") != null;
    }

    private void attribute(String path, AttributeDescr a) {
        String name = a.getName();
        String value = a.getValue() == null ? "" : a.getValue().strip();
        boolean ok;
        if (name.equals("salience")) {
            ok = WHOLE_NUMBER.matcher(value).matches();
        } else if (FLAG_ATTRIBUTES.contains(name)) {
            ok = value.isEmpty() || value.equals("true") || value.equals("false");
        } else if (NAME_ATTRIBUTES.contains(name)) {
            ok = a.getType() != AttributeDescr.Type.EXPRESSION;
        } else if (name.equals("dialect")) {
            ok = DIALECTS.contains(value.replace("\"", ""));
        } else {
            ok = false;
        }
        if (!ok) {
            refuse(path, a.getLine(), "attribute " + name + (value.isEmpty() ? "" : " " + value),
                    "allowed: salience (a whole number), no-loop, lock-on-active, auto-focus, enabled (true or false),"
                            + " agenda-group, activation-group, ruleflow-group, dialect \"mvel\" or \"java\"");
        }
    }

    private void rule(String path, RuleDescr rule) {
        String what = (rule.isQuery() ? "query \"" : "rule \"") + rule.getName() + "\"";
        rule.getAttributes().values().forEach(a -> attribute(path, a));
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            for (Object value : annotation.getValueMap().values()) {
                if (!(value instanceof String text) || !LITERAL.matcher(text.strip()).matches()) {
                    refuse(path, annotation.getLine() > 0 ? annotation.getLine() : rule.getLine(),
                            what + " @" + annotation.getName() + "(" + value + ")",
                            "annotation values are literals: a quoted text, a whole number, true or false");
                }
            }
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(path, rule.getLine(), what + " named consequences", "a rule has one consequence");
        }
        Map<String, String> bound = new HashMap<>(); // variable -> declared type, or null for a value
        if (rule instanceof QueryDescr query) {
            String[] names = query.getParameters();
            String[] kinds = query.getParameterTypes();
            for (int i = 0; names != null && i < names.length; i++) {
                String kind = kinds == null || i >= kinds.length ? null : kinds[i];
                if (kind == null || !(VALUE_TYPES.contains(kind) || types.containsKey(kind))) {
                    refuse(path, rule.getLine(), what + " parameter " + names[i] + " of type " + kind,
                            "parameters are of the value types or declared types");
                }
                bound.put(names[i], types.containsKey(kind) ? kind : null);
            }
        }
        conditions(path, what, rule.getLhs(), bound);
        if (rule.isRule() && rule.getConsequence() != null) {
            if (rule.getConsequence() instanceof String text) {
                consequence(path, what, rule.getConsequenceLine(), text, bound);
            } else {
                refuse(path, rule.getConsequenceLine(), what + " consequence", "a consequence is DRL text");
            }
        }
    }

    private void conditions(String path, String what, BaseDescr descr, Map<String, String> bound) {
        if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr) {
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs()) {
                conditions(path, what, child, bound);
            }
        } else if (descr instanceof PatternDescr pattern) {
            pattern(path, what, pattern, bound);
        } else {
            refuse(path, descr.getLine(), what + ": " + construct(descr),
                    "conditions are patterns over the declared fact types, with and, or, not, exists");
        }
    }

    private static String construct(BaseDescr descr) {
        String name = descr.getClass().getSimpleName().replaceFirst("Descr$", "");
        return name.isEmpty() ? "condition" : name.toLowerCase(java.util.Locale.ROOT);
    }

    private void pattern(String path, String what, PatternDescr pattern, Map<String, String> bound) {
        String type = pattern.getObjectType();
        Map<String, String> fields = types.get(type);
        if (fields == null) {
            refuse(path, pattern.getLine(), what + ": pattern over " + type, "patterns match the declared fact types");
            return;
        }
        if (pattern.getSource() != null) {
            refuse(path, pattern.getLine(), what + ": " + construct(pattern.getSource()) + " source of " + type,
                    "facts come from the service only (no from, collect, accumulate, entry-point)");
        }
        if (pattern.isQuery()) {
            refuse(path, pattern.getLine(), what + ": query call " + type, "patterns match facts");
        }
        pattern.getAnnotations().forEach(a -> refuse(path, pattern.getLine(), what + ": pattern annotation @"
                + a.getName(), "patterns take no annotations"));
        if (pattern.getIdentifier() != null) {
            bind(path, pattern.getLine(), what, pattern.getIdentifier(), type, bound);
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            String expression = constraint instanceof ExprConstraintDescr e ? e.getExpression()
                    : constraint instanceof BindingDescr b ? b.getVariable() + " : " + b.getExpression() : null;
            int line = constraint.getLine() > 0 ? constraint.getLine() : pattern.getLine();
            if (expression == null) {
                refuse(path, line, what + ": constraint " + constraint, "constraints are expressions over fields");
                continue;
            }
            DrlxExpression parsed;
            try {
                parsed = DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(Set.of()), expression);
            } catch (RuntimeException e) {
                refuse(path, line, what + ": constraint " + expression, "it cannot be read as a constraint");
                continue;
            }
            if (parsed.getBind() != null) {
                bind(path, line, what, parsed.getBind().asString(), null, bound);
            }
            String problem = value(parsed.getExpr(), bound, fields);
            if (problem != null) {
                refuse(path, line, what + ": constraint " + expression, problem);
            }
        }
    }

    private void bind(String path, int line, String what, String name, String type, Map<String, String> bound) {
        if (!BOUND.matcher(name).matches()) {
            refuse(path, line, what + ": binding " + name, "bound variables start with $");
        }
        bound.put(name, type);
    }

    /**
     * Why an expression is not allowed, or null when it is. {@code fields} are the names usable bare
     * (the pattern's fields in a constraint; none in a consequence).
     */
    private String value(Expression e, Map<String, String> bound, Map<String, String> fields) {
        if (e instanceof StringLiteralExpr || e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr
                || e instanceof BooleanLiteralExpr || e instanceof NullLiteralExpr || e instanceof DoubleLiteralExpr) {
            return null;
        }
        if (e instanceof NameExpr || e instanceof DrlNameExpr) {
            String name = e instanceof NameExpr n ? n.getNameAsString() : ((DrlNameExpr) e).getNameAsString();
            if (e instanceof DrlNameExpr d && d.getBackReferencesCount() > 0) {
                return "back references are not allowed";
            }
            return bound.containsKey(name) || fields.containsKey(name) ? null
                    : "'" + name + "' is neither a field of the pattern nor a bound variable";
        }
        if (e instanceof EnclosedExpr enclosed) {
            return value(enclosed.getInner(), bound, fields);
        }
        if (e instanceof UnaryExpr unary) {
            return switch (unary.getOperator()) {
                case LOGICAL_COMPLEMENT, MINUS, PLUS -> value(unary.getExpression(), bound, fields);
                default -> "the operator " + unary.getOperator().asString() + " is not allowed";
            };
        }
        if (e instanceof BinaryExpr binary) {
            String left = value(binary.getLeft(), bound, fields);
            return left != null ? left : value(binary.getRight(), bound, fields);
        }
        if (e instanceof HalfBinaryExpr half) {
            return value(half.getRight(), bound, fields);
        }
        if (e instanceof ConditionalExpr conditional) {
            String problem = value(conditional.getCondition(), bound, fields);
            problem = problem != null ? problem : value(conditional.getThenExpr(), bound, fields);
            return problem != null ? problem : value(conditional.getElseExpr(), bound, fields);
        }
        if (e instanceof FieldAccessExpr access) {
            Map<String, String> fact = boundFact(access.getScope(), bound);
            return fact != null && fact.containsKey(access.getNameAsString()) ? null
                    : "'" + text(access) + "' is not a field of a bound fact";
        }
        if (e instanceof MethodCallExpr call) {
            Map<String, String> fact = call.getScope().map(s -> boundFact(s, bound)).orElse(null);
            String field = getter(call.getNameAsString());
            return fact != null && call.getArguments().isEmpty() && field != null && fact.containsKey(field) ? null
                    : "the method call '" + text(call) + "' is not allowed: only getters of bound facts";
        }
        if (e instanceof ObjectCreationExpr creation) {
            String type = creation.getType().asString();
            if (!types.containsKey(type) || creation.getAnonymousClassBody().isPresent()
                    || !creation.getTypeArguments().map(Collection::isEmpty).orElse(true) || creation.getScope().isPresent()) {
                return "'new " + type + "' is not allowed: only new facts of the declared types";
            }
            for (Expression argument : creation.getArguments()) {
                String problem = value(argument, bound, Map.of());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return "'" + text(e) + "' (" + e.getClass().getSimpleName().replaceFirst("Expr$", "") + ") is not allowed";
    }

    /** The fields of the declared type a bound variable holds, or null. */
    private Map<String, String> boundFact(Node scope, Map<String, String> bound) {
        String name = scope instanceof NameExpr n ? n.getNameAsString()
                : scope instanceof DrlNameExpr d ? d.getNameAsString() : null;
        String type = name == null ? null : bound.get(name);
        return type == null ? null : types.get(type);
    }

    private static String getter(String method) {
        String field = method.startsWith("get") ? method.substring(3) : method.startsWith("is") ? method.substring(2) : null;
        return field == null || field.isEmpty() ? null : decapitalize(field);
    }

    private static String setter(String method) {
        return method.startsWith("set") && method.length() > 3 ? decapitalize(method.substring(3)) : null;
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private void consequence(String path, String what, int line, String text, Map<String, String> bound) {
        BlockStmt block;
        try {
            block = MvelParser.parseBlock("{" + text + "\n}");
        } catch (RuntimeException e) {
            refuse(path, line + 1, what + " consequence: " + firstLine(text),
                    "it cannot be read as a consequence: " + firstLine(e.getMessage()));
            return;
        }
        // Drools' MVEL parser keeps no positions: find each statement's first word in the text, which
        // starts on the line after "then"
        int cursor = 0;
        for (Statement statement : block.getStatements()) {
            Matcher word = FIRST_WORD.matcher(text(statement));
            int found = word.find() ? text.indexOf(word.group(), cursor) : -1;
            cursor = found >= 0 ? found : cursor;
            String problem = statement(statement, bound);
            if (problem != null) {
                refuse(path, line + lineOf(text, cursor), what + " consequence: " + firstLine(text(statement)),
                        problem);
            }
        }
    }

    private String statement(Statement statement, Map<String, String> bound) {
        if (statement instanceof EmptyStmt) {
            return null;
        }
        if (statement instanceof ModifyStatement modify) {
            Map<String, String> fact = boundFact(modify.getModifyObject(), bound);
            if (fact == null) {
                return "modify only a bound fact of a declared type";
            }
            for (Statement change : modify.getExpressions()) {
                Expression e = change instanceof ExpressionStmt s ? s.getExpression() : null;
                String problem = e instanceof MethodCallExpr call && call.getScope().isEmpty()
                        ? setterCall(call, fact, bound) : "inside modify, only setters of the fact's fields";
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (statement instanceof ExpressionStmt s && s.getExpression() instanceof MethodCallExpr call) {
            if (call.getScope().isPresent()) {
                Map<String, String> fact = boundFact(call.getScope().get(), bound);
                return fact == null ? "the method call '" + text(call) + "' is not allowed: only setters of bound facts"
                        : setterCall(call, fact, bound);
            }
            String name = call.getNameAsString();
            if ((name.equals("insert") || name.equals("insertLogical")) && call.getArguments().size() == 1) {
                Expression argument = call.getArgument(0);
                if (argument instanceof ObjectCreationExpr || boundFact(argument, bound) != null) {
                    return value(argument, bound, Map.of());
                }
                return name + " takes a new fact of a declared type or a bound fact";
            }
            if (name.equals("update") && call.getArguments().size() == 1) {
                return boundFact(call.getArgument(0), bound) != null ? null : "update takes a bound fact";
            }
            return "the call '" + text(call) + "' is not allowed: a consequence sets or inserts facts"
                    + " (modify, setters, update, insert, insertLogical)";
        }
        return "'" + firstLine(text(statement)) + "' (" + statement.getClass().getSimpleName()
                + ") is not allowed: a consequence sets or inserts facts";
    }

    private String setterCall(MethodCallExpr call, Map<String, String> fact, Map<String, String> bound) {
        String field = setter(call.getNameAsString());
        if (field == null || !fact.containsKey(field) || call.getArguments().size() != 1) {
            return "the call '" + text(call) + "' is not allowed: only setters of the fact's fields";
        }
        return value(call.getArgument(0), bound, Map.of());
    }

    /** A node as source text (nodes of Drools' DRLX forms print only through Drools' printer). */
    private static String text(Node node) {
        try {
            return PrintUtil.printNode(node);
        } catch (RuntimeException e) {
            return node.getClass().getSimpleName();
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    private void refuse(String path, int line, String construct, String why) {
        problems.add(new PolicyDiagnostic("ERROR", path, null, line > 0 ? "line " + line : null,
                construct + " is not allowed: " + why));
    }
}
