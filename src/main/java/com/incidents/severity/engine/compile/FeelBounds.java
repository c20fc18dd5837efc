package com.incidents.severity.engine.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.antlr.v4.runtime.tree.ParseTree;
import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.feel.lang.Type;
import org.kie.dmn.feel.lang.ast.ASTNode;
import org.kie.dmn.feel.lang.ast.AtLiteralNode;
import org.kie.dmn.feel.lang.ast.BetweenNode;
import org.kie.dmn.feel.lang.ast.BooleanNode;
import org.kie.dmn.feel.lang.ast.CTypeNode;
import org.kie.dmn.feel.lang.ast.ContextNode;
import org.kie.dmn.feel.lang.ast.DashNode;
import org.kie.dmn.feel.lang.ast.FilterExpressionNode;
import org.kie.dmn.feel.lang.ast.ForExpressionNode;
import org.kie.dmn.feel.lang.ast.FunctionDefNode;
import org.kie.dmn.feel.lang.ast.FunctionInvocationNode;
import org.kie.dmn.feel.lang.ast.IfExpressionNode;
import org.kie.dmn.feel.lang.ast.InNode;
import org.kie.dmn.feel.lang.ast.InfixOpNode;
import org.kie.dmn.feel.lang.ast.InfixOperator;
import org.kie.dmn.feel.lang.ast.InstanceOfNode;
import org.kie.dmn.feel.lang.ast.IterationContextNode;
import org.kie.dmn.feel.lang.ast.ListNode;
import org.kie.dmn.feel.lang.ast.ListTypeNode;
import org.kie.dmn.feel.lang.ast.NameDefNode;
import org.kie.dmn.feel.lang.ast.NameRefNode;
import org.kie.dmn.feel.lang.ast.NamedParameterNode;
import org.kie.dmn.feel.lang.ast.NullNode;
import org.kie.dmn.feel.lang.ast.NumberNode;
import org.kie.dmn.feel.lang.ast.PathExpressionNode;
import org.kie.dmn.feel.lang.ast.QualifiedNameNode;
import org.kie.dmn.feel.lang.ast.QuantifiedExpressionNode;
import org.kie.dmn.feel.lang.ast.RangeNode;
import org.kie.dmn.feel.lang.ast.SignedUnaryNode;
import org.kie.dmn.feel.lang.ast.StringNode;
import org.kie.dmn.feel.lang.ast.TemporalConstantNode;
import org.kie.dmn.feel.lang.ast.UnaryTestListNode;
import org.kie.dmn.feel.lang.ast.UnaryTestNode;
import org.kie.dmn.feel.lang.ast.UndefinedValueNode;
import org.kie.dmn.feel.lang.impl.FEELEventListenersManager;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.lang.types.DefaultBuiltinFEELTypeRegistry;
import org.kie.dmn.feel.parser.feel11.ASTBuilderVisitor;
import org.kie.dmn.feel.parser.feel11.FEELParser;
import org.kie.dmn.feel.parser.feel11.FEEL_1_1Parser;

/**
 * What a FEEL expression of a policy may contain, checked on the tree kie-dmn's own FEEL parser
 * ({@link FEELParser}, {@link ASTBuilderVisitor}) makes of it. The rule is positive: an expression
 * may contain only literals (strings, numbers, booleans, null, {@code @"..."} dates and times),
 * names and paths ({@code Capability lookup.tier}), the operators {@code + - * /}, comparisons,
 * {@code and}, {@code or}, {@code between}, {@code in}, {@code instance of}, {@code if then else},
 * list literals, unary tests ({@code <120}, {@code [120..300]}, {@code "C1","C2"}, {@code -}) and
 * calls of the built-in functions in {@link #FUNCTIONS}, at most {@value #MAX_NODES} parts in all.
 * Nothing else: so no {@code for}, {@code some} or {@code every} (they iterate, over ranges such as
 * {@code 1..300000000} too), no {@code function} definitions (they recurse), no contexts
 * ({@code { a: ..., b: a + a }} doubles a value at each entry), no filters, no {@code **}, and no
 * function that builds a list or string from others or runs a regular expression ({@code string join},
 * {@code concatenate}, {@code sublist}, {@code append}, {@code replace}, {@code matches}...). An
 * expression keeping to this runs in time and space linear in its own size and its inputs' size.
 */
final class FeelBounds {

    /** The most parts (nodes of the parse tree) one FEEL text may have; the shipped policy's largest has 5. */
    static final int MAX_NODES = 200;

    /**
     * The built-in functions a policy may call: none iterates, builds a collection, runs a regex, or
     * takes a scale ({@code decimal}, {@code floor}, {@code round up}... could be asked for a number
     * of a billion digits).
     */
    static final Set<String> FUNCTIONS = Set.of("not", "is", "string", "number", "string length", "upper case",
            "lower case", "substring", "substring before", "substring after", "contains", "starts with", "ends with",
            "abs", "modulo", "odd", "even", "min", "max", "sum", "mean", "count", "all", "any", "list contains", "date", "time",
            "date and time", "duration", "years and months duration", "day of week", "day of year", "month of year",
            "week of year", "today", "now");

