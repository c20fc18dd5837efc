package com.incidents.severity;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import com.incidents.severity.policy.validate.ValidateCommand;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point: no argument starts the service and runs until it is stopped; {@code validate
 * FOLDER} checks a rules folder and exits (0 accepted, 1 refused) without starting it; {@code -h} or
 * {@code --help} prints the usage and exits. Anything else is refused with the usage (exit 2) rather
 * than starting a service nobody asked for.
 */
@QuarkusMain
public class Main {

    static final String USAGE = """
            usage: java -jar target/quarkus-app/quarkus-run.jar [validate [--block-on-warnings] RULES_FOLDER]
              (no argument)    start the service (settings: README.md, "Configuration")
              validate FOLDER  check a rules folder with the checks the service runs at load, print the
                               report and exit: 0 if it would be accepted, 1 if refused; serves nothing
                --block-on-warnings  refuse on DMN validator warnings too
              -h, --help       print this and exit
            """;

    public static void main(String... args) {
        List<String> list = Arrays.asList(args);
        Integer exit = command(list, System.out, System.err);
        if (exit != null) {
            System.exit(exit);
        }
        Quarkus.run(args);
    }

    /** The exit code of a command that does not start the service, or null to start it. */
    static Integer command(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("-h") || args.contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        if (args.isEmpty()) {
            return null;
        }
        if ("validate".equals(args.get(0))) {
            return ValidateCommand.run(args.subList(1, args.size()), out);
        }
        err.println("Unknown argument: " + String.join(" ", args));
        err.print(USAGE);
        return 2;
    }
}
