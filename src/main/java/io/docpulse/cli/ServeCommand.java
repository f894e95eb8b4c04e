package io.docpulse.cli;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.docpulse.config.ConfigException;
import io.docpulse.serve.DevServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docpulse serve}: a live-reloading preview of the site while you write. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Builds the site into a temporary folder, serves it, and rebuilds and reloads the browser on every save.",
                "Never writes site-output/. Stop with Ctrl-C; the temporary folder is removed."})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SourceOptions source;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--open", description = "Open the site in the default browser.")
    boolean open;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for building (default: the number of processors).")
    Integer threads;

    @CommandLine.Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws IOException, ConfigException, InterruptedException {
        verbosity.apply();
        CommandLine cli = spec.commandLine();
        if (port < 0 || port > 65535) throw new CommandLine.ParameterException(cli, "--port must be 0 to 65535");
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new CommandLine.ParameterException(cli, "--threads must be 1 or more");
        io.docpulse.Build.requireContent(source.content);
        DevServer server;
        try (io.docpulse.util.Progress progress = io.docpulse.util.Progress.open(System.err, verbosity.progress())) {
            server = new DevServer(source.content, source::config, n, bind, port, cli.getErr());
        } catch (java.net.BindException e) {
            throw new CommandLine.ParameterException(cli, "cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + " (another program may use it; try --port 0)");
        }
        String url = "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + server.port() + "/";
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                // exiting anyway
            }
            stopped.countDown();
        }, "docpulse-serve-stop"));
        cli.getOut().println("Serving " + source.content + " at " + url + " (Ctrl-C to stop)");
        cli.getOut().flush();
        if (open && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            Desktop.getDesktop().browse(URI.create(url));
        }
        stopped.await();
        return ExitCode.OK.code();
    }
}
