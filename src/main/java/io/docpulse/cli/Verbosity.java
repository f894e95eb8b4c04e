package io.docpulse.cli;

import picocli.CommandLine.Option;

/**
 * {@code -v}, {@code -vv} and {@code -q}: how much docpulse says on stderr. Libraries (flexmark,
 * Pebble) stay at warnings unless {@code -vv}.
 */
final class Verbosity {
    @Option(names = {"-v", "--verbose"},
            description = "Say more: -v lists every finding, notes included, -vv adds timings of each stage.")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and warnings, no summary.")
    boolean quiet;

    void apply() {
        String level = verbose.length >= 2 ? "debug" : "warn";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.log.io.docpulse", level);
        // JGit's debug log runs to tens of thousands of lines on a long history: info is enough
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jgit", verbose.length >= 2 ? "info" : "warn");
        // search.vectors: DJL (the tokenizer) warns that it found no GPU, which docpulse never uses
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl", verbose.length >= 2 ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "false");
    }

    /** Every finding on the console, notes included, with no cap per rule. */
    boolean showAll() {
        return verbose.length >= 1;
    }

    boolean quiet() {
        return quiet;
    }

    /** Whether a long run shows its progress on the terminal: not when quiet, nor under -vv's timings. */
    boolean progress() {
        return !quiet && verbose.length < 2;
    }
}
