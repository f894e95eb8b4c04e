package io.docpulse.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The web address of the repository the docs live in, read from its {@code origin} remote, for a
 * site whose {@code repo_url} is not configured. Handbooks often link their own pages by full
 * forge URL ({@code https://github.com/org/repo/blob/main/people/onboarding.md}); knowing the
 * repository makes those links internal.
 */
public final class GitRemote {
    // git@github.com:org/repo.git, and the ssh:// and https:// forms, with or without a user or port
    private static final Pattern SCP = Pattern.compile("^(?:[^@/\\s]+@)?([A-Za-z0-9.-]+):(?!//)(?!\\d+/)/?(.+)$");
    private static final Pattern URL = Pattern.compile("^(?:https?|ssh|git|git\\+ssh)://(?:[^@/\\s]+@)?([A-Za-z0-9.-]+)(?::\\d+)?/(.+)$",
            Pattern.CASE_INSENSITIVE);

    private GitRemote() {
    }

    /** The web URL of the {@code origin} remote of the repository holding {@code contentRoot}, if any. */
    public static Optional<String> webUrl(Path contentRoot) {
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(contentRoot.toRealPath().toFile());
            if (builder.getGitDir() == null) return Optional.empty();
            try (Repository repo = builder.setMustExist(true).build()) {
                return Optional.ofNullable(repo.getConfig().getString("remote", "origin", "url")).flatMap(GitRemote::toWebUrl);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable or odd repository: the links stay as written, as without a remote
            return Optional.empty();
        }
    }

    /**
     * {@code git@github.com:org/repo.git}, {@code ssh://git@gitlab.com:2222/group/sub/repo.git} and
     * {@code https://user:token@bitbucket.org/team/repo} give {@code https://github.com/org/repo},
     * {@code https://gitlab.com/group/sub/repo} and {@code https://bitbucket.org/team/repo}; a
     * credential is never kept. A local path gives nothing.
     */
    public static Optional<String> toWebUrl(String remote) {
        String r = remote.strip();
        String host;
        String path;
        Matcher u = URL.matcher(r);
        Matcher s = SCP.matcher(r);
        if (u.matches()) {
            host = u.group(1);
            path = u.group(2);
        } else if (!r.contains("://") && s.matches() && s.group(1).contains(".")) {
            host = s.group(1);
            path = s.group(2);
        } else {
            return Optional.empty();
        }
        path = path.replaceAll("/+$", "");
        if (path.toLowerCase(Locale.ROOT).endsWith(".git")) path = path.substring(0, path.length() - 4);
        if (path.isEmpty() || !path.contains("/")) return Optional.empty();
        return Optional.of("https://" + host.toLowerCase(Locale.ROOT) + "/" + path);
    }
}
