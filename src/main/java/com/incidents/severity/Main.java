package com.incidents.severity;

import java.util.Arrays;

import com.incidents.severity.policy.validate.ValidateCommand;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point: {@code validate FOLDER} checks a rules folder and exits (0 accepted, 1 refused)
 * without starting the service; anything else starts the service and runs until it is stopped.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && "validate".equals(args[0])) {
            System.exit(ValidateCommand.run(Arrays.asList(args).subList(1, args.length), System.out));
        }
        Quarkus.run(args);
    }
}
