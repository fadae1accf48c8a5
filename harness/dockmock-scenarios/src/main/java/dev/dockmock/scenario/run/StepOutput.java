package dev.dockmock.scenario.run;

/**
 * What running a step's client gave, before expectations are checked.
 *
 * @param exitCode the process exit code or HTTP status; null when none
 * @param stdout standard output, the HTTP body, or a Java step's printed lines
 * @param stderr standard error
 * @param error why the client could not run to its end (a time-out, a refused connection), or null
 * @param failure an assertion a Java step failed with, or null
 */
record StepOutput(Integer exitCode, String stdout, String stderr, String error, String failure) {

    static StepOutput error(String message) {
        return new StepOutput(null, "", "", message, null);
    }
}