    private static final Set<Class<?>> PLAIN = Set.of(StringNode.class, NumberNode.class, BooleanNode.class,
            NullNode.class, AtLiteralNode.class, TemporalConstantNode.class, NameRefNode.class,
            QualifiedNameNode.class, PathExpressionNode.class, SignedUnaryNode.class, IfExpressionNode.class,
            BetweenNode.class, InNode.class, InstanceOfNode.class, CTypeNode.class, ListTypeNode.class,
            ListNode.class, NamedParameterNode.class, NameDefNode.class, UnaryTestNode.class, UnaryTestListNode.class, DashNode.class, RangeNode.class,
            UndefinedValueNode.class); // the implicit '?' of a test such as <120

    private static final Set<InfixOperator> OPERATORS = Set.of(InfixOperator.ADD, InfixOperator.SUB,
            InfixOperator.MULT, InfixOperator.DIV, InfixOperator.LTE, InfixOperator.LT, InfixOperator.GT,
            InfixOperator.GTE, InfixOperator.EQ, InfixOperator.NE, InfixOperator.AND, InfixOperator.OR);

    private FeelBounds() {
    }

    /**
     * Why {@code text} may not be in a policy, in words an editor understands; empty when it keeps
     * to the rule. {@code unaryTests}: the text is a list of tests (an input entry, allowed values),
     * not an expression. {@code names}: the names the model defines, so that the parser reads
     * names with spaces as one name.
     */
    static Optional<String> refusal(String text, boolean unaryTests, Set<String> names) {
        List<String> syntax = new ArrayList<>();
        FEELEventListenersManager events = new FEELEventListenersManager();
        events.addListener(event -> {
            if (event.getSeverity() == FEELEvent.Severity.ERROR) {
                syntax.add(event.getMessage());
            }
        });
        Map<String, Type> scope = new HashMap<>();
        names.forEach(n -> scope.put(n, BuiltInType.UNKNOWN));
        ASTNode root;
        try {
            FEEL_1_1Parser parser = FEELParser.parse(events, text, scope, Map.of(), List.of(), List.of(),
                    DefaultBuiltinFEELTypeRegistry.INSTANCE);
            ParseTree tree = unaryTests ? parser.unaryTestsRoot() : parser.compilation_unit();
            root = new ASTBuilderVisitor(scope, DefaultBuiltinFEELTypeRegistry.INSTANCE).visit(tree);
        } catch (RuntimeException e) {
            return Optional.of("the FEEL text cannot be read: " + e.getMessage());
        }
        if (!syntax.isEmpty() || root == null) {
            return Optional.of("the FEEL text cannot be read: " + String.join("; ", syntax));
        }
        return walk(root);
    }

    private static Optional<String> walk(ASTNode root) {
        Deque<ASTNode> todo = new ArrayDeque<>(List.of(root));
        int count = 0;
        while (!todo.isEmpty()) {
            ASTNode node = todo.pop();
            if (++count > MAX_NODES) {
                return Optional.of("a FEEL text of more than " + MAX_NODES + " parts is not allowed");
            }
            String refused = refused(node);
            if (refused != null) {
                return Optional.of(refused + " is not allowed in FEEL: an expression may contain literals, names, "
                        + "+ - * /, comparisons, and/or, if-then-else, lists, tests and the bounded built-in functions");
            }
            for (ASTNode child : node.getChildrenNode()) {
                if (child != null) {
                    todo.push(child);
                }
            }
        }
        return Optional.empty();
    }

    /** The construct named in words, when {@code node} is not one an expression may contain. */
    private static String refused(ASTNode node) {
        if (node instanceof InfixOpNode infix) {
            return OPERATORS.contains(infix.getOperator()) ? null
                    : "the operator " + infix.getOperator().symbol + " (it can make numbers of any size)";
        }
        if (node instanceof FunctionInvocationNode call) {
            String name = call.getName() instanceof NameRefNode ref ? ref.getText() : null;
            if (name != null && FUNCTIONS.contains(name.strip())) {
                return null;
            }
            if (call.getName() instanceof FunctionDefNode) {
                return "a function definition (it can call itself)";
            }
            return "a call of '" + (name != null ? name : call.getName().getText())
                    + "' (only bounded built-in functions; none that builds lists or strings or runs a regex)";
        }
        if (PLAIN.contains(node.getClass())) {
            return null;
        }
        if (node instanceof ForExpressionNode) {
            return "a 'for ... in ... return' loop";
        }
        if (node instanceof QuantifiedExpressionNode q) {
            return "a '" + q.getQuantifier().name().toLowerCase(java.util.Locale.ROOT) + " ... in ... satisfies' loop";
        }
        if (node instanceof IterationContextNode) {
            return "an iteration over a list or a range such as 1..N";
        }
        if (node instanceof FunctionDefNode) {
            return "a function definition (it can call itself)";
        }
        if (node instanceof ContextNode) {
            return "a context { name: ... } (its entries can double a value one after another)";
        }
        if (node instanceof FilterExpressionNode) {
            return "a filter list[...] (it iterates)";
        }
        return "the construct " + node.getClass().getSimpleName().replaceFirst("Node$", "");
    }
}
