package io.docpulse.cli;

import io.docpulse.render.Versions;
import picocli.CommandLine;

/** {@code --version}: docpulse's version and the Java it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"docpulse " + Versions.docpulse(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
