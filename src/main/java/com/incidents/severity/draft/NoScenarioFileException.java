package com.incidents.severity.draft;

/** An override's scenario row has no file to go in: the policy in force has no such scenario file (409). */
public class NoScenarioFileException extends DraftRefusedException {

    public NoScenarioFileException(String file) {
        super(DraftProblem.of("no-scenario-file", "The policy has no such scenario file", 409, "The policy in force has no "
                + file + " for this row (a draft changes the policy's files, it adds none); add the row to a scenario file by hand",
                null));
    }
}
