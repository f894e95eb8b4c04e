package io.docpulse.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jar's entry point. {@code java -jar docpulse.jar} starts a JVM with the default settings,
 * which suit a long-running server: a heap of a quarter of the machine's memory and the G1
 * collector, which grows the heap freely and keeps it (1.5 GB resident for 653 pages). A build is a
 * batch job, so this starts docpulse again in a second JVM with settings that suit one, and passes
 * on its exit code: the serial collector, which keeps the heap near what is live. A user passes no
 * flags; whatever JVM options they did pass are kept, and a collector they chose is not replaced.
 *
 * <p>The second JVM costs about a tenth of a second. Set {@code DOCPULSE_IN_PROCESS=1} (or start
 * the JVM with the options yourself and {@code -cp docpulse.jar io.docpulse.cli.Main}) to run in
 * the first one.
 */
public final class Launcher {
    /** Set in the child, so that it runs the command instead of starting another JVM. */
    static final String CHILD = "docpulse.launched";

    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> command = childCommand(args).orElse(null);
        if (command == null) {
            Main.main(args);
            return;
        }
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (java.io.IOException | RuntimeException e) {
            // no second JVM (a restricted sandbox): run here, with the settings we have
            Main.main(args);
            return;
        }
        // Ctrl-C reaches both processes (one process group); a plain kill of this one must not
        // leave the build running on its own
        Thread stop = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                child.destroyForcibly();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        int code;
        while (true) {
            try {
                code = child.waitFor();
                break;
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the run is over
            }
        }
        System.exit(code);
    }

    /** The command line of the JVM to run docpulse in, or empty to run in this one. */
    static Optional<List<String>> childCommand(String[] args) {
        if (System.getProperty(CHILD) != null || "1".equals(System.getenv("DOCPULSE_IN_PROCESS"))) {
            return Optional.empty();
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        return childCommand(args, info.command().orElse(null), info.arguments().orElse(null), jarPath());
    }

    /**
     * @param java      this JVM's java command
     * @param arguments this JVM's arguments, after the command
     * @param jar       the jar docpulse runs from, or null when it does not run from one
     */
    static Optional<List<String>> childCommand(String[] args, String java, String[] arguments, String jar) {
        // a search is over in a second: a second JVM costs more than the batch settings save, but
        // less than the class-data archive saves (on rust-rfcs 1.0 CPU s against 2.0 without it)
        if (args.length > 0 && args[0].equals("search") && (jar == null || classDataArchive(jar) == null)) {
            return Optional.empty();
        }
        List<String> given = jvmOptions(arguments);
        if (java == null || given == null || jar == null) return Optional.empty();
        // profiling or class-data options are meant for the JVM that was started: keep to it
        if (given.stream().anyMatch(o -> o.startsWith("-XX:StartFlightRecording") || o.startsWith("-agent")
                || o.startsWith("-javaagent") || o.startsWith("-XX:ArchiveClassesAtExit"))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        if (given.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            command.add("-XX:+UseSerialGC");
            // give memory back when the live data shrinks, keep the heap near what is live
            command.add("-XX:MinHeapFreeRatio=10");
            command.add("-XX:MaxHeapFreeRatio=30");
        }
        // The optimising compiler (C2) costs more CPU than it saves until a run is long: on a
        // 2-core machine a 653-page build took 50-57 CPU s with the quick compiler (C1) alone
        // and 86-93 s with both, while the 9,746-page reference took 385 s with C1 alone and 310 s
        // with both. So small sites stop at C1.
        if (given.stream().noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel") || o.contains("TieredCompilation"))
                && markdownBytes(contentFolder(args), QUICK_COMPILER_BYTES) <= QUICK_COMPILER_BYTES) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        // metadata of the classes a build loads outgrows the JVM's first threshold (about 21 MB) and
        // costs a full collection for nothing; a run's classes stay loaded to its end anyway
        if (given.stream().noneMatch(o -> o.startsWith("-XX:MetaspaceSize"))) command.add("-XX:MetaspaceSize=96m");
        // the class-data archive made at package time (see pom.xml): the classes a build loads,
        // parsed and verified once, mapped instead of read from the jar. A JVM or jar that does not
        // match it just runs without it, silently
        String archive = classDataArchive(jar);
        if (archive != null && given.stream().noneMatch(o -> o.startsWith("-Xshare") || o.startsWith("-XX:SharedArchiveFile"))) {
            command.add("-XX:SharedArchiveFile=" + archive);
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
        }
        command.addAll(given);
        command.add("-D" + CHILD + "=1");
        command.add("-cp");
        command.add(jar);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** The name of the class-data archive that {@code mvn package} writes next to the jar. */
    static final String ARCHIVE = "docpulse.jsa";

    /** The class-data archive next to the jar, or null when there is none. */
    static String classDataArchive(String jar) {
        try {
            java.nio.file.Path a = java.nio.file.Path.of(jar).toAbsolutePath().resolveSibling(ARCHIVE);
            return java.nio.file.Files.isRegularFile(a) ? a.toString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Sites with up to this many bytes of Markdown run with the quick compiler only. */
    static final long QUICK_COMPILER_BYTES = 24L << 20;

    /** The content folder the command line names ({@code --content}), or the default. */
    static java.nio.file.Path contentFolder(String[] args) {
        String content = "content";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--content") && i + 1 < args.length) content = args[i + 1];
            else if (args[i].startsWith("--content=")) content = args[i].substring("--content=".length());
        }
        return java.nio.file.Path.of(content);
    }

    /** The bytes of Markdown under a folder, counted up to just past {@code limit}; 0 when unreadable. */
    static long markdownBytes(java.nio.file.Path folder, long limit) {
        long[] total = {0};
        try {
            java.nio.file.Files.walkFileTree(folder, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(java.nio.file.Path file,
                                                               java.nio.file.attribute.BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (name.regionMatches(true, Math.max(0, name.length() - 3), ".md", 0, 3)) total[0] += attrs.size();
                    return total[0] > limit ? java.nio.file.FileVisitResult.TERMINATE
                            : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(java.nio.file.Path file, java.io.IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (java.io.IOException | RuntimeException e) {
            return total[0];
        }
        return total[0];
    }

    /** The JVM options this JVM was started with (what comes before {@code -jar}), or null when unclear. */
    static List<String> jvmOptions(String[] arguments) {
        if (arguments == null) return null;
        List<String> out = new ArrayList<>();
        for (String a : arguments) {
            if (a.equals("-jar")) return out;
            // options of the java launcher that take their value as the next argument are not expected here
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) return null;
            out.add(a);
        }
        return null;
    }

    private static String jarPath() {
        try {
            var source = Launcher.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            File f = new File(source.getLocation().toURI());
            return f.isFile() && f.getName().endsWith(".jar") ? f.getPath() : null;
        } catch (java.net.URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
