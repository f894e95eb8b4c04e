package io.docpulse.cli;

/** The process exit codes, with explicit values that never change. */
public enum ExitCode {
    /** the run completed and no threshold was crossed */
    OK(0),
    /** a threshold or {@code --strict} failed the run */
    FINDINGS(1),
    /** bad command line or configuration */
    USAGE(2),
    /** the run could not complete (I/O or internal error) */
    FAILURE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
